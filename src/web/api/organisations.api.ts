import type { z } from 'zod';
import type {
  CreateOrganisationBody,
  Organisation,
  OrganisationList,
  OrganisationListQuery,
} from '../../common/contract/organisations.js';
import { api } from './http-client.js';

export type OrganisationInput = z.input<typeof CreateOrganisationBody>;
export type OrganisationQuery = Partial<z.infer<typeof OrganisationListQuery>>;
export type OrganisationPage = z.infer<typeof OrganisationList>;
export type OrganisationSummary = OrganisationPage['items'][number];
export type { Organisation };

export const createOrganisation = (body: OrganisationInput) => api.post<Organisation>('/organisations', body);
export const getOrganisation = (id: string) => api.get<Organisation>(`/organisations/${encodeURIComponent(id)}`);
export const listOrganisations = (query: OrganisationQuery = {}) =>
  api.get<OrganisationPage>('/organisations', { ...query });
