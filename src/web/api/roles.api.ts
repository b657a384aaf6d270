import type { z } from 'zod';
import type { GrantRoleBody, RoleGrantSchema } from '../../common/contract/roles.js';
import { api } from './http-client.js';

export type RoleGrantInput = z.input<typeof GrantRoleBody>;
export type RoleGrant = z.infer<typeof RoleGrantSchema>;

export const grantRole = (body: RoleGrantInput) => api.post<RoleGrant>('/roles', body);
