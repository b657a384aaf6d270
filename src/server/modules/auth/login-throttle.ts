import { rateLimited } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import { sha256 } from '../../plugins/auth.js';
import {
  addFailure,
  claimAttempt,
  clearAttempts,
  peekAttempt,
  type DelayPolicy,
  type Verdict,
} from '../../platform/throttle.js';

/**
 * Per account: five wrong passwords cost nothing, then each further attempt waits 10 s, 20 s,
 * 40 s … up to 10 minutes after the one before. Whoever knows the password gets in as soon as
 * the wait is over (an attacker can make the owner wait at most 10 minutes, never lock them
 * out), and a guesser gets at most six tries an hour. Forgotten a day after the last failure.
 */
export const ACCOUNT_DELAYS: DelayPolicy = { free: 5, baseMs: 10_000, capMs: 10 * 60_000, memoryMs: 24 * 3_600_000 };

/**
 * Per address: a slow-down, never a lockout, since a community centre or a school puts
 * hundreds of people behind one address. Fifty failures an hour cost nothing; then attempts
 * from the address wait 1 s, 2 s, 4 s … at most 30 s after the last failure, whoever sends them.
 */
export const ADDRESS_DELAYS: DelayPolicy = { free: 50, baseMs: 1_000, capMs: 30_000, memoryMs: 3_600_000 };

export interface LoginKeys {
  account: string;
  address: string;
}

/**
 * The keys of a login: the account's id when the login names one (so its phone, volunteer
 * code and username share one count), else a hash of the login itself, so that an unknown
 * login is throttled exactly like a known one and probing tells nothing.
 */
export const loginKeys = (userId: string | null, login: string, address: string): LoginKeys => ({
  account: userId ? `login:user:${userId}` : `login:unknown:${sha256(login.trim().toLowerCase())}`,
  address: `login:addr:${address}`,
});

const refuse = (v: Verdict & { allowed: false }) =>
  rateLimited(`Too many failed logins; try again in ${v.retryAfterSeconds} seconds`, v.retryAfterSeconds);

/**
 * Lets a login attempt through or answers 429 with the seconds to wait: first the address's
 * slow-down, then the account's delay, which this attempt claims (counted as a failure until
 * `loginSucceeded` forgets it).
 */
export async function admitLogin(ctx: Pick<AppContext, 'database' | 'config'>, keys: LoginKeys): Promise<void> {
  if (!ctx.config.rateLimits) return;
  const db = ctx.database.db;
  const byAddress = await peekAttempt(db, keys.address);
  if (!byAddress.allowed) throw refuse(byAddress);
  const byAccount = await claimAttempt(db, keys.account, ACCOUNT_DELAYS);
  if (!byAccount.allowed) throw refuse(byAccount);
}

/** A wrong password (or an unknown or closed account): the address's slow-down counts it. */
export async function loginFailed(ctx: Pick<AppContext, 'database' | 'config'>, keys: LoginKeys): Promise<void> {
  if (ctx.config.rateLimits) await addFailure(ctx.database.db, keys.address, ADDRESS_DELAYS);
}

/** The right password: the account's failures are forgotten. */
export async function loginSucceeded(ctx: Pick<AppContext, 'database' | 'config'>, keys: LoginKeys): Promise<void> {
  if (ctx.config.rateLimits) await clearAttempts(ctx.database.db, keys.account);
}
