import { expressionBuilder, sql, type Expression, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * What a person's grants reach, for counting: everything (a system admin), or the subtrees of
 * some organisations and of some regions. An empty scope reaches nothing.
 */
export type CountScope = 'all' | { organisations: readonly string[]; regions: readonly string[] };

/** The columns of a row that place it: its organisation and, where it has one, its region. */
export interface ScopeColumns {
  organisation?: string;
  region?: string;
}

/**
 * A condition that holds when the row lies in the scope: its organisation under one of the
 * scope's organisations, or its region under one of its regions (closure look-ups, indexed on
 * both dialects). Columns are named by the calling repository, never taken from a request.
 */
export function inScope(scope: CountScope, columns: ScopeColumns): Expression<SqlBool> {
  const eb = expressionBuilder<DB, never>();
  if (scope === 'all') return sql<SqlBool>`1 = 1`;
  const parts: Expression<SqlBool>[] = [];
  if (columns.organisation && scope.organisations.length) {
    parts.push(
      eb.exists(
        eb
          .selectFrom('organisation_closure as scope_oc')
          .select('scope_oc.ancestor')
          .where('scope_oc.descendant', '=', sql.ref<string>(columns.organisation))
          .where('scope_oc.ancestor', 'in', [...scope.organisations]),
      ),
    );
  }
  if (columns.region && scope.regions.length) {
    parts.push(
      eb.exists(
        eb
          .selectFrom('region_closure as scope_rc')
          .select('scope_rc.ancestor')
          .where('scope_rc.descendant', '=', sql.ref<string>(columns.region))
          .where('scope_rc.ancestor', 'in', [...scope.regions]),
      ),
    );
  }
  return parts.length ? eb.or(parts) : sql<SqlBool>`1 = 0`;
}
