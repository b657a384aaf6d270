import type { z } from 'zod';
import type {
  CreateSiteBody,
  Site,
  SiteCalendar,
  SiteCalendarEntry,
  SiteList,
  SiteListQuery,
  UpdateSiteBody,
} from '../../common/contract/sites.js';
import { api } from './http-client.js';

export type SiteInput = z.input<typeof CreateSiteBody>;
export type SiteQuery = Partial<z.infer<typeof SiteListQuery>>;
export type { Site };

export const createSite = (body: SiteInput) => api.post<Site>('/sites', body);
export const listSites = (query: SiteQuery = {}) => api.get<z.infer<typeof SiteList>>('/sites', { ...query });

export type SitePatch = z.input<typeof UpdateSiteBody>;
export type { SiteCalendarEntry };

export const updateSite = (id: string, body: SitePatch) => api.patch<Site>(`/sites/${encodeURIComponent(id)}`, body);
export const siteCalendar = (id: string, window: { from: string; to: string }) =>
  api.get<z.infer<typeof SiteCalendar>>(`/sites/${encodeURIComponent(id)}/activities`, window);
