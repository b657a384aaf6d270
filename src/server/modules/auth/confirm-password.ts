import { AppError, refusal } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../platform/access/policy.js';
import { verifyPassword } from '../../platform/passwords.js';
import { passwordHashOf } from './auth.repository.js';

const WRONG_PER_WINDOW = 5;
const WINDOW_MS = 15 * 60_000;

/**
 * Asks again for the password before ID numbers and phones go out in full. A bearer token is
 * refused whatever its scope: a leaked token must not carry the register away. Wrong passwords
 * are counted per account (5 in 15 minutes, then 429), apart from the login's counters, which
 * are keyed by what was typed as the login.
 */
export async function confirmPassword(
  ctx: Pick<AppContext, 'database' | 'limiter'>,
  actor: Actor,
  password: string | undefined,
): Promise<void> {
  if (actor.via !== 'session') {
    throw refusal(
      'FORBIDDEN',
      'personal_data_needs_session',
      'ID numbers and phones in full are not given to API tokens: sign in and confirm your password',
    );
  }
  if (!password) {
    throw refusal(
      'FORBIDDEN',
      'password_confirmation_required',
      'Send your current password in the X-Confirm-Password header to export ID numbers and phones in full',
    );
  }
  const key = `password-confirm:${actor.userId}`;
  if (await ctx.limiter.blocked(key, WRONG_PER_WINDOW, WINDOW_MS)) {
    throw new AppError('RATE_LIMITED', 'Too many wrong passwords; wait 15 minutes and try again');
  }
  const stored = await passwordHashOf(ctx.database.db, actor.userId);
  if (!stored || !(await verifyPassword(stored, password))) {
    await ctx.limiter.hit(key, WINDOW_MS);
    throw refusal('FORBIDDEN', 'password_confirmation_wrong', 'The password is wrong');
  }
  await ctx.limiter.reset(key);
}
