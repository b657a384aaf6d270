import type { ChangePasswordBody, PasswordResetBody } from '../../../common/contract/verification.js';
import { AppError, rateLimited } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import { nowIso } from '../../ids.js';
import type { Actor } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { passwordHashOf, replacePassword, requireGoodPasswordFor, userIdByPhoneHash } from '../auth/index.js';
import { hashPassword, verifyPassword } from '../../platform/passwords.js';
import { PHONE_NAMESPACE } from '../../crypto.js';
import { checkCode, useCode } from './verification.service.js';

const WRONG_PER_WINDOW = 5;
const WINDOW_MS = 15 * 60_000;

/**
 * A new password for the account of a phone that proved itself with a code: every session
 * and API token of the account ends with the old password.
 */
export async function resetPassword(ctx: Pick<AppContext, 'cipher' | 'database'>, body: PasswordResetBody) {
  const db = ctx.database.db;
  const codeId = await checkCode(ctx, db, body.phone, 'password_reset', body.verificationCode);
  const userId = await userIdByPhoneHash(db, ctx.cipher.lookupHash(PHONE_NAMESPACE, body.phone));
  // A code for a reset is only ever sent to a phone with an account; it may have gone since.
  if (!userId)
    throw new AppError('VERIFICATION_FAILED', 'verificationCode: ask for a new code', {
      field: 'body.verificationCode',
    });
  await requireGoodPasswordFor(ctx, db, userId, body.newPassword, 'body.newPassword');
  const hash = await hashPassword(body.newPassword);
  await db.transaction().execute(async (trx) => {
    await useCode(trx, codeId);
    await replacePassword(trx, userId, hash, nowIso());
    await appendAudit(trx, {
      actorUserId: userId,
      action: 'user.password_reset',
      entityType: 'user',
      entityId: userId,
    });
  });
}

/**
 * The logged-in user changes their password with the current one: other sessions and every
 * API token end; this session stays. Wrong answers are counted like failed logins.
 */
export async function changePassword(
  ctx: Pick<AppContext, 'database' | 'limiter' | 'cipher'>,
  actor: Actor,
  body: ChangePasswordBody,
) {
  const db = ctx.database.db;
  const key = `password-change:${actor.userId}`;
  if (await ctx.limiter.blocked(key, WRONG_PER_WINDOW, WINDOW_MS)) {
    throw rateLimited('Too many wrong passwords; wait 15 minutes and try again', WINDOW_MS / 1000);
  }
  const stored = await passwordHashOf(db, actor.userId);
  if (!stored || !(await verifyPassword(stored, body.currentPassword))) {
    await ctx.limiter.hit(key, WINDOW_MS);
    throw new AppError('WRONG_PASSWORD', 'currentPassword: the current password is wrong', {
      field: 'body.currentPassword',
    });
  }
  await ctx.limiter.reset(key);
  await requireGoodPasswordFor(ctx, db, actor.userId, body.newPassword, 'body.newPassword');
  const hash = await hashPassword(body.newPassword);
  await db.transaction().execute(async (trx) => {
    await replacePassword(trx, actor.userId, hash, nowIso(), actor.sessionId);
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'user.password_change',
      entityType: 'user',
      entityId: actor.userId,
    });
  });
}
