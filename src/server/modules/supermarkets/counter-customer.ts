import { AppError, rateLimited } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../platform/access/policy.js';
import { verifyMemberCode } from '../../platform/codes.js';
import { openCounterPin, volunteerOfCounterLogin } from '../volunteers/index.js';
import { isCounterToken, verifyCounterToken } from './counter-token.js';
import * as repo from './redemptions.repository.js';

/** How the counter names its customer: a member code (or member token), or a volunteer code or phone with the PIN. */
export interface CustomerRef {
  memberCode?: string;
  volunteerCode?: string;
  phone?: string;
  pin?: string;
}

/** Wrong PINs one clerk may send in a quarter of an hour, over all the people they name. */
const PIN_FAILURES_PER_CLERK = 20;
const PIN_WINDOW_MS = 15 * 60_000;

/** The volunteer a member code or a counter's member token names (no PIN involved). */
async function volunteerOfCode(ctx: AppContext, actor: Actor, siteId: string, code: string): Promise<string> {
  return isCounterToken(code)
    ? verifyCounterToken(ctx.cipher, code, { siteId, clerkUserId: actor.userId })
    : verifyMemberCode(ctx, code);
}

/**
 * Opens a counter PIN for a clerk. Besides the per-person lock, a clerk's wrong PINs are
 * rate-limited per clerk account, so nobody tries a few PINs on many people.
 */
async function volunteerOfPin(ctx: AppContext, actor: Actor, b: CustomerRef): Promise<string> {
  const key = `pin:clerk:${actor.userId}`;
  if (await ctx.limiter.blocked(key, PIN_FAILURES_PER_CLERK, PIN_WINDOW_MS)) {
    throw rateLimited('Too many wrong counter PINs from this account: wait a quarter of an hour', PIN_WINDOW_MS / 1000);
  }
  try {
    return await openCounterPin(ctx, b, b.pin ?? '');
  } catch (e) {
    if (e instanceof AppError && e.code === 'PIN_REFUSED') await ctx.limiter.hit(key, PIN_WINDOW_MS);
    throw e;
  }
}

/** The customer at the counter, who must still be able to spend points. */
export async function counterCustomer(ctx: AppContext, actor: Actor, siteId: string, b: CustomerRef) {
  const volunteerId =
    b.memberCode !== undefined
      ? await volunteerOfCode(ctx, actor, siteId, b.memberCode)
      : await volunteerOfPin(ctx, actor, b);
  const v = await repo.volunteerForCounter(ctx.database.db, volunteerId);
  if (!v) throw new AppError('TOKEN_INVALID', 'This member code names no volunteer');
  if (v.status === 'closed') {
    throw new AppError('VOLUNTEER_NOT_ACTIVE', 'This volunteer account is closed', { field: 'memberCode' });
  }
  return v;
}

/**
 * Whether a repeated request names the same volunteer as the first attempt, as far as it can
 * still tell: an expired code or token on a retry is expected (the key alone identifies the
 * attempt), and a PIN is not checked again — the volunteer code or phone must match.
 */
export async function namesSameCustomer(
  ctx: AppContext,
  actor: Actor,
  siteId: string,
  b: CustomerRef,
  volunteerId: string,
): Promise<boolean> {
  if (b.memberCode === undefined) return (await volunteerOfCounterLogin(ctx, b)) === volunteerId;
  try {
    return (await volunteerOfCode(ctx, actor, siteId, b.memberCode)) === volunteerId;
  } catch {
    return true;
  }
}
