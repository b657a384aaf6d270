import { createHash } from 'node:crypto';
import { AppError, unauthenticated } from '../../common/errors.js';
import type { App } from '../context.js';
import * as authRepo from '../modules/auth/index.js';
import type { Actor } from '../platform/access/policy.js';
import { nowIso } from '../ids.js';

export const SESSION_COOKIE = 'shanmei_session';
export const sha256 = (s: string): string => createHash('sha256').update(s).digest('base64url');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller from a bearer token or the session cookie, and refuses a
 * state-changing cookie request without the matching X-CSRF-Token header.
 */
export function registerAuth(app: App): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const db = app.ctx.database.db;
    const header = req.headers.authorization;
    let actor: Actor | null = null;
    if (header?.startsWith('Bearer ')) {
      const tok = await authRepo.findToken(db, sha256(header.slice(7).trim()));
      if (!tok) throw new AppError('UNAUTHENTICATED', 'The bearer token is not valid');
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
        const s = await authRepo.findSession(db, sha256(cookie), nowIso());
        if (s) {
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
    if (!actor) return;
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
