/**
 * Who may export what. System admins: everything. Region admins: everything that lies in
 * their regions' subtrees. Department and team admins: the organisations, sites and records
 * of their organisations' subtrees (what their own pages list), never the register of people
 * or their points, which are a region's duty. Anyone else: 403.
 */
import {
  EXPORT_FILTERS,
  EXPORT_STATUSES,
  type ExportKind,
  type ExportQuery,
} from '../../../common/contract/exports.js';
import { badRequest, forbidden } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import { isSystemAdmin, Policy, scopesOf, type Actor } from '../../platform/access/policy.js';
import type { CountScope } from '../../platform/access/scope.repository.js';
import * as repo from './exports.repository.js';

/** Kinds that list people or their points: a region's duty only. */
const REGION_DUTY_KINDS: readonly ExportKind[] = ['volunteers', 'points'];
const ORG_ROLES = ['department_admin', 'team_admin'] as const;

const field = (name: string, message: string) => badRequest(`${name}: ${message}`, { field: `querystring.${name}` });

/** What the caller's grants let them export of this kind; 403 when nothing. */
export function scopeFor(actor: Actor, kind: ExportKind): CountScope {
  if (isSystemAdmin(actor)) return 'all';
  const regions = scopesOf(actor, ['region_admin'], 'region');
  const organisations = REGION_DUTY_KINDS.includes(kind) ? [] : scopesOf(actor, ORG_ROLES, 'organisation');
  if (!regions.length && !organisations.length) {
    throw forbidden(
      REGION_DUTY_KINDS.includes(kind)
        ? `Only system and region admins export ${kind}`
        : 'Exports are for system, region, department and team admins',
    );
  }
  return { regions, organisations };
}

/** Refuses a filter the kind does not take, a status it does not have, and `full` but for volunteers. */
export function checkFilters(kind: ExportKind, q: ExportQuery): void {
  const allowed = new Set<string>(['format', 'regionCode', 'full', 'lang', ...EXPORT_FILTERS[kind]]);
  for (const [k, v] of Object.entries(q)) {
    if (v !== undefined && !allowed.has(k)) throw field(k, `not a filter of the ${kind} export`);
  }
  const statuses = EXPORT_STATUSES[kind];
  if (q.status !== undefined && statuses && !statuses.includes(q.status)) {
    throw field('status', `must be one of ${statuses.join(', ')} for ${kind}`);
  }
  if (q.full && kind !== 'volunteers') throw field('full', 'only the volunteers export holds ID numbers and phones');
}

/**
 * Checks the filters that name things: each must exist (400) and lie in the caller's scope
 * (403) — a region or organisation outside it is refused, not silently answered empty.
 */
export async function checkNamedFilters(db: Db, actor: Actor, scope: CountScope, q: ExportQuery): Promise<void> {
  const policy = new Policy(db);
  if (q.regionCode !== undefined) {
    if (!(await repo.regionExists(db, q.regionCode))) throw field('regionCode', 'no such region');
    // Without a region duty there, it narrows an organisation's scope, and only if one is held.
    const reaches =
      scope === 'all' || scope.organisations.length > 0 || (await policy.adminsRegion(actor, q.regionCode));
    if (!reaches) throw forbidden('regionCode: this region is outside your scope');
  }
  if (q.organisationId !== undefined) {
    if (!(await repo.organisationExists(db, q.organisationId))) throw field('organisationId', 'no such organisation');
    const roles = scope !== 'all' && scope.organisations.length ? (['region_admin', ...ORG_ROLES] as const) : undefined;
    if (scope !== 'all' && !(await policy.adminsOrganisation(actor, q.organisationId, roles ?? ['region_admin']))) {
      throw forbidden('organisationId: this organisation is outside your scope');
    }
  }
  if (q.field !== undefined && !(await repo.fieldNames(db)).has(q.field)) {
    throw field('field', 'no such service field');
  }
}

/**
 * ID numbers and phones in full: for the register a region keeps (and reports onwards), so for
 * system admins and region admins only — within their scope, as every export is.
 */
export function mayExportInFull(actor: Actor): boolean {
  return isSystemAdmin(actor) || scopesOf(actor, ['region_admin'], 'region').length > 0;
}
