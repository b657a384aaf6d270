import { randomBytes } from 'node:crypto';
import { AppError } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { sha256 } from '../../plugins/auth.js';
import * as repo from './auth.repository.js';
import { dummyHash, verifyPassword } from '../../platform/passwords.js';
import { admitLogin, loginFailed, loginKeys, loginSucceeded } from './login-throttle.js';

const SESSION_DAYS = 14;

/** Finds the user a login names: a username, a phone number, or a volunteer code. */
async function findLoginUser(ctx: AppContext, db: Db, login: string) {
  const byName = await repo.userByUsername(db, login);
  if (byName) return byName;
  if (/^1\d{10}$/.test(login)) {
    const byPhone = await repo.userByPhoneHash(db, ctx.cipher.lookupHash('phone', login));
    if (byPhone) return byPhone;
  }
  return repo.userByVolunteerCode(db, login.toUpperCase());
}

/**
 * Checks a password and opens a session. Attempts are throttled per account (whichever login
 * names it) and slowed per address (login-throttle.ts); the error never says which part was wrong.
 */
export async function login(ctx: AppContext, login: string, password: string, address: string) {
  const db = ctx.database.db;
  const user = await findLoginUser(ctx, db, login);
  const keys = loginKeys(user?.id ?? null, login, address);
  await admitLogin(ctx, keys);
  const ok = user
    ? await verifyPassword(user.password_hash, password)
    : (await verifyPassword(await dummyHash(), password), false);
  if (!user || !ok || user.status !== 'active') {
    await loginFailed(ctx, keys);
    throw new AppError('INVALID_CREDENTIALS', 'The login or the password is wrong');
  }
  await loginSucceeded(ctx, keys);
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await repo.insertSession(db, {
    id: sha256(token),
    user_id: user.id,
    csrf_token: randomBytes(24).toString('base64url'),
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
  });
  return { token, userId: user.id, maxAgeSeconds: SESSION_DAYS * 86_400 };
}

export async function logout(db: Db, sessionId: string | null): Promise<void> {
  if (sessionId) await repo.deleteSession(db, sessionId);
}

export async function loadUser(db: Db, userId: string) {
  const u = await repo.userById(db, userId);
  if (!u) throw new AppError('UNAUTHENTICATED', 'Log in first');
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    phone: u.phone_masked,
    locale: u.locale,
    regionCode: u.region_code,
    volunteerId: u.volunteer_id ?? null,
    volunteerCode: u.volunteer_code ?? null,
  };
}
