import type { z } from 'zod';
import type { RoleGrantBody, RoleGrantSchema } from './pending-contracts.js';
import { api } from './http-client.js';

export type RoleGrantInput = z.infer<typeof RoleGrantBody>;
export type RoleGrant = z.infer<typeof RoleGrantSchema>;

export const grantRole = (body: RoleGrantInput) => api.post<RoleGrant>('/roles', body);
