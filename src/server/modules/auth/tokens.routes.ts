import { z } from 'zod';
import { errorResponses, IdParams } from '../../../common/contract/common.js';
import { TokenAnswer, TokenBody, TokenList } from '../../../common/contract/tokens.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import { lastUseOf } from './last-use.js';
import * as service from './tokens.service.js';

/** POST, GET /api/v1/auth/tokens and DELETE /api/v1/auth/tokens/:id: a person's API tokens. */
export function tokenRoutes(app: App): void {
  const db = app.ctx.database.db;
  const tags = ['auth'];

  app.post(
    '/api/v1/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Create a bearer token for an API client (admins and organisers, from a session)',
        description:
          'The secret is answered this once; only its hash is kept. A `read` token may only GET and HEAD. ' +
          'Every token ends after `days`, when revoked, and when its owner changes or resets the password or ' +
          'closes the account. No token may fetch ID numbers or phones in full.',
        body: TokenBody,
        response: { 201: TokenAnswer, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createToken(db, requireActor(req), req.body)),
  );

  app.get(
    '/api/v1/auth/tokens',
    {
      schema: {
        tags,
        summary: 'My API tokens that are neither revoked nor ended, newest first (never the secret)',
        response: { 200: TokenList, ...errorResponses },
      },
    },
    async (req) => service.listTokens(db, lastUseOf(app.ctx.database), requireActor(req)),
  );

  app.delete(
    '/api/v1/auth/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke one of my API tokens',
        params: IdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await service.revokeToken(db, requireActor(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
