import { z } from 'zod';
import { LoginAnswer, LoginBody, LogoutAllAnswer, MeAnswer } from '../../../common/contract/auth.js';
import { errorResponses, PUBLIC } from '../../../common/contract/common.js';
import type { App } from '../../context.js';
import { requireActor, SESSION_COOKIE } from '../../plugins/auth.js';
import * as service from './auth.service.js';
import { endAllSessions, secureCookie } from './sessions.js';
import { tokenRoutes } from './tokens.routes.js';

export function authRoutes(app: App): void {
  const ctx = app.ctx;
  const tags = ['auth'];

  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        security: PUBLIC,
        tags,
        summary: 'Log in with username, phone or volunteer code',
        body: LoginBody,
        response: { 200: LoginAnswer, ...errorResponses },
      },
    },
    async (req, reply) => {
      const s = await service.login(ctx, req.body.login, req.body.password, req.ip);
      reply.setCookie(SESSION_COOKIE, s.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookie(req, ctx.config),
        maxAge: s.maxAgeSeconds,
      });
      return { user: await service.loadUser(ctx.database.db, s.userId) };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      schema: { tags, summary: 'Log out', response: { 204: z.null(), ...errorResponses } },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await service.logout(ctx.database.db, actor.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/logout-all',
    {
      schema: {
        tags,
        summary: 'Log out everywhere: end every session of the caller, this one included',
        response: { 200: LogoutAllAnswer, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const endedSessions = await ctx.database.db.transaction().execute((trx) => endAllSessions(trx, actor.userId));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { endedSessions };
    },
  );

  app.get(
    '/api/v1/me',
    {
      schema: {
        tags,
        summary: 'The caller, their roles and the CSRF token',
        response: { 200: MeAnswer, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return {
        user: await service.loadUser(ctx.database.db, actor.userId),
        roles: actor.grants.map((g) => ({ role: g.role, scopeType: g.scope_type, scopeId: g.scope_id })) as z.infer<
          typeof MeAnswer
        >['roles'],
        csrfToken: actor.csrfToken,
      };
    },
  );
  tokenRoutes(app);
}
