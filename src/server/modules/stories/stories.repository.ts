import { sql, type Selectable } from 'kysely';
import type { StoryStatus } from '../../../common/enums.js';
import type { Db } from '../../db/database.js';
import type { StoriesTable } from '../../db/schema.js';
import { inScopes, OWN, PARENT, type ScopedEb, type StoryScopes } from './story-scopes.repository.js';

export type { StoryScopes } from './story-scopes.repository.js';

export type StoryRow = Selectable<StoriesTable>;

/** A story with the names it is shown with and the facts its access is decided on. */
export async function storyById(db: Db, id: string) {
  return db
    .selectFrom('stories')
    .innerJoin('organisations as o', 'o.id', 'stories.organisation_id')
    .innerJoin('regions as r', 'r.code', 'stories.region_code')
    .leftJoin('activities as a', 'a.id', 'stories.activity_id')
    .leftJoin('projects as p', 'p.id', 'stories.project_id')
    .selectAll('stories')
    .select([
      'o.name as organisation_name',
      'o.parent_id as organisation_parent_id',
      'o.region_code as organisation_region_code',
      'r.name as region_name',
      'a.title as activity_title',
      'p.name as project_name',
    ])
    .where('stories.id', '=', id)
    .executeTakeFirst();
}
export type StoryFull = NonNullable<Awaited<ReturnType<typeof storyById>>>;

export async function insertStory(db: Db, row: StoryRow): Promise<void> {
  await db.insertInto('stories').values(row).execute();
}

export async function updateStory(db: Db, id: string, set: Partial<Omit<StoryRow, 'id'>>): Promise<void> {
  await db.updateTable('stories').set(set).where('id', '=', id).execute();
}

/** Moves a story from one status to another only if it is still in `from` (false: someone was first). */
export async function moveStory(
  db: Db,
  id: string,
  from: readonly StoryStatus[],
  set: Partial<Omit<StoryRow, 'id'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('stories')
    .set(set)
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

const cardColumns = [
  'stories.id',
  'stories.title',
  'stories.summary',
  'stories.cover_file_id',
  'stories.organisation_id',
  'o.name as organisation_name',
  'o.parent_id as organisation_parent_id',
  'o.region_code as organisation_region_code',
  'stories.region_code',
  'r.name as region_name',
  'stories.field',
  'stories.status',
  'stories.published_at',
  'stories.updated_at',
  'stories.created_by',
] as const;

/** Stories with their organisation (`o`), its parent (`po`, the reviewers') and region. */
function storiesJoined(db: Db) {
  return db
    .selectFrom('stories')
    .innerJoin('organisations as o', 'o.id', 'stories.organisation_id')
    .leftJoin('organisations as po', 'po.id', 'o.parent_id')
    .innerJoin('regions as r', 'r.code', 'stories.region_code');
}

const cards = (db: Db) => storiesJoined(db).select(cardColumns);
export type StoryCardRow = Awaited<ReturnType<ReturnType<typeof cards>['execute']>>[number];

/** A page of cards, newest first by `col` (then id), after the cursor's card: limit + 1 rows. */
function newestFirst(
  q: ReturnType<typeof cards>,
  col: 'stories.published_at' | 'stories.updated_at',
  after: { at: string; id: string } | null,
  limit: number,
): Promise<StoryCardRow[]> {
  const page = after
    ? q.where((eb) =>
        eb.or([eb(col, '<', after.at), eb.and([eb(col, '=', after.at), eb('stories.id', '<', after.id)])]),
      )
    : q;
  return page
    .orderBy(col, 'desc')
    .orderBy('stories.id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** Published stories, newest first, by region (and below), field or organisation. */
export async function listPublished(
  db: Db,
  f: { regionCode?: string | undefined; field?: string | undefined; organisationId?: string | undefined },
  after: { at: string; id: string } | null,
  limit: number,
): Promise<StoryCardRow[]> {
  let q = cards(db).where('stories.status', '=', 'approved');
  if (f.regionCode) {
    const code = f.regionCode;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('region_closure')
          .select('region_closure.descendant')
          .where('region_closure.ancestor', '=', code)
          .whereRef('region_closure.descendant', '=', 'stories.region_code'),
      ),
    );
  }
  if (f.field) q = q.where('stories.field', '=', f.field);
  if (f.organisationId) q = q.where('stories.organisation_id', '=', f.organisationId);
  return newestFirst(q, 'stories.published_at', after, limit);
}

/**
 * Submitted stories the caller decides on, exactly as `reviews()` in stories.view.ts allows, and
 * not their own: filtered here, so a page of the queue is full whenever more rows exist.
 */
function awaitingReview(eb: ScopedEb, s: StoryScopes, userId: string) {
  return eb.and([
    eb('stories.status', '=', 'submitted'),
    eb('stories.created_by', '!=', userId),
    ...(s.all ? [] : [inScopes(eb, s, PARENT)]),
  ]);
}

/** Stories in the scopes (to write, or submitted ones to review), latest change first. */
export async function listManaged(
  db: Db,
  s: StoryScopes & { userId: string },
  view: 'write' | 'review',
  status: StoryStatus | undefined,
  after: { at: string; id: string } | null,
  limit: number,
): Promise<StoryCardRow[]> {
  let q = cards(db);
  if (view === 'review') q = q.where((eb) => awaitingReview(eb as unknown as ScopedEb, s, s.userId));
  else {
    if (!s.all) q = q.where((eb) => inScopes(eb as unknown as ScopedEb, s, OWN));
    if (status) q = q.where('stories.status', '=', status);
  }
  return newestFirst(q, 'stories.updated_at', after, limit);
}

/** How many stories wait in the caller's review queue (the workbench's to-do). */
export async function countAwaitingReview(db: Db, s: StoryScopes, userId: string): Promise<number> {
  const row = await storiesJoined(db)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where((eb) => awaitingReview(eb as unknown as ScopedEb, s, userId))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Whom a submitted story is told to: the admins of its organisation's parent (of the nearest
 * organisation above with any); with none, the region admins nearest over its organisation's region.
 */
export async function reviewersToTell(
  db: Db,
  s: { organisation_parent_id: string | null; organisation_region_code: string },
): Promise<string[]> {
  const nearest = (rows: { user_id: string; depth: number }[]) => [
    ...new Set(rows.filter((r) => r.depth === rows[0]?.depth).map((r) => r.user_id)),
  ];
  if (s.organisation_parent_id) {
    const admins = nearest(
      await db
        .selectFrom('role_grants as g')
        .innerJoin('organisation_closure as oc', 'oc.ancestor', 'g.scope_id')
        .select(['g.user_id', 'oc.depth'])
        .where('oc.descendant', '=', s.organisation_parent_id)
        .where('g.role', 'in', ['department_admin', 'team_admin'])
        .where('g.scope_type', '=', 'organisation')
        .orderBy('oc.depth')
        .orderBy('g.user_id')
        .execute(),
    );
    if (admins.length) return admins;
  }
  return nearest(
    await db
      .selectFrom('role_grants as g')
      .innerJoin('region_closure as rc', 'rc.ancestor', 'g.scope_id')
      .select(['g.user_id', 'rc.depth'])
      .where('rc.descendant', '=', s.organisation_region_code)
      .where('g.role', '=', 'region_admin')
      .where('g.scope_type', '=', 'region')
      .orderBy('rc.depth')
      .orderBy('g.user_id')
      .execute(),
  );
}

/** Which of `ids` are photos uploaded for this story. */
export async function photosOfStory(
  db: Db,
  kind: string,
  storyId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('files')
    .select('id')
    .where('owner_kind', '=', kind)
    .where('owner_id', '=', storyId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The story a photo belongs to, for the files' owner check. */
export async function storyAccessFacts(db: Db, id: string) {
  return db
    .selectFrom('stories')
    .innerJoin('organisations as o', 'o.id', 'stories.organisation_id')
    .select(['stories.id', 'stories.status', 'stories.organisation_id', 'stories.photo_ids', 'stories.created_by'])
    .select(['o.parent_id as organisation_parent_id', 'o.region_code as organisation_region_code'])
    .where('stories.id', '=', id)
    .executeTakeFirst();
}

/** Photos of `kind` uploaded before `before` that their story does not use (or whose story is gone). */
export async function unusedStoryPhotos(db: Db, kind: string, before: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('files')
    .leftJoin('stories', 'stories.id', 'files.owner_id')
    .select('files.id')
    .where('files.owner_kind', '=', kind)
    .where('files.created_at', '<', before)
    .where(sql<boolean>`(stories.photo_ids is null or stories.photo_ids not like ('%"' || files.id || '"%'))`)
    .orderBy('files.created_at')
    .orderBy('files.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** An activity's organisation, to check a story names one of its own. */
export async function activityOrganisation(db: Db, id: string) {
  return db.selectFrom('activities').select(['id', 'organisation_id']).where('id', '=', id).executeTakeFirst();
}

export async function projectExists(db: Db, id: string): Promise<boolean> {
  return !!(await db.selectFrom('projects').select('id').where('id', '=', id).executeTakeFirst());
}

export async function regionExists(db: Db, code: string): Promise<boolean> {
  return !!(await db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst());
}
