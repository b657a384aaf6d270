import { z } from 'zod';
import { errorResponses } from '../../../common/contract/common.js';
import { CloseAccountBody } from '../../../common/contract/verification.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import { closeAccount } from './closure.service.js';

/** Closing one's own account. */
export function closureRoutes(app: App): void {
  app.post(
    '/api/v1/me/close',
    {
      schema: {
        tags: ['auth'],
        summary: 'Close my account: name, ID number, phone, e-mail and logins are erased; service records stay',
        description:
          'Places held on shifts to come are given back first; the photos on my needs, and those I uploaded as a ' +
          'taker and never attached, are deleted, as are the photos and the position on my reports. Records, hours, points and statistics remain, ' +
          'tied to a volunteer code that names nobody; the account cannot be logged into again.',
        body: CloseAccountBody,
        response: { 204: z.null().describe('Closed'), ...errorResponses },
      },
    },
    async (req, reply) => {
      await closeAccount(app.ctx, requireActor(req), req.body.currentPassword, req.log);
      return reply.status(204).send(null);
    },
  );
}
