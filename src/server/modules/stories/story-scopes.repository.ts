// Which stories and tips an admin's scopes cover, as SQL conditions: shared by the stories' and the tips' queries.
import { sql, type ExpressionBuilder } from 'kysely';
import type { DB } from '../../db/schema.js';

/** The scopes an admin acts in: organisations (their subtrees), departments supervising, regions. */
export interface StoryScopes {
  all: boolean;
  organisations: string[];
  departments: string[];
  regions: string[];
}

export type ScopedEb = ExpressionBuilder<
  DB & { o: DB['organisations']; po: DB['organisations'] },
  'stories' | 'story_tips' | 'o' | 'po'
>;

/** The columns naming what a row's scope is decided on: an organisation, its department, its regions. */
export interface ScopeColumns {
  organisation: 'o.parent_id' | 'stories.organisation_id' | 'story_tips.organisation_id';
  department: 'o.department_id' | 'po.department_id';
  regions: ('o.region_code' | 'po.region_code')[];
}
/** An organisation's own row: its stories are written, its tips read, by its admins. */
export const OWN: ScopeColumns = {
  organisation: 'stories.organisation_id',
  department: 'o.department_id',
  regions: ['o.region_code'],
};
/** The parent's row: a story is reviewed by the admins of its organisation's parent (Policy.adminsOrganisation) or of its region. */
export const PARENT: ScopeColumns = {
  organisation: 'o.parent_id',
  department: 'po.department_id',
  regions: ['o.region_code', 'po.region_code'],
};

/**
 * Rows whose organisation lies in the scopes as Policy.adminsOrganisation decides: under an
 * administered organisation, supervised by a department (or one below it), or in a region.
 */
export function inScopes(eb: ScopedEb, s: StoryScopes, on: ScopeColumns) {
  const under = (ancestors: string[], col: ScopeColumns['organisation'] | ScopeColumns['department']) =>
    eb.exists(
      eb
        .selectFrom('organisation_closure as oc')
        .select('oc.descendant')
        .where('oc.ancestor', 'in', ancestors)
        .whereRef('oc.descendant', '=', col),
    );
  const ors = [];
  if (s.organisations.length) ors.push(under(s.organisations, on.organisation));
  if (s.departments.length) ors.push(under(s.departments, on.department));
  if (s.regions.length)
    for (const col of on.regions)
      ors.push(
        eb.exists(
          eb
            .selectFrom('region_closure as rc')
            .select('rc.descendant')
            .where('rc.ancestor', 'in', s.regions)
            .whereRef('rc.descendant', '=', col),
        ),
      );
  return ors.length ? eb.or(ors) : sql<boolean>`1 = 0`;
}
