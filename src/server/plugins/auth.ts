import { createHash } from 'node:crypto';
import type { FastifySchema } from 'fastify';
import { AppError, refusal, unauthenticated } from '../../common/errors.js';
import type { App } from '../context.js';
import * as authRepo from '../modules/auth/index.js';
import type { Actor } from '../platform/access/policy.js';
import { nowIso } from '../ids.js';
import { keepAlive, lastUseOf, unlessIdle } from '../modules/auth/index.js';

export const SESSION_COOKIE = 'shanmei_session';
export const sha256 = (s: string): string => createHash('sha256').update(s).digest('base64url');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** How a caller proves who it is, as the API document names it (plugins/openapi.ts). */
export const SECURITY_SCHEMES = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'The session cookie that POST /api/v1/auth/login sets',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description: 'With the session cookie on POST, PUT, PATCH and DELETE: the csrfToken from GET /api/v1/me',
  },
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token from POST /api/v1/auth/tokens; needs no CSRF header',
  },
} as const;

type Security = NonNullable<FastifySchema['security']>;

/**
 * The security of every operation whose route declares none: a session (with the CSRF header
 * when the method changes state) or a bearer token.
 */
export function signedInSecurity(method: string): Security {
  return SAFE_METHODS.has(method.toUpperCase())
    ? [{ session: [] }, { bearer: [] }]
    : [{ session: [], csrf: [] }, { bearer: [] }];
}

/** Whether a declared security lets anonymous callers in: `[]` or an empty requirement `{}`. */
export const admitsAnonymous = (security: Security | undefined): boolean =>
  !!security && (security.length === 0 || security.some((r) => Object.keys(r).length === 0));

/**
 * Whether a route needs a caller: each one in the API document unless its schema declares a
 * security that admits anonymous callers (PUBLIC, OPTIONAL_AUTH in common/contract/common.ts).
 * Routes outside the document (hidden, or without a schema: the docs, the web app) check their
 * callers themselves.
 */
function needsCaller(schema: FastifySchema | undefined): boolean {
  return !!schema && !schema.hide && !admitsAnonymous(schema.security);
}

/**
 * Resolves the caller from a bearer token or the session cookie, refuses a state-changing
 * cookie request without the matching X-CSRF-Token header, and answers an anonymous call to an
 * operation that needs a caller with 401 before the body is read or checked against the
 * schema, so that anonymous callers learn nothing of what the operation accepts.
 */
export function registerAuth(app: App): void {
  app.decorateRequest('actor', null);
  const lastUse = lastUseOf(app.ctx.database, (err) =>
    app.log.error({ err }, 'writing last uses of sessions and tokens failed'),
  );
  // The uses noted last are written before the server lets go of the database.
  app.addHook('onClose', () => lastUse.flush());
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const db = app.ctx.database.db;
    const header = req.headers.authorization;
    let actor: Actor | null = null;
    if (header?.startsWith('Bearer ')) {
      const tok = await authRepo.callerOfToken(db, lastUse, header.slice(7).trim());
      if (!tok) throw new AppError('UNAUTHENTICATED', 'The bearer token is not valid, has ended or was revoked');
      // A read token may look, never change: only GET and HEAD (OPTIONS never reaches a route).
      if (tok.scope === 'read' && req.method !== 'GET' && req.method !== 'HEAD') {
        throw refusal('FORBIDDEN', 'token_read_only', 'This token may only read: GET and HEAD');
      }
      actor = {
        userId: tok.user_id,
        via: 'bearer',
        sessionId: null,
        csrfToken: null,
        grants: tok.grants,
        volunteerId: tok.volunteer_id,
      };
    } else {
      const cookie = req.cookies[SESSION_COOKIE];
      if (cookie) {
        const found = await authRepo.findSession(db, sha256(cookie), nowIso());
        const s = found && (await unlessIdle(db, lastUse, found, app.ctx.config));
        if (s) {
          keepAlive(lastUse, s);
          actor = {
            userId: s.user_id,
            via: 'session',
            sessionId: s.id,
            csrfToken: s.csrf_token,
            grants: s.grants,
            volunteerId: s.volunteer_id,
          };
        }
      }
    }
    if (!actor) {
      if (needsCaller(req.routeOptions.schema as FastifySchema | undefined)) throw unauthenticated();
      return;
    }
    if (actor.via === 'session' && !SAFE_METHODS.has(req.method) && req.url !== '/api/v1/auth/login') {
      if (req.headers['x-csrf-token'] !== actor.csrfToken) {
        throw new AppError('CSRF_FAILED', 'Send the X-CSRF-Token header from GET /api/v1/me');
      }
    }
    req.actor = actor;
  });
}

/** The caller, or a 401. */
export function requireActor(req: { actor: Actor | null }): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}
