import type { Transaction } from 'kysely';
import { randomInt } from 'node:crypto';
import {
  CODE_MAX_ATTEMPTS,
  CODE_RESEND_SECONDS,
  CODE_TTL_SECONDS,
  type RequestCodeBody,
  type VerificationPurpose,
} from '../../../common/contract/verification.js';
import { AppError, unauthenticated, rateLimited } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../ids.js';
import type { Actor } from '../../platform/access/policy.js';
import { userIdByPhoneHash } from '../auth/index.js';
import { PHONE_NAMESPACE } from '../../crypto.js';
import * as repo from './verification.repository.js';
import type { DB } from '../../db/schema.js';

const HOUR_MS = 60 * 60_000;
const CODES_PER_PHONE_HOUR = 5;
const CODES_PER_ADDRESS_HOUR = 20;

const TEXTS = {
  code: (code: string) =>
    `【善美】验证码 ${code}，${CODE_TTL_SECONDS / 60} 分钟内有效，请勿告诉他人。Your Shanmei code is ${code}.`,
  guardian: (code: string) =>
    `【善美】您的孩子（或您监护的未成年人）申请成为善美志愿者，需要您作为监护人同意。如同意，请把验证码 ${code} 告诉 TA，` +
    `${CODE_TTL_SECONDS / 60} 分钟内有效；如不同意，请忽略本短信。A minor you are guardian of asks to volunteer on Shanmei: ` +
    `if you consent, give them the code ${code}.`,
  registered:
    '【善美】此手机号已注册善美账号，请直接登录；忘记密码可在登录页找回。This number already has a Shanmei account: log in, or reset the password.',
  taken:
    '【善美】有人想把此手机号改绑到另一个账号，此号码已有账号，未发送验证码；如非本人操作请忽略。Someone tried to move this number to another account; nothing was sent.',
};

const codeHashOf = (ctx: Pick<AppContext, 'cipher'>, purpose: string, phone: string, code: string) =>
  ctx.cipher.lookupHash('verification-code', `${purpose}\0${phone}\0${code}`);

const tooMany = (seconds: number) =>
  rateLimited(`Too many codes asked for; wait ${Math.ceil(seconds / 60)} minute(s) and try again`, seconds);

/**
 * Sends a one-time code by SMS to prove the phone is the caller's, and answers the same
 * whatever the phone: a registered number asked to register is told by SMS to log in
 * instead (no code), an unknown number asked to reset a password gets nothing, and a guardian
 * is told what their code consents to. Limited per
 * phone (one a minute, five an hour) and per address.
 */
export async function requestCode(
  ctx: Pick<AppContext, 'cipher' | 'limiter' | 'sms' | 'database'>,
  body: RequestCodeBody,
  address: string,
  actor: Actor | null,
) {
  if (body.purpose === 'phone_change' && !actor) throw unauthenticated();
  const db = ctx.database.db;
  const phoneHash = ctx.cipher.lookupHash(PHONE_NAMESPACE, body.phone);
  const minuteKey = `code:phone-min:${phoneHash}`;
  const hourKey = `code:phone-hour:${phoneHash}`;
  if (await ctx.limiter.blocked(minuteKey, 1, CODE_RESEND_SECONDS * 1000)) throw tooMany(CODE_RESEND_SECONDS);
  if (
    (await ctx.limiter.blocked(hourKey, CODES_PER_PHONE_HOUR, HOUR_MS)) ||
    !(await ctx.limiter.take(`code:addr:${address}`, CODES_PER_ADDRESS_HOUR, HOUR_MS))
  ) {
    throw tooMany(HOUR_MS / 1000);
  }
  await ctx.limiter.hit(minuteKey, CODE_RESEND_SECONDS * 1000);
  await ctx.limiter.hit(hourKey, HOUR_MS);
  const owner = await userIdByPhoneHash(db, phoneHash);
  let text: string | null = null;
  let sendCode = false;
  if (body.purpose === 'register') {
    if (owner) text = TEXTS.registered;
    else sendCode = true;
  } else if (body.purpose === 'password_reset') {
    sendCode = !!owner;
  } else if (body.purpose === 'guardian_consent') {
    // A guardian needs no account of their own: the code goes to any number.
    sendCode = true;
  } else if (owner) {
    text = owner === actor?.userId ? null : TEXTS.taken;
  } else {
    sendCode = true;
  }
  if (sendCode) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const at = nowIso();
    await repo.insertCode(db, {
      phoneHash,
      purpose: body.purpose,
      codeHash: codeHashOf(ctx, body.purpose, body.phone, code),
      at,
      expiresAt: new Date(Date.parse(at) + CODE_TTL_SECONDS * 1000).toISOString(),
    });
    text = body.purpose === 'guardian_consent' ? TEXTS.guardian(code) : TEXTS.code(code);
  }
  if (text) await ctx.sms.send(body.phone, text);
  return { expiresInSeconds: CODE_TTL_SECONDS, resendAfterSeconds: CODE_RESEND_SECONDS };
}

const failed = () =>
  new AppError('VERIFICATION_FAILED', 'verificationCode: wrong, used or expired; ask for a new code', {
    field: 'body.verificationCode',
  });

/**
 * Checks a code for the phone and purpose and answers its id, to be used (`useCode`) in the
 * transaction it authorises. A wrong guess is counted, outside that transaction, so a
 * refused request cannot roll the count back; after five the code is dead.
 */
export async function checkCode(
  ctx: Pick<AppContext, 'cipher'>,
  db: Db,
  phone: string,
  purpose: VerificationPurpose,
  code: string,
): Promise<string> {
  const row = await repo.openCode(db, ctx.cipher.lookupHash(PHONE_NAMESPACE, phone), purpose, nowIso());
  if (!row || Number(row.attempts) >= CODE_MAX_ATTEMPTS) throw failed();
  if (row.code_hash !== codeHashOf(ctx, purpose, phone, code)) {
    await repo.countAttempt(db, row.id);
    throw failed();
  }
  return row.id;
}

/** Uses a checked code inside the transaction it authorises: once only. */
export async function useCode(trx: Transaction<DB>, codeId: string): Promise<void> {
  if (!(await repo.consume(trx, codeId, nowIso()))) throw failed();
}
