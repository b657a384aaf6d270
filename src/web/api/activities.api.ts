import type { z } from 'zod';
import type {
  Activity,
  ActivityList,
  ActivityListQuery,
  ActivitySummary,
  CreateActivityBody,
  PatchActivityBody,
  PatchShiftBody,
  Shift,
} from '../../common/contract/activities.js';
import { api } from './http-client.js';

export type ActivityQuery = Partial<Omit<z.infer<typeof ActivityListQuery>, 'limit' | 'radiusKm'>> & {
  limit?: number;
  radiusKm?: number;
};
export type ActivityPage = z.infer<typeof ActivityList>;
export type ActivityInput = z.input<typeof CreateActivityBody>;
export type ActivityPatch = z.input<typeof PatchActivityBody>;
export type ShiftPatch = z.input<typeof PatchShiftBody>;
export type { Activity, ActivitySummary, Shift };

const id = encodeURIComponent;

/** Published activities, nearest first with `near`, filtered by field and time. */
export const listActivities = (query: ActivityQuery = {}) => api.get<ActivityPage>('/activities', { ...query });
export const getActivity = (activityId: string) => api.get<Activity>(`/activities/${id(activityId)}`);
export const createActivity = (body: ActivityInput) => api.post<Activity>('/activities', body);
/** Changes a draft freely, a published activity's title, description, radius and risky only. */
export const patchActivity = (activityId: string, body: ActivityPatch) =>
  api.patch<Activity>(`/activities/${id(activityId)}`, body);
/** Changes a shift's times, capacity or sign-up deadline (organisers). */
export const patchShift = (shiftId: string, body: ShiftPatch) => api.patch<Shift>(`/shifts/${id(shiftId)}`, body);
export const publishActivity = (activityId: string) => api.post<Activity>(`/activities/${id(activityId)}/publish`);
export const cancelActivity = (activityId: string, reason: string) =>
  api.post<Activity>(`/activities/${id(activityId)}/cancel`, { reason });

/** An organisation's activities, drafts included (its admins). */
export const organisationActivities = (
  organisationId: string,
  query: { status?: 'draft' | 'published' | 'cancelled'; cursor?: string } = {},
) => api.get<ActivityPage>(`/organisations/${id(organisationId)}/activities`, { ...query, limit: 100 });

/** People served (服务对象人次) in one session, recorded by its organiser. */
export const recordPeopleServed = (shiftId: string, count: number) =>
  api.post<Shift>(`/shifts/${id(shiftId)}/people-served`, { count });

/** Where the insured participants of a shift download, as .xlsx for the insurer (organisers). */
export const insuredListUrl = (shiftId: string) => `/api/v1/shifts/${id(shiftId)}/insured.xlsx`;

/** React Query keys of activities; a prefix invalidates every key under it. */
export const activityKeys = {
  one: (activityId: string | null | undefined) => ['activity', activityId] as const,
  /** The public list; every filter is a part of the key. */
  search: (...filters: readonly (string | number | undefined)[]) => ['activities', ...filters] as const,
  ofProject: (projectId: string) => ['activities', 'project', projectId] as const,
  /** Everything the organiser console lists of its organisations' activities. */
  organiser: ['organiser', 'activities'] as const,
  ofOrganisation: (organisationId: string | null, status?: string) =>
    ['organiser', 'activities', organisationId, status] as const,
  /** The same list read a page at a time (kept apart: its cached data has another shape). */
  ofOrganisationPages: (organisationId: string | null, status?: string) =>
    ['organiser', 'activities', organisationId, status, 'pages'] as const,
};
