import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../ids.js';

/** Kinds every platform starts with; admins may add more rows. */
export const DEFAULT_KINDS = [
  { code: 'first_aid', name_zh: '急救', name_en: 'First aid' },
  { code: 'sign_language', name_zh: '手语', name_en: 'Sign language' },
  { code: 'driving', name_zh: '驾驶', name_en: 'Driving' },
  { code: 'legal_practice', name_zh: '法律执业', name_en: 'Legal practice' },
] as const;

/** Seeds the default kinds on first use; concurrent first uses are harmless. */
async function ensureDefaults(db: Db): Promise<void> {
  const any = await db.selectFrom('qualification_kinds').select('code').limit(1).executeTakeFirst();
  if (any) return;
  await db
    .insertInto('qualification_kinds')
    .values([...DEFAULT_KINDS])
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

export async function listKinds(db: Db) {
  await ensureDefaults(db);
  return db.selectFrom('qualification_kinds').selectAll().orderBy('code').execute();
}

export async function knownKinds(db: Db): Promise<Set<string>> {
  return new Set((await listKinds(db)).map((k) => k.code));
}

export async function insertQualification(
  db: Db,
  q: { volunteerId: string; kind: string; expiresAt: string | null; verifiedBy: string },
) {
  const row = {
    id: newId(),
    volunteer_id: q.volunteerId,
    kind: q.kind,
    expires_at: q.expiresAt,
    verified_by: q.verifiedBy,
    created_at: nowIso(),
  };
  await db.insertInto('volunteer_qualifications').values(row).execute();
  return row;
}

export async function qualificationsOf(db: Db, volunteerId: string) {
  return db
    .selectFrom('volunteer_qualifications')
    .innerJoin('qualification_kinds', 'qualification_kinds.code', 'volunteer_qualifications.kind')
    .selectAll('volunteer_qualifications')
    .select('qualification_kinds.name_zh')
    .where('volunteer_qualifications.volunteer_id', '=', volunteerId)
    .orderBy('volunteer_qualifications.id')
    .execute();
}
