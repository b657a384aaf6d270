// Routing rules as data: (region, category) → the organisation responsible, set by the admins
// over the region. A new report goes by the most specific rule up its region tree.
import type { RoutingRule } from '../../../common/contract/reports.js';
import { forbidden, notFound, ruleBroken } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import type { ReportRoutesTable } from '../../db/schema.js';
import { newId, nowIso } from '../../ids.js';
import { regionUnderAny } from '../../platform/access/access.repository.js';
import { isSystemAdmin, scopesOf, type Actor } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { organisationById } from '../organisations/index.js';
import { regionByCode } from '../regions/index.js';
import * as repo from './reports.repository.js';
import { adminsRegionOf } from './reports.view.js';

const presentRule = (r: repo.RouteRow): RoutingRule => ({
  id: r.id,
  regionCode: r.region_code,
  regionName: r.region_name,
  category: r.category,
  organisationId: r.organisation_id,
  organisationName: r.organisation_name,
  updatedAt: r.updated_at,
});

/** The rules of the caller's regions (or of one region under them, with what lies below it). */
export async function listRoutingRules(db: Db, actor: Actor, regionCode: string | undefined) {
  const regions = isSystemAdmin(actor) ? null : scopesOf(actor, ['region_admin'], 'region');
  if (regions !== null && regions.length === 0) throw forbidden('Only region admins set routing rules');
  if (regionCode !== undefined && regions !== null && !(await regionUnderAny(db, regions, regionCode))) {
    throw forbidden('You do not administer that region');
  }
  const rows = await repo.routesUnder(db, regionCode !== undefined ? [regionCode] : regions);
  return { items: rows.map(presentRule) };
}

/** Sets who handles a category in a region (replacing the rule there, if any). */
export async function setRoutingRule(
  db: Db,
  actor: Actor,
  b: { regionCode: string; category: ReportRoutesTable['category']; organisationId: string },
): Promise<RoutingRule> {
  if (!(await regionByCode(db, b.regionCode))) {
    throw ruleBroken('regionCode', 'no_such_region', `unknown region "${b.regionCode}"`);
  }
  if (!(await adminsRegionOf(db, actor, b.regionCode))) throw forbidden('You do not administer that region');
  const org = await organisationById(db, b.organisationId);
  if (!org || org.status !== 'active') {
    throw ruleBroken('organisationId', 'no_such_organisation', `organisation "${b.organisationId}" does not exist`);
  }
  const id = await db.transaction().execute(async (trx) => {
    const ruleId = await repo.upsertRoute(trx, {
      id: newId(),
      region_code: b.regionCode,
      category: b.category,
      organisation_id: org.id,
      updated_by: actor.userId,
      updated_at: nowIso(),
    });
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'report.routing_rule.set',
      entityType: 'region',
      entityId: b.regionCode,
      details: { category: b.category, organisationId: org.id },
      regionCode: b.regionCode,
    });
    return ruleId;
  });
  const row = await repo.routeById(db, id);
  if (!row) throw notFound('Routing rule');
  return presentRule(row);
}

/** Removes a rule (its reports stay where they are; new ones go by the next rule up, or to the queue). */
export async function deleteRoutingRule(db: Db, actor: Actor, id: string): Promise<void> {
  const row = await repo.routeById(db, id);
  if (!row || !(await adminsRegionOf(db, actor, row.region_code))) throw notFound('Routing rule');
  await db.transaction().execute(async (trx) => {
    await repo.deleteRoute(trx, id);
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'report.routing_rule.delete',
      entityType: 'region',
      entityId: row.region_code,
      details: { category: row.category, organisationId: row.organisation_id },
      regionCode: row.region_code,
    });
  });
}
