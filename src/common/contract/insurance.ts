import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { text } from './common.js';

export const CreatePolicyBody = z
  .strictObject({
    activityId: z.string().min(1).max(64).optional().describe('The activity it covers'),
    organisationId: z.string().min(1).max(64).optional().describe('Or the organisation whose activities it covers'),
    insurer: text(LIMITS.titleMax),
    policyNumber: text(64),
    startsOn: z.iso.date().describe('First covered day (YYYY-MM-DD, local)'),
    endsOn: z.iso.date().describe('Last covered day'),
  })
  .refine((b) => (b.activityId === undefined) !== (b.organisationId === undefined), {
    message: 'give exactly one of activityId or organisationId',
    path: ['activityId'],
  })
  .refine((b) => b.endsOn >= b.startsOn, { message: 'must not be before startsOn', path: ['endsOn'] });
export type CreatePolicy = z.infer<typeof CreatePolicyBody>;

export const PolicySchema = z
  .object({
    id: z.string(),
    activityId: z.string().nullable(),
    organisationId: z.string().nullable(),
    insurer: z.string(),
    policyNumber: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    createdAt: z.string(),
  })
  .describe('Insurance policy');
export type Policy = z.infer<typeof PolicySchema>;

export const PolicyListQuery = z
  .strictObject({
    activityId: z.string().min(1).max(64).optional().describe("The activity's own policies and its organisation's"),
    organisationId: z.string().min(1).max(64).optional().describe("The organisation's policies"),
  })
  .refine((q) => (q.activityId === undefined) !== (q.organisationId === undefined), {
    message: 'give exactly one of activityId or organisationId',
    path: ['activityId'],
  });
export const PolicyList = z.object({ items: z.array(PolicySchema) });
