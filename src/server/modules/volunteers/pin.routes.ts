import { z } from 'zod';
import { errorResponses } from '../../../common/contract/common.js';
import { PIN_LOCK_MINUTES, PIN_MAX_FAILURES, SetPinBody } from '../../../common/contract/counter-pin.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import { setMyPin } from './pin.service.js';

/** The counter PIN (柜台密码) of volunteers without a smartphone. */
export function pinRoutes(app: App): void {
  app.put(
    '/api/v1/me/pin',
    {
      schema: {
        tags: ['volunteers'],
        summary: 'Set or replace my counter PIN: with my volunteer code or phone it names me at a supermarket counter',
        description:
          `4–6 digits; 422 RULE_VIOLATION for one digit repeated or a straight run (1234, 987654). After ` +
          `${PIN_MAX_FAILURES} wrong tries in a row the PIN is locked for ${PIN_LOCK_MINUTES} minutes; a new PIN ends the lock.`,
        body: SetPinBody,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await setMyPin(app.ctx, requireActor(req), req.body.pin);
      return reply.status(204).send(null);
    },
  );
}
