import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { deleteSession } from './auth.repository.js';
import type { LastUse } from './last-use.js';
import { deleteDeadSessions, deleteSessionsOf } from './sessions.repository.js';

/** A session's last use is written at most this often: not a write per request. */
export const TOUCH_EVERY_MS = 60_000;

/** Roles whose consoles reach many people's data: their sessions end sooner when left unused. */
const ADMIN_ROLES = new Set(['system_admin', 'region_admin', 'department_admin']);

type IdleConfig = Pick<Config, 'sessionIdleMinutes' | 'adminIdleMinutes'>;

/**
 * Minutes a session may go unused: a day's shift for volunteers, residents and the staff of an
 * event (a volunteer checks in at the start and out at the end, hours later, without touching
 * the app in between), an hour for admins of a region, a department or the system.
 */
export const idleMinutesOf = (grants: readonly { role: string }[], config: IdleConfig): number =>
  grants.some((g) => ADMIN_ROLES.has(g.role)) ? config.adminIdleMinutes : config.sessionIdleMinutes;

/**
 * The session, or null (and it is deleted) when it went unused for longer than its idle timeout;
 * its last use is the later of the one stored and one noted but not yet written.
 */
export async function unlessIdle<
  S extends { id: string; created_at: string; last_seen_at: string | null; grants: { role: string }[] },
>(db: Db, lastUse: LastUse, s: S, config: IdleConfig, now = Date.now()): Promise<S | null> {
  const noted = lastUse.sessionAt(s.id);
  const seen = noted && (!s.last_seen_at || noted > s.last_seen_at) ? noted : s.last_seen_at;
  const last = Date.parse(seen ?? s.created_at);
  if (now - last <= idleMinutesOf(s.grants, config) * 60_000) return { ...s, last_seen_at: seen };
  await deleteSession(db, s.id);
  return null;
}

/**
 * Keeps a live session alive: notes its last use when the one on record is over a minute old
 * (or missing, for sessions older than the idle timeout itself). Cheap: noted at most once a
 * minute per active session, and written with every other session's in one batch.
 */
export function keepAlive(lastUse: LastUse, session: { id: string; last_seen_at: string | null }, now = Date.now()) {
  if (session.last_seen_at && now - Date.parse(session.last_seen_at) < TOUCH_EVERY_MS) return;
  lastUse.session(session.id, new Date(now).toISOString());
}

/** "Log out everywhere": every session of the user ends, this one included; an audit entry says so. */
export async function endAllSessions(db: Db, userId: string): Promise<number> {
  const ended = await deleteSessionsOf(db, userId);
  await appendAudit(db, { actorUserId: userId, action: 'user.logout_all', entityType: 'user', entityId: userId });
  return ended;
}

/** Sessions past their end or idle longer than any session may be (the job loop calls it). */
export const forgetDeadSessions = (db: Db, config: IdleConfig, now = Date.now()) =>
  deleteDeadSessions(
    db,
    new Date(now).toISOString(),
    new Date(now - Math.max(config.sessionIdleMinutes, config.adminIdleMinutes) * 60_000).toISOString(),
  );

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Whether the session cookie gets `Secure`: when the request came over HTTPS (as the trusted
 * proxy's X-Forwarded-Proto says, when one is configured), or when SHANMEI_SECURE_COOKIES is
 * on — except on plain http://localhost, where a Secure cookie would break the demo.
 */
export function secureCookie(
  req: Pick<FastifyRequest, 'protocol' | 'hostname'>,
  config: Pick<Config, 'secureCookies'>,
) {
  if (req.protocol === 'https') return true;
  const host = req.hostname.replace(/:\d+$/, '').toLowerCase();
  return config.secureCookies && !LOCAL_HOSTS.has(host);
}
