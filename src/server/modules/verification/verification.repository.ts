import type { VerificationPurpose } from '../../../common/contract/verification.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../ids.js';

export async function insertCode(
  db: Db,
  row: { phoneHash: string; purpose: VerificationPurpose; codeHash: string; at: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('verification_codes')
    .values({
      id: newId(),
      phone_hash: row.phoneHash,
      purpose: row.purpose,
      code_hash: row.codeHash,
      created_at: row.at,
      expires_at: row.expiresAt,
      consumed_at: null,
    })
    .execute();
}

/** The newest code for the phone and purpose that is neither used nor expired. */
export async function openCode(db: Db, phoneHash: string, purpose: VerificationPurpose, now: string) {
  return db
    .selectFrom('verification_codes')
    .select(['id', 'code_hash', 'attempts'])
    .where('phone_hash', '=', phoneHash)
    .where('purpose', '=', purpose)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function countAttempt(db: Db, id: string): Promise<void> {
  await db
    .updateTable('verification_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Marks a code used, once: false when another request used it first. */
export async function consume(db: Db, id: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('verification_codes')
    .set({ consumed_at: at })
    .where('id', '=', id)
    .where('consumed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * For a secret rotation: codes are hashed under the key going out, and neither a phone nor a code
 * can be rehashed without its plaintext. Pending codes are dropped (they last minutes; the person
 * asks again); used ones keep their times as the proof a guardian's consent points to, without hashes.
 */
export async function forgetCodeHashes(db: Db): Promise<{ dropped: number; cleared: number }> {
  return db.transaction().execute(async (trx) => {
    const dropped = await trx.deleteFrom('verification_codes').where('consumed_at', 'is', null).executeTakeFirst();
    const cleared = await trx
      .updateTable('verification_codes')
      .set({ phone_hash: '', code_hash: '' })
      .where('phone_hash', '<>', '')
      .executeTakeFirst();
    return { dropped: Number(dropped.numDeletedRows), cleared: Number(cleared.numUpdatedRows) };
  });
}
