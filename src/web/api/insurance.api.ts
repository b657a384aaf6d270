import type { z } from 'zod';
import type { CreatePolicyBody, Policy, PolicyList } from '../../common/contract/insurance.js';
import { api } from './http-client.js';

export type PolicyInput = z.input<typeof CreatePolicyBody>;
export type { Policy };

/** Policies covering an activity: its own first, then its organisation's (organisers). */
export const activityPolicies = (activityId: string) =>
  api.get<z.infer<typeof PolicyList>>('/insurance-policies', { activityId });
/** Records a policy on an activity or on its whole organisation. */
export const createPolicy = (body: PolicyInput) => api.post<Policy>('/insurance-policies', body);

/** React Query keys of insurance policies. */
export const insuranceKeys = {
  ofActivity: (activityId: string) => ['insurance', 'activity', activityId] as const,
};
