import type { Db } from '../../db/database.js';
import type { ServiceFieldsTable } from '../../db/schema.js';

export async function listFields(db: Db) {
  return db
    .selectFrom('service_fields')
    .select(['code', 'name_zh', 'name_en'])
    .orderBy('sort')
    .orderBy('code')
    .execute();
}

export async function anyServiceField(db: Db): Promise<boolean> {
  return (await db.selectFrom('service_fields').select('code').limit(1).execute()).length > 0;
}

export async function insertServiceFields(db: Db, rows: ServiceFieldsTable[]): Promise<void> {
  await db.insertInto('service_fields').values(rows).execute();
}
