import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { page, text } from './common.js';

export const SIGNUP_STATUSES = [
  'applied',
  'approved',
  'waitlisted',
  'rejected',
  'cancelled',
  'no_show',
  'attended',
] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

export const SignupBody = z.strictObject({}).describe('No fields: the caller signs up as themselves');

export const SignupSchema = z
  .object({
    id: z.string(),
    shiftId: z.string(),
    volunteerId: z.string(),
    status: z.enum(SIGNUP_STATUSES),
    seq: z.number().int().describe('Arrival order within the shift'),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
    reason: z.string().nullable(),
  })
  .describe('Sign-up');
export type Signup = z.infer<typeof SignupSchema>;

export const ShiftSignupSchema = z
  .object({
    id: z.string(),
    volunteerId: z.string(),
    volunteerName: z.string(),
    volunteerCode: z.string(),
    status: z.enum(SIGNUP_STATUSES),
    createdAt: z.string(),
    seq: z.number().int(),
    noShowCount: z.number().int().describe('No-shows within the penalty window'),
  })
  .describe('Sign-up as the organiser sees it');
export const ShiftSignupList = page(ShiftSignupSchema);

export const MySignupSchema = z
  .object({
    id: z.string(),
    shiftId: z.string(),
    activityId: z.string(),
    activityTitle: z.string(),
    start: z.string(),
    end: z.string(),
    status: z.enum(SIGNUP_STATUSES),
  })
  .describe('One of my sign-ups');
export const MySignupList = page(MySignupSchema);

export const MySignupsQuery = z.strictObject({
  status: z.enum(SIGNUP_STATUSES).optional(),
  upcoming: z.enum(['true', 'false']).optional().describe('`true`: shifts that have not ended'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.listMax).default(LIMITS.listDefault),
});

export const DecisionBody = z.strictObject({
  reason: text(LIMITS.reasonMax).optional().describe('Told to the volunteer'),
});

export const QualificationKindSchema = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });
export const QualificationKindList = z.object({ items: z.array(QualificationKindSchema) });

export const AddQualificationBody = z.strictObject({
  kind: z.string().min(1).max(LIMITS.tagMax).describe('Qualification kind code, e.g. first_aid'),
  expiresAt: z.iso.date().optional().describe('Last valid day (YYYY-MM-DD); none: never expires'),
});

export const QualificationSchema = z
  .object({
    id: z.string(),
    volunteerId: z.string(),
    kind: z.string(),
    kindName: z.string(),
    expiresAt: z.string().nullable(),
    verifiedBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .describe('Qualification (资质)');
export const QualificationList = z.object({ items: z.array(QualificationSchema) });
