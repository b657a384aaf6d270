import type { Insertable } from 'kysely';
import type { HonourLevel, HonourSubjectKind } from '../../../common/enums.js';
import type { Db } from '../../db/database.js';
import type { HonoursTable } from '../../db/schema.js';

export type HonourRow = HonoursTable;

export async function insertHonour(db: Db, row: Insertable<HonoursTable>): Promise<void> {
  await db.insertInto('honours').values(row).execute();
}

export async function honourById(db: Db, id: string): Promise<HonourRow | undefined> {
  return db.selectFrom('honours').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteHonour(db: Db, id: string): Promise<boolean> {
  const r = await db.deleteFrom('honours').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export interface HonourFilter {
  level?: HonourLevel | undefined;
  year?: number | undefined;
  /** 'award' (default): newest award year first, undated last; 'recorded': in the order recorded. */
  order?: 'award' | 'recorded';
}

/** Subjects' honours, at most `limit`. */
export async function honoursOf(
  db: Db,
  kind: HonourSubjectKind,
  subjectIds: string[],
  f: HonourFilter = {},
  limit = 200,
): Promise<HonourRow[]> {
  if (subjectIds.length === 0) return [];
  let q = db.selectFrom('honours').selectAll().where('subject_kind', '=', kind).where('subject_id', 'in', subjectIds);
  if (f.level) q = q.where('level', '=', f.level);
  if (f.year !== undefined) q = q.where('year', '=', f.year);
  if (f.order !== 'recorded') q = q.orderBy((eb) => eb.fn.coalesce('year', eb.val(0)), 'desc');
  return q.orderBy('recorded_at').orderBy('id').limit(limit).execute();
}

/** What access and counting need of a subject: its region, and a project's leading department. */
export interface SubjectFacts {
  regionCode: string;
  /** project: the leading department; organisation: itself. */
  organisationId: string | null;
}

export async function projectFacts(db: Db, id: string): Promise<SubjectFacts | undefined> {
  const r = await db
    .selectFrom('projects')
    .innerJoin('organisations', 'organisations.id', 'projects.department_id')
    .select(['projects.department_id', 'organisations.region_code'])
    .where('projects.id', '=', id)
    .executeTakeFirst();
  return r && { regionCode: r.region_code, organisationId: r.department_id };
}

export async function organisationFacts(db: Db, id: string): Promise<SubjectFacts | undefined> {
  const r = await db.selectFrom('organisations').select(['id', 'region_code']).where('id', '=', id).executeTakeFirst();
  return r && { regionCode: r.region_code, organisationId: r.id };
}

export async function volunteerFacts(db: Db, id: string): Promise<SubjectFacts | undefined> {
  const r = await db.selectFrom('volunteers').select(['region_code']).where('id', '=', id).executeTakeFirst();
  return r && { regionCode: r.region_code, organisationId: null };
}

/** Honours counted by subject kind and level in a region subtree (or everywhere). */
export async function countHonours(db: Db, regionCode: string | null, year: number | undefined) {
  let q = db
    .selectFrom('honours as h')
    .select(['h.subject_kind', 'h.level', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy(['h.subject_kind', 'h.level']);
  if (regionCode !== null) {
    q = q.innerJoin('region_closure as c', 'c.descendant', 'h.region_code').where('c.ancestor', '=', regionCode);
  }
  if (year !== undefined) q = q.where('h.year', '=', year);
  const rows = await q.execute();
  return rows.map((r) => ({ subjectKind: r.subject_kind, level: r.level, count: Number(r.n) }));
}

/** The honour's certificate image is now this file (or none). */
export async function setHonourImage(db: Db, id: string, fileId: string | null): Promise<boolean> {
  const r = await db.updateTable('honours').set({ image_file_id: fileId }).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Files of `kind` (honours' images) uploaded before `before` that are not the current image of
 * their honour: replaced, left by an upload that lost a race, or of an honour since deleted.
 */
export async function unwantedHonourImages(db: Db, kind: string, before: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('files')
    .leftJoin('honours', 'honours.id', 'files.owner_id')
    .select('files.id')
    .where('files.owner_kind', '=', kind)
    .where('files.created_at', '<', before)
    .where((eb) =>
      eb.or([eb('honours.image_file_id', 'is', null), eb('honours.image_file_id', '<>', eb.ref('files.id'))]),
    )
    .orderBy('files.created_at')
    .orderBy('files.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}
