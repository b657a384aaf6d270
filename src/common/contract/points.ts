import { z } from 'zod';
import { HONOUR_LEVELS, POINT_RULE_SCOPE_TYPES, POINT_TRANSACTION_KINDS, RECORD_SOURCES } from '../enums.js';
import { LIMITS } from '../limits.js';
import { page, PageQuery, text } from './common.js';

/** Largest points amount one request may name: far beyond any real use, safely an integer. */
export const POINTS_MAX = 1_000_000_000;

const Multiplier = z.number().min(0).max(100);
const Multipliers = z
  .record(z.string().trim().min(1).max(64), Multiplier)
  .refine((m) => Object.keys(m).length <= LIMITS.listMax, { message: `at most ${LIMITS.listMax} entries` });
const Points = z.number().int().min(0).max(POINTS_MAX);

export const PointRuleBody = z
  .strictObject({
    scopeType: z.enum(POINT_RULE_SCOPE_TYPES).describe('A region code, or a department (or any organisation)'),
    scopeId: z.string().trim().min(1).max(64).describe('Region code or organisation id'),
    pointsPerHour: z.number().min(0).max(10_000).describe('Points per confirmed hour (before multipliers)'),
    sources: z
      .array(z.enum(RECORD_SOURCES))
      .min(1)
      .max(RECORD_SOURCES.length)
      .optional()
      .describe('Record sources that earn; default ["self","organiser_scan"]; late entries earn only if listed'),
    pointsPerActivity: Points.optional().describe('Points added per confirmed record'),
    fieldMultipliers: Multipliers.optional().describe('Multiplier by service field code'),
    projectMultipliers: Multipliers.optional().describe('Multiplier by project id'),
    bonuses: z
      .strictObject({
        firstService: Points.optional().describe("Bonus on a volunteer's first confirmed service"),
        starReached: z
          .record(z.string().regex(/^[1-9]$/, 'a star level 1–9'), Points)
          .optional()
          .describe('Bonus when a star level is reached: {level: points}'),
        honour: z
          .partialRecord(z.enum(HONOUR_LEVELS), Points)
          .optional()
          .describe("Bonus when a volunteer's honour is recorded, by its level: {national: 500, city: 200}"),
        report: Points.optional().describe('Points for a report (随手拍) its organisation handled, to its reporter'),
      })
      .optional(),
    dailyCap: Points.optional().describe('At most this many points per local service day'),
    monthlyCap: Points.optional().describe('At most this many points per local service month'),
    expiry: z
      .strictObject({
        mode: z.enum(['end_of_following_year', 'years']),
        years: z.number().int().min(1).max(50).optional(),
      })
      .refine((e) => e.mode !== 'years' || e.years !== undefined, { message: 'years is required', path: ['years'] })
      .optional()
      .describe('When earned points expire; default the end of the following year'),
    budgetLimited: z.boolean().optional().describe("Never issue beyond the organisation's budget balance"),
  })
  .describe('Point rule (积分规则)');
export type PointRuleInput = z.infer<typeof PointRuleBody>;

export const PointRuleSchema = z
  .object({
    id: z.string(),
    scopeType: z.enum(POINT_RULE_SCOPE_TYPES),
    scopeId: z.string(),
    pointsPerHour: z.number(),
    pointsPerActivity: z.number().int(),
    sources: z.array(z.string()),
    fieldMultipliers: z.record(z.string(), z.number()),
    projectMultipliers: z.record(z.string(), z.number()),
    bonuses: z.object({
      firstService: z.number().optional(),
      starReached: z.record(z.string(), z.number()).optional(),
      honour: z.partialRecord(z.enum(HONOUR_LEVELS), z.number()).optional(),
      report: z.number().optional(),
    }),
    dailyCap: z.number().int().nullable(),
    monthlyCap: z.number().int().nullable(),
    expiry: z.object({ mode: z.enum(['end_of_following_year', 'years']), years: z.number().int().optional() }),
    budgetLimited: z.boolean(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .describe('Point rule');

export const PointRuleQuery = z.strictObject({
  scopeType: z.enum(POINT_RULE_SCOPE_TYPES).optional(),
  scopeId: z.string().trim().min(1).max(64).optional(),
});
export const PointRuleList = z.object({ items: z.array(PointRuleSchema) });

/** Why a record earned what it did (`EarningBreakdown` of common/points.ts), for the reader to word. */
export const EarningBreakdownSchema = z
  .object({
    minutes: z.number().int().describe('Minutes of service counted'),
    perHour: z.number().describe('Points per hour of the rule'),
    fieldMultiplier: z.number().describe("The activity's service field's multiplier (1 when none)"),
    projectMultiplier: z.number().describe("The activity's brand project's multiplier (1 when none)"),
    hourly: z.number().int().describe('floor(hours × perHour × multipliers)'),
    perActivity: z.number().int().describe('Points per activity'),
    firstService: z.number().int().describe('First-service bonus; 0 when none'),
    stars: z
      .array(z.object({ level: z.number().int(), bonus: z.number().int() }))
      .describe('Star levels newly reached'),
    limitedBy: z
      .enum(['day', 'month', 'budget'])
      .nullable()
      .describe("What cut the points: the daily or monthly cap, or the organisation's budget"),
    points: z.number().int().describe('Points credited in the end'),
  })
  .describe('Earning breakdown');

export const PointItemSchema = z.object({
  id: z.string().describe('Transaction id'),
  kind: z.enum(POINT_TRANSACTION_KINDS),
  amount: z.number().int().describe('Points in (+) or out (−) of the wallet'),
  at: z.string(),
  memo: z.string().nullable().describe("Free text: an earning's activity, an adjustment's reason"),
  earning: EarningBreakdownSchema.nullable().describe(
    'Earnings: why this many points, as facts to word (null for other kinds and earnings before 2026-12)',
  ),
  balanceAfter: z.number().int().describe('Wallet balance after this item'),
  expiresAt: z.string().nullable().describe('Earned credits: when they expire'),
});
export const PointStatement = z.object({
  balance: z.number().int(),
  items: z.array(PointItemSchema),
  nextCursor: z.string().nullable(),
});
export const PointStatementQuery = z.strictObject({ ...PageQuery });

export const AdjustmentBody = z.strictObject({
  amount: z
    .number()
    .int()
    .min(-POINTS_MAX)
    .max(POINTS_MAX)
    .refine((n) => n !== 0, { message: 'must not be 0' })
    .describe('Points to add (+) or take off (−); never below zero'),
  reason: text(LIMITS.reasonMax).describe('Why; kept in the audit log'),
  idempotencyKey: z.string().trim().min(8).max(100).describe('Repeat the request with the same key: applied once'),
});
export const ADJUSTMENT_STATUSES = ['pending', 'applied', 'rejected'] as const;

export const AdjustmentAnswer = z
  .object({
    id: z
      .string()
      .nullable()
      .describe('The ledger transaction; null while the adjustment waits for approval (or was rejected)'),
    adjustmentId: z.string().describe('The adjustment: what approvers approve or reject'),
    status: z
      .enum(ADJUSTMENT_STATUSES)
      .describe('applied at once (201); pending a second admin (202) above the approval threshold'),
    amount: z.number().int(),
    balanceAfter: z.number().int().describe("The wallet's balance now"),
    replayed: z.boolean().describe('A repeat of your own key with the same body: the first answer (200)'),
  })
  .describe('Adjustment answer');

export const PointAdjustmentSchema = z
  .object({
    id: z.string(),
    volunteerId: z.string(),
    volunteerName: z.string(),
    volunteerCode: z.string().nullable(),
    regionCode: z.string().describe("The volunteer's region: whose system account the points come from"),
    amount: z.number().int(),
    reason: z.string(),
    status: z.enum(ADJUSTMENT_STATUSES),
    requestedBy: z.string().describe('User id of the admin who asked'),
    requestedByName: z.string().nullable(),
    requestedAt: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    note: z.string().nullable().describe("A rejection's reason"),
    transactionId: z.string().nullable(),
    canDecide: z.boolean().describe('Whether you may approve or reject it (pending, not yours, in your scope)'),
  })
  .describe('Point adjustment (积分调整)');
export const PointAdjustmentList = page(PointAdjustmentSchema);
export const PointAdjustmentQuery = z.strictObject({
  status: z.enum(ADJUSTMENT_STATUSES).optional().describe('Default: pending'),
  ...PageQuery,
});
export const AdjustmentDecisionBody = z
  .strictObject({ reason: text(LIMITS.reasonMax).optional().describe("A rejection's reason, shown to the asker") })
  .describe('Adjustment decision');
