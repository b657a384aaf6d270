import type { Db } from '../../db/database.js';

export async function listFields(db: Db) {
  return db
    .selectFrom('service_fields')
    .select(['code', 'name_zh', 'name_en'])
    .orderBy('sort')
    .orderBy('code')
    .execute();
}
