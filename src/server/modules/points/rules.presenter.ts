import type { z } from 'zod';
import type { PointRuleSchema } from '../../../common/contract/points.js';
import type { EarningRule, ExpiryRule } from '../../../common/points.js';
import type { RuleRow } from './rules.repository.js';

export type PointRule = z.infer<typeof PointRuleSchema>;

function parse<T>(text: string, fallback: T): T {
  try {
    return (JSON.parse(text) as T) ?? fallback;
  } catch {
    return fallback;
  }
}

export function presentRule(r: RuleRow): PointRule {
  const expiry = parse<ExpiryRule>(r.expiry, { mode: 'end_of_following_year' });
  return {
    id: r.id,
    scopeType: r.scope_type,
    scopeId: r.scope_id,
    pointsPerHour: Number(r.points_per_hour),
    pointsPerActivity: Number(r.points_per_activity),
    sources: parse<string[]>(r.sources, []),
    fieldMultipliers: parse<Record<string, number>>(r.field_multipliers, {}),
    projectMultipliers: parse<Record<string, number>>(r.project_multipliers, {}),
    bonuses: parse<PointRule['bonuses']>(r.bonuses, {}),
    dailyCap: r.daily_cap === null ? null : Number(r.daily_cap),
    monthlyCap: r.monthly_cap === null ? null : Number(r.monthly_cap),
    expiry: expiry.mode === 'years' ? { mode: 'years', years: expiry.years } : { mode: 'end_of_following_year' },
    budgetLimited: Number(r.budget_limited) === 1,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

/** The rule as the pure earning functions take it. */
export function earningRuleOf(r: RuleRow): EarningRule & { expiry: ExpiryRule; budgetLimited: boolean } {
  const p = presentRule(r);
  return {
    pointsPerHour: p.pointsPerHour,
    pointsPerActivity: p.pointsPerActivity,
    sources: p.sources,
    fieldMultipliers: p.fieldMultipliers,
    projectMultipliers: p.projectMultipliers,
    bonuses: p.bonuses,
    dailyCap: p.dailyCap,
    monthlyCap: p.monthlyCap,
    expiry:
      p.expiry.mode === 'years' ? { mode: 'years', years: p.expiry.years ?? 1 } : { mode: 'end_of_following_year' },
    budgetLimited: p.budgetLimited,
  };
}
