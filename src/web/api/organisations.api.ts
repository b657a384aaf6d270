import type { z } from 'zod';
import type { OrganisationCreateBody, OrganisationSchema } from './pending-contracts.js';
import { api } from './http-client.js';

export type OrganisationInput = z.infer<typeof OrganisationCreateBody>;
export type Organisation = z.infer<typeof OrganisationSchema>;
export interface OrganisationQuery {
  parentId?: string;
  regionCode?: string;
  kind?: string;
  cursor?: string;
}

export const createOrganisation = (body: OrganisationInput) => api.post<Organisation>('/organisations', body);
export const getOrganisation = (id: string) => api.get<Organisation>(`/organisations/${encodeURIComponent(id)}`);
export const listOrganisations = (query: OrganisationQuery = {}) =>
  api.get<{ items: Organisation[]; nextCursor: string | null }>('/organisations', { ...query });
