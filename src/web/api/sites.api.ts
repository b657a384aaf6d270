import type { z } from 'zod';
import type { CreateSiteBody, Site, SiteList, SiteListQuery } from '../../common/contract/sites.js';
import { api } from './http-client.js';

export type SiteInput = z.input<typeof CreateSiteBody>;
export type SiteQuery = Partial<z.infer<typeof SiteListQuery>>;
export type { Site };

export const createSite = (body: SiteInput) => api.post<Site>('/sites', body);
export const listSites = (query: SiteQuery = {}) => api.get<z.infer<typeof SiteList>>('/sites', { ...query });
