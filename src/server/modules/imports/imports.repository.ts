import type { Db } from '../../db/database.js';
import type { ImportRejectionsTable, ImportsTable } from '../../db/schema.js';

export async function insertImport(db: Db, row: ImportsTable): Promise<void> {
  await db.insertInto('imports').values(row).execute();
}

export const importById = (db: Db, id: string) =>
  db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();

/** The imports someone started, newest first. */
export const importsBy = (db: Db, userId: string, limit: number) =>
  db.selectFrom('imports').selectAll().where('created_by', '=', userId).orderBy('id', 'desc').limit(limit).execute();

/** Imports not finished (queued, or running in a process that may have gone), oldest first. */
export const unfinishedImports = (db: Db) =>
  db.selectFrom('imports').select('id').where('status', 'in', ['queued', 'running']).orderBy('id').limit(20).execute();

export async function updateImport(db: Db, id: string, set: Partial<ImportsTable>): Promise<void> {
  await db.updateTable('imports').set(set).where('id', '=', id).execute();
}

export async function insertRejections(db: Db, rows: ImportRejectionsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('import_rejections')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

/** An import's refused rows in file order, a page at a time after (row, seq). */
export const rejectionsPage = (db: Db, importId: string, after: { row: number; seq: number }, limit: number) =>
  db
    .selectFrom('import_rejections')
    .select(['row', 'seq', 'column_name', 'reason', 'params'])
    .where('import_id', '=', importId)
    .where((eb) => eb.or([eb('row', '>', after.row), eb.and([eb('row', '=', after.row), eb('seq', '>', after.seq)])]))
    .orderBy('row')
    .orderBy('seq')
    .limit(limit)
    .execute();

/** Regions with their parent and centre, for resolving a region by code or name. */
export const allRegions = (db: Db) =>
  db.selectFrom('regions').select(['code', 'name', 'parent_code', 'lat', 'lng']).execute();

export const serviceFields = (db: Db) =>
  db.selectFrom('service_fields').select(['code', 'name_zh', 'name_en']).execute();

/** Ends an import that is not finished as failed (its thread died); a finished one stays as it is. */
export async function failUnfinished(db: Db, id: string, failure: string, at: string): Promise<void> {
  await db
    .updateTable('imports')
    .set({ status: 'failed', failure, finished_at: at })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .execute();
}
