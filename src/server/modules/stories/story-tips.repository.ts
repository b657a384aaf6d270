import type { Selectable } from 'kysely';
import type { StoryTipStatus } from '../../../common/enums.js';
import type { Db } from '../../db/database.js';
import type { StoryTipsTable } from '../../db/schema.js';
import { inScopes, OWN, type ScopeColumns, type ScopedEb, type StoryScopes } from './story-scopes.repository.js';

/**
 * The organisation a tip for `regionCode` goes to: of the organisations in the nearest region at
 * or above it, the one highest in the organisation tree (fewest ancestors), then the oldest.
 */
export async function organisationForRegion(db: Db, regionCode: string) {
  return db
    .selectFrom('organisations as o')
    .innerJoin('region_closure as rc', (j) =>
      j.onRef('rc.ancestor', '=', 'o.region_code').on('rc.descendant', '=', regionCode),
    )
    .select(['o.id', 'o.name'])
    .select((eb) =>
      eb
        .selectFrom('organisation_closure as oc')
        .select((e) => e.fn.countAll().as('n'))
        .whereRef('oc.descendant', '=', 'o.id')
        .as('ancestors'),
    )
    .where('o.status', '=', 'active')
    .orderBy('rc.depth')
    .orderBy('ancestors')
    .orderBy('o.created_at')
    .orderBy('o.id')
    .executeTakeFirst();
}

export async function insertTip(db: Db, row: Selectable<StoryTipsTable>): Promise<void> {
  await db.insertInto('story_tips').values(row).execute();
}

function tips(db: Db) {
  return db
    .selectFrom('story_tips')
    .innerJoin('organisations as o', 'o.id', 'story_tips.organisation_id')
    .innerJoin('regions as r', 'r.code', 'story_tips.region_code')
    .selectAll('story_tips')
    .select(['o.name as organisation_name', 'r.name as region_name']);
}
export type TipRow = NonNullable<Awaited<ReturnType<ReturnType<typeof tips>['executeTakeFirst']>>>;

export async function tipById(db: Db, id: string): Promise<TipRow | undefined> {
  return tips(db).where('story_tips.id', '=', id).executeTakeFirst();
}

const TIPS: ScopeColumns = { ...OWN, organisation: 'story_tips.organisation_id' };

/** How many tips wait undecided with the organisations the scopes cover (the workbench's to-do). */
export async function countNewTips(db: Db, s: StoryScopes): Promise<number> {
  let q = db
    .selectFrom('story_tips')
    .innerJoin('organisations as o', 'o.id', 'story_tips.organisation_id')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('story_tips.status', '=', 'new');
  if (!s.all) q = q.where((eb) => inScopes(eb as unknown as ScopedEb, s, TIPS));
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Tips of organisations the scopes cover, newest first. */
export async function listTips(
  db: Db,
  s: StoryScopes,
  status: StoryTipStatus | undefined,
  afterId: string | undefined,
  limit: number,
): Promise<TipRow[]> {
  let q = tips(db);
  if (!s.all) q = q.where((eb) => inScopes(eb as unknown as ScopedEb, s, TIPS));
  if (status) q = q.where('story_tips.status', '=', status);
  if (afterId) q = q.where('story_tips.id', '<', afterId);
  return q
    .orderBy('story_tips.id', 'desc')
    .limit(limit + 1)
    .execute();
}

export async function decideTip(db: Db, id: string, set: Partial<Selectable<StoryTipsTable>>): Promise<void> {
  await db.updateTable('story_tips').set(set).where('id', '=', id).execute();
}
