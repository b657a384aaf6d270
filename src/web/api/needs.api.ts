import type { z } from 'zod';
import type {
  CreateNeedBody,
  Need,
  NeedList,
  NeedActivityBody,
  NeedListQuery,
  NeedTypeList,
  ReviewNeedBody,
} from '../../common/contract/needs.js';
import type { StoredFile } from '../../common/contract/files.js';
import { api, uploadForm } from './http-client.js';

export type NeedInput = z.input<typeof CreateNeedBody>;
export type NeedQuery = Partial<Omit<z.input<typeof NeedListQuery>, 'cursor' | 'limit'>>;
export type NeedPage = z.infer<typeof NeedList>;
export type NeedType = z.infer<typeof NeedTypeList>['items'][number];
export type NeedReview = z.input<typeof ReviewNeedBody>;
export type NeedActivityInput = z.input<typeof NeedActivityBody>;
export type { Need, StoredFile };

const one = (id: string, step = '') => `/needs/${encodeURIComponent(id)}${step}`;

export const needTypes = () => api.get<z.infer<typeof NeedTypeList>>('/need-types');
export const postNeed = (body: NeedInput) => api.post<Need>('/needs', body);
/** My needs, the board of the regions I review, or the needs offered to my teams; newest first. */
export const listNeeds = (query: NeedQuery, cursor?: string, limit = 20) =>
  api.get<NeedPage>('/needs', { ...query, cursor, limit });
export const getNeed = (id: string) => api.get<Need>(one(id));
export const reviewNeed = (id: string, body: NeedReview) => api.post<Need>(one(id, '/review'), body);
export const dispatchNeed = (id: string, organisationId: string) =>
  api.post<Need>(one(id, '/dispatch'), { organisationId });
/** A draft activity with one shift made of the need, which is dispatched with it. */
export const needToActivity = (id: string, body: NeedActivityInput) => api.post<Need>(one(id, '/activity'), body);
export const takeNeed = (id: string) => api.post<Need>(one(id, '/take'), {});
export const completeNeed = (id: string, report: string, photoIds: string[] = []) =>
  api.post<Need>(one(id, '/complete'), { report, ...(photoIds.length > 0 ? { photoIds } : {}) });
/** The taker uploads one photo for the completion report; attach its id when completing. */
export const uploadNeedPhoto = (id: string, file: File) => {
  const form = new FormData();
  form.append('photo', file);
  return uploadForm<StoredFile>(one(id, '/photos'), form);
};
export const rateNeed = (id: string, score: number, comment?: string) =>
  api.post<Need>(one(id, '/rate'), { score, ...(comment ? { comment } : {}) });
export const complainNeed = (id: string, text: string) => api.post<Need>(one(id, '/complain'), { text });
export const cancelNeed = (id: string, reason?: string) => api.post<Need>(one(id, '/cancel'), reason ? { reason } : {});

/** React Query keys of needs; `all` invalidates every list and need. */
export const needKeys = {
  all: ['needs'] as const,
  types: ['need-types'] as const,
  list: (query: NeedQuery) => ['needs', 'list', query] as const,
  one: (id: string) => ['needs', 'one', id] as const,
};
