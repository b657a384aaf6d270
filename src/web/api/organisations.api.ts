import type { z } from 'zod';
import type {
  CreateOrganisationBody,
  MemberList,
  MemberSchema,
  MembershipSchema,
  MyMembershipList,
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

export type MemberPage = z.infer<typeof MemberList>;
export type Member = MemberPage['items'][number];
export type MemberRole = z.infer<typeof MemberSchema>['role'];

/** Members of an organisation (its admins), oldest first, a page at a time. */
export const listMembers = (orgId: string, cursor?: string, limit = 20) =>
  api.get<MemberPage>(`/organisations/${encodeURIComponent(orgId)}/members`, { cursor, limit });
export type Membership = z.infer<typeof MembershipSchema>;
export type MyMembership = z.infer<typeof MyMembershipList>['items'][number];

/** My memberships, invitations and applications (volunteers). */
export const myMemberships = () => api.get<z.infer<typeof MyMembershipList>>('/me/memberships');
/** Accept, decline or end a membership: each side does what its status allows. */
export const answerMembership = (id: string, action: 'accept' | 'decline' | 'end') =>
  api.post<Membership>(`/memberships/${encodeURIComponent(id)}/${action}`, {});

/** Invites a volunteer by their volunteer code (志愿者编号): a member once they accept. */
export const addMemberByCode = (orgId: string, volunteerCode: string, role: MemberRole) =>
  api.post<z.infer<typeof MembershipSchema>>(`/organisations/${encodeURIComponent(orgId)}/members`, {
    volunteerCode,
    role,
  });

/** React Query keys of organisations and their members. */
export const organisationKeys = {
  one: (organisationId: string | null) => ['organisation', organisationId] as const,
  /** Every list of organisations (search, admin tree, departments). */
  lists: ['organisations'] as const,
  search: (q: string) => ['organisations', 'search', q] as const,
  list: (query: OrganisationQuery) => ['organisations', 'list', query] as const,
  departments: ['organisations', 'departments'] as const,
  members: (organisationId: string) => ['organiser', 'members', organisationId] as const,
  allMembers: (organisationId: string | null) => ['organisation', organisationId, 'members', 'all'] as const,
  myMemberships: ['my-memberships'] as const,
};
