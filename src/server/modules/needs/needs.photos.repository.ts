import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/** Whether the file is not among its need's attached photos (ids are UUIDs: no LIKE wildcards in them). */
const notAttached = sql<boolean>`(needs.photo_ids is null or needs.photo_ids not like ('%"' || files.id || '"%'))`;

/**
 * Photos of `kind` not attached to their need: uploaded before `graceBefore` for a need no longer
 * taken (or gone), or before `maxAgeBefore` whatever the need's state. Oldest first.
 */
export async function unattachedPhotos(
  db: Db,
  kind: string,
  graceBefore: string,
  maxAgeBefore: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('files')
    .leftJoin('needs', 'needs.id', 'files.owner_id')
    .select('files.id')
    .where('files.owner_kind', '=', kind)
    .where(notAttached)
    .where((eb) =>
      eb.or([
        eb('files.created_at', '<', maxAgeBefore),
        eb.and([
          eb('files.created_at', '<', graceBefore),
          eb.or([eb('needs.status', 'is', null), eb('needs.status', '<>', 'taken')]),
        ]),
      ]),
    )
    .orderBy('files.created_at')
    .orderBy('files.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * A person's photos to forget: every photo on their own needs, attached or not, and those they
 * uploaded as a taker and never attached.
 */
export async function photosOfPerson(db: Db, kind: string, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('files')
    .leftJoin('needs', 'needs.id', 'files.owner_id')
    .select('files.id')
    .where('files.owner_kind', '=', kind)
    .where((eb) =>
      eb.or([eb('needs.resident_user_id', '=', userId), eb.and([eb('files.created_by', '=', userId), notAttached])]),
    )
    .execute();
  return rows.map((r) => r.id);
}

/** The resident's needs show no photos any more. */
export async function detachPhotosOfResident(db: Db, userId: string): Promise<void> {
  await db
    .updateTable('needs')
    .set({ photo_ids: '[]' })
    .where('resident_user_id', '=', userId)
    .where('photo_ids', '<>', '[]')
    .execute();
}
