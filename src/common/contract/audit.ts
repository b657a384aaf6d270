import { z } from 'zod';
import { isRealDate } from '../zoned-time.js';
import { page, PageQuery } from './common.js';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day, YYYY-MM-DD')
  .refine(isRealDate, 'must be a real day');

/** Filters of the audit log; days are the platform's (from its midnight to the next). */
export const AuditQuery = z.strictObject({
  ...PageQuery,
  regionCode: z.string().min(1).max(32).optional().describe('Only entries about what lies in this region (and below)'),
  actorUserId: z.string().min(1).max(64).optional().describe('Only what this user did'),
  entityType: z.string().min(1).max(40).optional().describe('Only entries about subjects of this type, e.g. volunteer'),
  entityId: z.string().min(1).max(64).optional().describe('Only entries about this subject (with entityType)'),
  action: z.string().min(1).max(60).optional().describe('Only this action, e.g. volunteer.read'),
  from: day.optional().describe('First day, inclusive (platform time zone)'),
  to: day.optional().describe('Last day, inclusive (platform time zone)'),
});
export type AuditQueryInput = z.infer<typeof AuditQuery>;

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string().describe('ISO-8601 time'),
    actorUserId: z.string().nullable().describe('Who acted; null for the system'),
    actorName: z.string().nullable().describe("The actor's display name"),
    action: z.string().describe('What was done, e.g. volunteer.read, role.grant, membership.invite'),
    entityType: z.string().describe('The kind of subject'),
    entityId: z.string().describe('The subject'),
    regionCode: z.string().nullable().describe('Where the subject lies; null for city-wide things'),
    details: z.record(z.string(), z.unknown()).describe('Which fields or sections, never personal data itself'),
  })
  .describe('Audit entry');
export type AuditEntryView = z.infer<typeof AuditEntrySchema>;

export const AuditPage = page(AuditEntrySchema);
