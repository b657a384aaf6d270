import type { z } from 'zod';
import type {
  AddFundingBody,
  AddProgressBody,
  AddSpendingBody,
  CreatePlanBody,
  CreateTaskBody,
  PatchSpendingBody,
  Plan,
  PlanList,
  PlanOverview,
  PlanProgressView,
} from '../../common/contract/plans.js';
import type { StoredFile } from '../../common/contract/files.js';
import { api, uploadForm } from './http-client.js';

export type { Plan };
export type PlanPage = z.infer<typeof PlanList>;
export type PlanSummary = PlanPage['items'][number];
export type Overview = z.infer<typeof PlanOverview>;

const one = (id: string, rest = '') => `/plans/${encodeURIComponent(id)}${rest}`;

/** The plans the caller sees: their departments’, or (region admins) those with tasks in their region. */
export const listPlans = (year: number | undefined, cursor?: string) =>
  api.get<PlanPage>('/plans', { year, cursor, limit: 50 });
export const getPlan = (id: string) => api.get<Plan>(one(id));
export const createPlan = (body: z.input<typeof CreatePlanBody>) => api.post<Plan>('/plans', body);
export const addTask = (id: string, body: z.input<typeof CreateTaskBody>) => api.post<Plan>(one(id, '/tasks'), body);
export const addProgress = (id: string, taskId: string, body: z.input<typeof AddProgressBody>) =>
  api.post<Plan>(one(id, `/tasks/${encodeURIComponent(taskId)}/progress`), body);
export const addFunding = (id: string, body: z.input<typeof AddFundingBody>) =>
  api.post<Plan>(one(id, '/funding'), body);
export const addSpending = (id: string, fundingId: string, body: z.input<typeof AddSpendingBody>) =>
  api.post<Plan>(one(id, `/funding/${encodeURIComponent(fundingId)}/spending`), body);
const entry = (id: string, fundingId: string, spendingId: string) =>
  one(id, `/funding/${encodeURIComponent(fundingId)}/spending/${encodeURIComponent(spendingId)}`);
/** Corrects a spending entry: amount, day, note, receipts (`photoIds` the whole new list). */
export const patchSpending = (
  id: string,
  fundingId: string,
  spendingId: string,
  body: z.input<typeof PatchSpendingBody>,
) => api.patch<Plan>(entry(id, fundingId, spendingId), body);
/** Removes a spending entry entered by mistake. */
export const deleteSpending = (id: string, fundingId: string, spendingId: string) =>
  api.del<void>(entry(id, fundingId, spendingId));
/** An editor uploads a photo (evidence or a receipt), to attach by id to an update or an entry. */
export const uploadPlanPhoto = (id: string, file: File) => {
  const form = new FormData();
  form.append('photo', file);
  return uploadForm<StoredFile>(one(id, '/photos'), form);
};
/** Every department’s plans of a year in one table (system admins). */
export const planOverview = (year: number) => api.get<Overview>('/plans/overview', { year });
/** Every department’s progress on this year’s plans, city-wide (public aggregates, for the big screen). */
export const planProgress = () => api.get<PlanProgressView>('/plans/progress');

/** React Query keys of plans; `all` invalidates every list, plan and overview. */
export const planKeys = {
  all: ['plans'] as const,
  list: (year: number | undefined) => ['plans', 'list', year ?? null] as const,
  one: (id: string) => ['plans', 'one', id] as const,
  overview: (year: number) => ['plans', 'overview', year] as const,
  progress: ['plans', 'progress'] as const,
};
