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

/** React Query keys of sites; `lists` invalidates every list of sites. */
export const siteKeys = {
  one: (siteId: string) => ['site', siteId] as const,
  lists: ['sites'] as const,
  admin: (type: string | undefined) => ['sites', 'admin', type] as const,
  /** The map; every filter is a part of the key. */
  map: (...filters: readonly (string | number | undefined)[]) => ['sites', 'map', ...filters] as const,
  ofOrganisation: (organisationId: string | null) => ['sites', 'of', organisationId] as const,
  /** Where an organisation may hold activities, matching a part of a name. */
  usableBy: (organisationId: string | null, name: string) => ['sites', 'usable', organisationId, name] as const,
  supermarkets: (scope: SiteQuery) => ['sites', 'supermarkets', scope] as const,
  /** The role form's site picker: a part of a name, within a type and region. */
  search: (query: SiteQuery) => ['sites', 'search', query] as const,
  portal: ['sites', 'portal'] as const,
  calendar: (siteId: string, window: { from: string; to: string }) =>
    ['site-calendar', siteId, window.from, window.to] as const,
};
