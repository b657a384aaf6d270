import { z } from 'zod';
import { RECORD_SOURCES } from '../enums.js';
import { LIMITS } from '../limits.js';
import { IsoTime } from './checkin.js';
import { PageQuery, page, text } from './common.js';

export const RECORD_STATUSES = ['pending', 'confirmed', 'disputed', 'revoked'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export const RecordSchema = z
  .object({
    id: z.string(),
    volunteerId: z.string(),
    activityId: z.string(),
    shiftId: z.string().nullable(),
    organisationId: z.string(),
    date: z.string().describe('Service date, local (YYYY-MM-DD)'),
    start: z.string(),
    end: z.string(),
    hours: z.number().describe('Hours that count: clipped, breaks off, rounded down; one decimal place'),
    content: z.string(),
    place: z.string(),
    source: z.enum(RECORD_SOURCES),
    status: z.enum(RECORD_STATUSES),
    recordedBy: z.string().nullable().describe('User who entered it (null for self check-out)'),
    approvedBy: z.string().nullable(),
    confirmedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    revokeReason: z.string().nullable(),
    replacesId: z.string().nullable().describe('The record this one corrects'),
    evidence: z.string().nullable().describe('Late entries: what proves the service'),
    flags: z.array(z.string()).describe('Attendance flags carried over, e.g. auto_closed'),
    createdAt: z.string(),
  })
  .describe('Service record (服务记录)');
export type ServiceRecord = z.infer<typeof RecordSchema>;

/** A record in a list: who served and in which activity, so a list needs no look-up per row. */
export const ListedRecordSchema = RecordSchema.extend({
  volunteerName: z.string().describe("The volunteer's name, as the organisation's sign-up lists show it"),
  volunteerCode: z.string().describe('Volunteer code (志愿者编号)'),
  activityTitle: z.string(),
}).describe('Service record with its volunteer and activity');
export type ListedRecord = z.infer<typeof ListedRecordSchema>;

export const RecordList = page(ListedRecordSchema);

const LocalDay = z.iso.date();

/** Filters of an organisation's records, shared by the list and its .xlsx export. */
const RecordFilters = {
  status: z.enum(RECORD_STATUSES).optional(),
  activityId: z.string().max(64).optional().describe("Only this activity's records"),
  from: LocalDay.optional().describe('First service day, local (YYYY-MM-DD)'),
  to: LocalDay.optional().describe('Last service day, local (YYYY-MM-DD), included'),
  volunteer: z
    .string()
    .trim()
    .min(1)
    .max(LIMITS.nameMax)
    .optional()
    .describe("The volunteer's volunteer code, or the start of their name"),
};

const fromBeforeTo = (q: { from?: string | undefined; to?: string | undefined }) => !q.from || !q.to || q.from <= q.to;

export const RecordListQuery = z
  .strictObject({
    volunteerId: z.string().max(64).optional().describe("One volunteer's records (oneself, or admins who see them)"),
    organisationId: z.string().max(64).optional().describe('Records of this organisation and those under it'),
    ...RecordFilters,
    ...PageQuery,
  })
  .refine(fromBeforeTo, { message: 'must not be before from', path: ['to'] });
export type RecordListQuery = z.infer<typeof RecordListQuery>;

export const RecordExportQuery = z
  .strictObject({
    organisationId: z.string().min(1).max(64).describe('Records of this organisation and those under it'),
    ...RecordFilters,
  })
  .refine(fromBeforeTo, { message: 'must not be before from', path: ['to'] });
export type RecordExportQuery = z.infer<typeof RecordExportQuery>;

export const RevokeBody = z.strictObject({ reason: text(LIMITS.reasonMax).describe('Why it no longer counts') });

export const BulkConfirmBody = z.strictObject({
  ids: z.array(z.string().min(1).max(64)).min(1).max(LIMITS.listMax).describe('Records to confirm, all or none'),
});
export const BulkConfirmAnswer = z.object({ items: z.array(RecordSchema) });

export const LateEntryBody = z
  .strictObject({
    volunteerId: z.string().trim().min(1).max(64).optional().describe('The volunteer, by id'),
    volunteerCode: z.string().trim().min(1).max(64).optional().describe('Or by volunteer code (志愿者编号)'),
    activityId: z.string().trim().min(1).max(64),
    shiftId: z.string().trim().min(1).max(64).optional().describe('When given, times are clipped to it'),
    start: IsoTime,
    end: IsoTime,
    content: text(LIMITS.textMax).describe('What was served'),
    evidence: text(LIMITS.textMax).describe('What proves it (sign-in sheet, photos…); required'),
  })
  .refine((b) => Date.parse(b.end) > Date.parse(b.start), { message: 'must be after start', path: ['end'] })
  .refine((b) => (b.volunteerId === undefined) !== (b.volunteerCode === undefined), {
    message: 'give exactly one of volunteerId or volunteerCode',
    path: ['volunteerId'],
  });
export type LateEntry = z.infer<typeof LateEntryBody>;

export const CorrectionBody = z
  .strictObject({
    start: IsoTime.optional().describe('The start it should have'),
    end: IsoTime.optional().describe('The end it should have'),
    reason: text(LIMITS.reasonMax),
  })
  .refine((b) => !b.start || !b.end || Date.parse(b.end) > Date.parse(b.start), {
    message: 'must be after start',
    path: ['end'],
  });
export type CorrectionInput = z.infer<typeof CorrectionBody>;

export const CorrectionAnswerBody = z.strictObject({
  accept: z.boolean().describe('Accepting makes a new record and revokes the old one'),
  answer: text(LIMITS.reasonMax).describe('The answer the volunteer sees'),
});

export const CORRECTION_STATUSES = ['open', 'accepted', 'rejected'] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

export const CorrectionSchema = z
  .object({
    id: z.string(),
    recordId: z.string(),
    volunteerId: z.string(),
    requestedStart: z.string().nullable(),
    requestedEnd: z.string().nullable(),
    reason: z.string(),
    status: z.enum(CORRECTION_STATUSES),
    answer: z.string().nullable(),
    answeredBy: z.string().nullable(),
    createdAt: z.string(),
    answeredAt: z.string().nullable(),
  })
  .describe('A request to correct a service record');
export type Correction = z.infer<typeof CorrectionSchema>;

export const CorrectionAnswer = z.object({
  correction: CorrectionSchema,
  record: RecordSchema.nullable().describe('The new record when accepted'),
});

export const CorrectionList = page(CorrectionSchema);

export const CorrectionListQuery = z.strictObject({
  organisationId: z.string().max(64).describe('Corrections of records of this organisation and those under it'),
  status: z.enum(CORRECTION_STATUSES).optional(),
  ...PageQuery,
});
export type CorrectionListQuery = z.infer<typeof CorrectionListQuery>;
