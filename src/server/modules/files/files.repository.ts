import type { Db } from '../../db/database.js';
import type { FilesTable } from '../../db/schema.js';

export async function insertFile(db: Db, row: FilesTable): Promise<void> {
  await db.insertInto('files').values(row).execute();
}

export async function fileById(db: Db, id: string): Promise<FilesTable | undefined> {
  return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The files of one owner among `ids` (the others are not theirs, or do not exist). */
export async function filesOfOwner(db: Db, kind: string, ownerId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('files')
    .select(['id', 'created_by'])
    .where('owner_kind', '=', kind)
    .where('owner_id', '=', ownerId)
    .where('id', 'in', ids)
    .execute();
}

export async function countFilesOfOwner(db: Db, kind: string, ownerId: string): Promise<number> {
  const row = await db
    .selectFrom('files')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('owner_kind', '=', kind)
    .where('owner_id', '=', ownerId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Where the bytes of these files are kept (a missing id is left out). */
export async function storedKeysOf(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('files').select(['id', 'storage_key', 'thumbnail_key']).where('id', 'in', ids).execute();
}

export async function deleteFileRows(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('files').where('id', 'in', ids).execute();
}

/** Hands files of one owner to another (a report's photos, uploaded before the report); how many moved. */
export async function moveFiles(
  db: Db,
  from: { kind: string; id: string },
  to: { kind: string; id: string },
  ids: readonly string[],
): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db
    .updateTable('files')
    .set({ owner_kind: to.kind, owner_id: to.id })
    .where('owner_kind', '=', from.kind)
    .where('owner_id', '=', from.id)
    .where('id', 'in', ids)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
