import { z } from 'zod';
import { ROLES, SCOPE_TYPES } from '../enums.js';

export const GrantRoleBody = z.strictObject({
  userId: z.string().min(1).max(64),
  role: z.enum(ROLES),
  scopeType: z.enum(SCOPE_TYPES),
  scopeId: z
    .string()
    .min(1)
    .max(64)
    .describe('A region code, organisation id or site id; "system" for the system scope'),
});
export type GrantRole = z.infer<typeof GrantRoleBody>;

export const RoleGrantSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    role: z.enum(ROLES),
    scopeType: z.enum(SCOPE_TYPES),
    scopeId: z.string(),
    grantedBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .describe('RoleGrant');

export const RoleGrantList = z.object({ items: z.array(RoleGrantSchema) });
