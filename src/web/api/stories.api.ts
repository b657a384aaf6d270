import type { z } from 'zod';
import type { StoredFile } from '../../common/contract/files.js';
import type {
  CreateStoryBody,
  PatchStoryBody,
  SendTipBody,
  Story,
  StoryCard,
  StoryList,
  StoryTip,
  StoryTipList,
} from '../../common/contract/stories.js';
import type { StoryStatus, StoryTipStatus } from '../../common/enums.js';
import { api, uploadForm } from './http-client.js';

export type { Story, StoryCard, StoryTip };
export type StoryPage = z.infer<typeof StoryList>;
export type TipPage = z.infer<typeof StoryTipList>;

const one = (id: string, rest = '') => `/stories/${encodeURIComponent(id)}${rest}`;

/** Published stories, newest first (the portal; an organisation's page). */
export const listStories = (f: { regionCode?: string; field?: string; organisationId?: string }, cursor?: string) =>
  api.get<StoryPage>('/stories', { ...f, cursor, limit: 12 });
/** Stories the caller writes, or submitted ones the caller reviews. */
export const listManagedStories = (view: 'write' | 'review', status: StoryStatus | undefined, cursor?: string) =>
  api.get<StoryPage>('/stories/manage', { view, status, cursor, limit: 50 });
export const getStory = (id: string) => api.get<Story>(one(id));
export const createStory = (body: z.input<typeof CreateStoryBody>) => api.post<Story>('/stories', body);
export const patchStory = (id: string, body: z.input<typeof PatchStoryBody>) => api.patch<Story>(one(id), body);
export const submitStory = (id: string) => api.post<Story>(one(id, '/submit'));
export const approveStory = (id: string) => api.post<Story>(one(id, '/approve'));
export const returnStory = (id: string, reason: string) => api.post<Story>(one(id, '/return'), { reason });
export const uploadStoryPhoto = (id: string, file: File) => {
  const form = new FormData();
  form.append('photo', file);
  return uploadForm<StoredFile>(one(id, '/photos'), form);
};

export const sendTip = (body: z.input<typeof SendTipBody>) =>
  api.post<{ id: string; organisationName: string }>('/story-tips', body);
export const listTips = (status: StoryTipStatus | undefined, cursor?: string) =>
  api.get<TipPage>('/story-tips', { status, cursor, limit: 50 });
export const decideTip = (id: string, status: 'used' | 'dismissed') =>
  api.post<StoryTip>(`/story-tips/${encodeURIComponent(id)}/decide`, { status });

/** React Query keys of stories and tips; `all` invalidates every list and story. */
export const storyKeys = {
  all: ['stories'] as const,
  public: (f: { regionCode?: string; field?: string; organisationId?: string }) =>
    ['stories', 'public', f.regionCode ?? '', f.field ?? '', f.organisationId ?? ''] as const,
  managed: (view: string, status: string | undefined) => ['stories', 'managed', view, status ?? ''] as const,
  one: (id: string) => ['stories', 'one', id] as const,
  tips: (status: string | undefined) => ['stories', 'tips', status ?? ''] as const,
};
