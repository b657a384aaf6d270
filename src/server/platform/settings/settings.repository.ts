import type { Db } from '../../db/database.js';
import { nowIso } from '../../ids.js';

export async function allSettings(db: Db) {
  return db.selectFrom('settings').select(['key', 'value']).execute();
}

export async function putSetting(db: Db, key: string, value: string): Promise<void> {
  const now = nowIso();
  await db
    .insertInto('settings')
    .values({ key, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}
