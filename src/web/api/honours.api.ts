import type { z } from 'zod';
import type {
  HonourList,
  HonourListQuery,
  HonourSummaryView,
  HonourView,
  RecordHonour,
} from '../../common/contract/honours.js';
import type { HonourSubjectKind } from '../../common/enums.js';
import { api, uploadForm } from './http-client.js';

export type Honour = HonourView;
export type HonourSummary = HonourSummaryView;

/** A subject's honours: public for projects and organisations, a volunteer's for themself and admins over them. */
export const listHonours = (query: z.infer<typeof HonourListQuery>) =>
  api.get<z.infer<typeof HonourList>>('/honours', { ...query });
/** Records an honour (admins in scope); a volunteer's earns the points its rule gives. */
export const recordHonour = (body: RecordHonour) => api.post<Honour>('/honours', body);
/** Deletes an honour (its recorder's scope); a volunteer's takes back its points. */
export const deleteHonour = (id: string) => api.del<null>(`/honours/${encodeURIComponent(id)}`);
/** Uploads an honour's certificate image (JPEG or PNG), replacing the one it had; the honour with it. */
export const uploadHonourImage = (id: string, file: File) => {
  const form = new FormData();
  form.append('image', file);
  return uploadForm<Honour>(`/honours/${encodeURIComponent(id)}/image`, form);
};
/** Honours counted by level and by what won them, in a region subtree (public aggregates). */
export const honourSummary = (regionCode?: string) =>
  api.get<HonourSummary>('/honours/summary', regionCode ? { regionCode } : {});

/** React Query keys of honours. */
export const honourKeys = {
  of: (kind: HonourSubjectKind, id: string) => ['honours', kind, id] as const,
  summary: (regionCode: string | undefined) => ['honours', 'summary', regionCode ?? ''] as const,
};
