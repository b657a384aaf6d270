import type { Transaction } from 'kysely';
import type { Guardian, GuardianConsentBody } from '../../../common/contract/guardians.js';
import { AppError, forbidden, notFound } from '../../../common/errors.js';
import { maskPhone } from '../../../common/id-numbers.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../ids.js';
import { Policy, type Actor } from '../../platform/access/policy.js';
import { appendAudit, auditPersonalRead } from '../../platform/audit/audit.repository.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { checkCode, useCode } from '../verification/index.js';
import * as repo from './guardians.repository.js';
import { ageOfId, guardianNeed } from './minors.js';
import { encryptedIdsOf, volunteerIdOf } from './volunteers.repository.js';
import { PHONE_NAMESPACE } from './volunteers.rules.js';
import type { DB } from '../../db/schema.js';
import { volunteerCounted } from '../stats/index.js';

/** The guardian's name as shown: its first character, the rest starred. */
const maskName = (name: string): string => {
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(chars.length - 1, 1));
};

export const presentGuardian = (r: repo.GuardianRow): Guardian => ({
  name: r.name_masked,
  relation: r.relation,
  phone: r.phone_masked,
  consentedAt: r.consented_at,
});

/**
 * Checks the code sent to the guardian's phone, outside the transaction it will be used in.
 * A refusal names the field where the guardian's code sits in the request (`at`).
 */
export async function checkGuardianCode(
  ctx: Pick<AppContext, 'cipher'>,
  db: Db,
  g: GuardianConsentBody,
  at: 'body' | 'body.guardian' = 'body',
): Promise<string> {
  try {
    return await checkCode(ctx, db, g.phone, 'guardian_consent', g.verificationCode);
  } catch (err) {
    if (err instanceof AppError && err.code === 'VERIFICATION_FAILED' && at !== 'body') {
      throw new AppError(err.code, `guardian.${err.message}`, { field: `${at}.verificationCode` });
    }
    throw err;
  }
}

/**
 * Keeps a guardian's consent for a volunteer, inside the caller's transaction: the checked
 * code is used up, the guardian's name and phone are stored encrypted, and a minor waiting
 * for consent becomes active. The audit entry names the relation, never the guardian.
 */
export async function recordConsent(
  ctx: Pick<AppContext, 'cipher'>,
  trx: Transaction<DB>,
  actorUserId: string,
  volunteerId: string,
  g: GuardianConsentBody,
  codeId: string,
  at: string,
): Promise<repo.GuardianRow> {
  await useCode(trx, codeId);
  const name = g.name.trim();
  const row: repo.GuardianRow = {
    volunteer_id: volunteerId,
    name_enc: ctx.cipher.encrypt(name),
    name_masked: maskName(name),
    relation: g.relation,
    phone_enc: ctx.cipher.encrypt(g.phone),
    phone_hash: ctx.cipher.lookupHash(PHONE_NAMESPACE, g.phone),
    phone_masked: maskPhone(g.phone),
    verification_code_id: codeId,
    consented_at: at,
  };
  await repo.putGuardian(trx, row);
  if (await repo.activatePending(trx, volunteerId, at)) await volunteerCounted(trx, volunteerId, 1);
  await appendAudit(trx, {
    actorUserId,
    action: 'volunteer.guardian_consent',
    entityType: 'volunteer',
    entityId: volunteerId,
    details: { relation: g.relation },
  });
  return row;
}

/**
 * `body.guardian` where a registration carried a guardian; `body` where the whole body is the
 * guardian's consent (PUT /me/guardian).
 */
export const guardianNotNeeded = (field: 'body.guardian' | 'body' = 'body.guardian'): AppError =>
  new AppError(
    'GUARDIAN_NOT_NEEDED',
    `${field === 'body' ? 'body' : 'guardian'}: a guardian's consent is only for volunteers under the guardian age`,
    { field },
  );

/** A minor, logged in, gives their guardian's consent (proved by the code the guardian received). */
export async function consentForMe(
  ctx: Pick<AppContext, 'cipher' | 'database'>,
  actor: Actor,
  body: GuardianConsentBody,
): Promise<Guardian> {
  const db = ctx.database.db;
  const volunteerId = await volunteerIdOf(db, actor);
  if (!volunteerId) throw forbidden('Only volunteers have guardians here');
  const [ids] = await encryptedIdsOf(db, [volunteerId]);
  const now = nowIso();
  const age = ids ? ageOfId(ids.id_type, ctx.cipher.decrypt(ids.id_number_enc), new Date(now)) : null;
  if (age !== null && guardianNeed(age, await getSettings(db)) === 'none') throw guardianNotNeeded('body');
  const codeId = await checkGuardianCode(ctx, db, body);
  const row = await db
    .transaction()
    .execute((trx) => recordConsent(ctx, trx, actor.userId, volunteerId, body, codeId, now));
  return presentGuardian(row);
}

/** A volunteer's guardian, for the volunteer and for admins with a duty over their region (audited). */
export async function guardianOfVolunteer(db: Db, actor: Actor, volunteerId: string): Promise<Guardian> {
  const sight = await new Policy(db).sightOf(actor, volunteerId);
  if (!sight || sight.kind === 'membership') throw notFound('Guardian');
  const row = await repo.guardianOf(db, volunteerId);
  if (!row) throw notFound('Guardian');
  if (sight.kind === 'duty') await auditPersonalRead(db, actor.userId, volunteerId, 'guardian');
  return presentGuardian(row);
}
