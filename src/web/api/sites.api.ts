import type { z } from 'zod';
import type { SiteCreateBody, SiteSchema } from './pending-contracts.js';
import { api } from './http-client.js';

export type SiteInput = z.infer<typeof SiteCreateBody>;
export type Site = z.infer<typeof SiteSchema>;
export interface SiteQuery {
  type?: string;
  region?: string;
  near?: string;
  radiusKm?: number;
  cursor?: string;
  limit?: number;
}

export const createSite = (body: SiteInput) => api.post<Site>('/sites', body);
export const listSites = (query: SiteQuery = {}) =>
  api.get<{ items: Site[]; nextCursor: string | null }>('/sites', { ...query });
