import type { PointRuleInput } from '../../../common/contract/points.js';
import type { PointRuleScopeType } from '../../../common/enums.js';
import { forbidden, notFound } from '../../../common/errors.js';
import { DEFAULT_SOURCES } from '../../../common/points.js';
import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../ids.js';
import { hasRole, Policy, type Actor } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { presentRule, type PointRule } from './rules.presenter.js';
import * as repo from './rules.repository.js';

/** Region admins (region scope) and department admins (organisation scope), or system admins. */
const RULE_ROLES = ['system_admin', 'region_admin', 'department_admin'] as const;

/** Whether the actor may set rules for the scope: region admins over a region, department admins of an organisation. */
async function adminsRuleScope(db: Db, actor: Actor, scopeType: string, scopeId: string): Promise<boolean> {
  const policy = new Policy(db);
  if (scopeType === 'region') return policy.adminsRegion(actor, scopeId);
  return policy.adminsOrganisation(actor, scopeId, ['system_admin', 'region_admin', 'department_admin']);
}

export async function createRule(db: Db, actor: Actor, b: PointRuleInput): Promise<PointRule> {
  if (!hasRole(actor, ...RULE_ROLES)) throw forbidden('Only region and department admins set point rules');
  const exists =
    b.scopeType === 'region' ? await repo.regionExists(db, b.scopeId) : await repo.organisationExists(db, b.scopeId);
  // A scope that does not exist and one outside the actor's reach answer alike.
  if (!exists || !(await adminsRuleScope(db, actor, b.scopeType, b.scopeId))) throw notFound('Scope');
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await repo.insertRule(trx, {
      id,
      scope_type: b.scopeType,
      scope_id: b.scopeId,
      points_per_hour: b.pointsPerHour,
      points_per_activity: b.pointsPerActivity ?? 0,
      sources: JSON.stringify(b.sources ? [...new Set(b.sources)] : DEFAULT_SOURCES),
      field_multipliers: JSON.stringify(b.fieldMultipliers ?? {}),
      project_multipliers: JSON.stringify(b.projectMultipliers ?? {}),
      bonuses: JSON.stringify(b.bonuses ?? {}),
      daily_cap: b.dailyCap ?? null,
      monthly_cap: b.monthlyCap ?? null,
      expiry: JSON.stringify(b.expiry ?? { mode: 'end_of_following_year' }),
      budget_limited: b.budgetLimited ? 1 : 0,
      created_by: actor.userId,
      created_at: nowIso(),
    });
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'point_rule.create',
      entityType: 'point_rule',
      entityId: id,
      details: { scopeType: b.scopeType, scopeId: b.scopeId },
    });
  });
  return presentRule((await repo.ruleById(db, id)) as repo.RuleRow);
}

/**
 * Rules are policy, not personal data: any admin may read them (a team admin needs to
 * know what its volunteers earn). Filters by scope when given.
 */
export async function listRules(
  db: Db,
  actor: Actor,
  q: { scopeType?: PointRuleScopeType | undefined; scopeId?: string | undefined },
): Promise<{ items: PointRule[] }> {
  if (!hasRole(actor, 'system_admin', 'region_admin', 'department_admin', 'team_admin')) {
    throw forbidden('Only admins read point rules');
  }
  const rows = await repo.listRules(db, {
    ...(q.scopeType ? { scopeType: q.scopeType } : {}),
    ...(q.scopeId ? { scopeId: q.scopeId } : {}),
  });
  return { items: rows.map(presentRule) };
}
