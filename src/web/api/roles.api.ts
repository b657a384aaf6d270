import type { z } from 'zod';
import type { GrantRoleBody, RoleGrantSchema } from '../../common/contract/roles.js';
import { api } from './http-client.js';

export type RoleGrantInput = z.input<typeof GrantRoleBody>;
export type RoleGrant = z.infer<typeof RoleGrantSchema>;

export const grantRole = (body: RoleGrantInput) => api.post<RoleGrant>('/roles', body);

/** A user's grants (the user themself or a system admin may look). */
export const listUserGrants = (userId: string) =>
  api.get<{ items: RoleGrant[] }>(`/users/${encodeURIComponent(userId)}/roles`);

export const revokeGrant = (grantId: string) => api.del<void>(`/roles/${encodeURIComponent(grantId)}`);

/** React Query keys of role grants. */
export const roleKeys = {
  ofUser: (userId: string) => ['grants', userId] as const,
};
