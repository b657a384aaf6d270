import { z } from 'zod';
import { errorResponses, OPTIONAL_AUTH, PUBLIC } from '../../../common/contract/common.js';
import {
  ChangePasswordBody,
  PasswordResetBody,
  RequestCodeAnswer,
  RequestCodeBody,
} from '../../../common/contract/verification.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import { changePassword, resetPassword } from './passwords.service.js';
import { requestCode } from './verification.service.js';

/** Proving a phone by SMS, and the passwords that rest on it. */
export function verificationRoutes(app: App): void {
  const tags = ['auth'];

  app.post(
    '/api/v1/verification-codes',
    {
      schema: {
        security: OPTIONAL_AUTH,
        tags,
        summary: 'Send a one-time code by SMS to prove a phone (register, phone_change, password_reset)',
        description:
          'Answers 202 the same whether or not the phone is known. A registered phone asked to register gets an ' +
          'SMS saying so instead of a code; an unknown phone asked to reset gets nothing. One a minute and five an ' +
          'hour per phone, twenty an hour per address. The dev provider writes the text to SHANMEI_SMS_DEV_FILE.',
        body: RequestCodeBody,
        response: { 202: RequestCodeAnswer, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(202).send(await requestCode(app.ctx, req.body, req.ip, req.actor)),
  );

  app.post(
    '/api/v1/auth/password-reset',
    {
      schema: {
        security: PUBLIC,
        tags,
        summary: 'Set a new password with a code sent to the account’s phone; ends every session and token',
        body: PasswordResetBody,
        response: { 204: z.null().describe('Reset'), ...errorResponses },
      },
    },
    async (req, reply) => {
      await resetPassword(app.ctx, req.body);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/me/password',
    {
      schema: {
        tags,
        summary: 'Change my password with the current one; ends my other sessions and every API token',
        body: ChangePasswordBody,
        response: { 204: z.null().describe('Changed'), ...errorResponses },
      },
    },
    async (req, reply) => {
      await changePassword(app.ctx, requireActor(req), req.body);
      return reply.status(204).send(null);
    },
  );
}
