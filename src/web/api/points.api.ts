import type { z } from 'zod';
import type {
  AdjustmentAnswer,
  AdjustmentBody,
  PointAdjustmentList,
  PointAdjustmentSchema,
  PointRuleBody,
  PointRuleList,
  PointRuleSchema,
  PointStatement,
} from '../../common/contract/points.js';
import { api } from './http-client.js';

export type Statement = z.infer<typeof PointStatement>;
export type StatementItem = Statement['items'][number];
export type PointRule = z.infer<typeof PointRuleSchema>;
export type PointRuleInput = z.input<typeof PointRuleBody>;
export type AdjustmentInput = z.input<typeof AdjustmentBody>;
export type Adjustment = z.infer<typeof AdjustmentAnswer>;
export type PointAdjustment = z.infer<typeof PointAdjustmentSchema>;

const id = encodeURIComponent;

/** A volunteer's balance and statement, newest first, each item with the balance after it. */
export const pointStatement = (volunteerId: string, cursor?: string) =>
  api.get<Statement>(`/volunteers/${id(volunteerId)}/points`, { cursor, limit: 50 });

/** An admin's correction of a wallet; the same idempotency key applies it once. */
export const adjustPoints = (volunteerId: string, body: AdjustmentInput) =>
  api.post<Adjustment>(`/volunteers/${id(volunteerId)}/points/adjustments`, body);

/** Adjustments in my regions waiting for a second admin, oldest first. */
export const pendingAdjustments = () =>
  api.get<z.infer<typeof PointAdjustmentList>>('/point-adjustments', { status: 'pending', limit: 200 });

/** Approves (applies) or rejects a pending adjustment someone else asked for. */
export const decideAdjustment = (adjustmentId: string, decision: 'approve' | 'reject') =>
  api.post<PointAdjustment>(`/point-adjustments/${id(adjustmentId)}/${decision}`, {});

export const listPointRules = (query: { scopeType?: 'region' | 'organisation'; scopeId?: string } = {}) =>
  api.get<z.infer<typeof PointRuleList>>('/point-rules', query);
export const createPointRule = (body: PointRuleInput) => api.post<PointRule>('/point-rules', body);

/** React Query keys of points. */
export const pointKeys = {
  statement: (volunteerId: string) => ['points', 'statement', volunteerId] as const,
  rules: ['point-rules'] as const,
  pendingAdjustments: ['point-adjustments', 'pending'] as const,
};
