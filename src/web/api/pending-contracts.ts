/**
 * Request and response shapes of API.md for resources whose contract files in
 * src/common/contract are still being written. Each api module imports from here only
 * until the shared schema exists, then switches to it.
 */
import { z } from 'zod';
import { ID_TYPES, ORG_KINDS, ORG_LEVELS, ROLES, SCOPE_TYPES, SITE_TYPES } from '../../common/enums.js';
import { LIMITS } from '../../common/limits.js';
import { Latitude, Longitude, tags, text } from '../../common/contract/common.js';

export const VolunteerCreateBody = z.strictObject({
  name: text(LIMITS.nameMax),
  idType: z.enum(ID_TYPES),
  idNumber: text(40),
  phone: z.string().regex(/^1\d{10}$/),
  password: z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax),
  regionCode: text(20),
  skills: tags,
  fields: tags,
});

export const VolunteerSchema = z.object({
  id: z.string(),
  userId: z.string(),
  volunteerCode: z.string(),
  name: z.string(),
  idType: z.enum(ID_TYPES),
  idNumber: z.string(),
  phone: z.string().nullable().optional(),
  regionCode: z.string(),
  skills: z.array(z.string()),
  fields: z.array(z.string()),
  hours: z.number().optional(),
  starLevel: z.number().optional(),
  pointsBalance: z.number().optional(),
  registeredAt: z.string().optional(),
  status: z.string().optional(),
});

export const OrganisationCreateBody = z.strictObject({
  name: text(LIMITS.titleMax),
  kind: z.enum(ORG_KINDS),
  level: z.enum(ORG_LEVELS),
  regionCode: text(20),
  parentId: z.string().optional(),
  departmentId: z.string().optional(),
  fields: tags,
});

export const OrganisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ORG_KINDS),
  level: z.enum(ORG_LEVELS),
  regionCode: z.string(),
  parentId: z.string().nullable(),
  departmentId: z.string().nullable().optional(),
  fields: z.array(z.string()),
  path: z.array(z.unknown()).optional(),
});

export const SiteCreateBody = z.strictObject({
  name: text(LIMITS.titleMax),
  type: z.enum(SITE_TYPES),
  regionCode: text(20),
  address: text(LIMITS.addressMax),
  lat: Latitude,
  lng: Longitude,
  organisationId: z.string().optional(),
});

export const SiteSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(SITE_TYPES),
  regionCode: z.string(),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  organisationId: z.string().nullable().optional(),
});

export const RoleGrantBody = z.strictObject({
  userId: text(64),
  role: z.enum(ROLES),
  scopeType: z.enum(SCOPE_TYPES),
  scopeId: text(64),
});

export const RoleGrantSchema = z.object({
  id: z.string().optional(),
  userId: z.string(),
  role: z.enum(ROLES),
  scopeType: z.enum(SCOPE_TYPES),
  scopeId: z.string(),
});
