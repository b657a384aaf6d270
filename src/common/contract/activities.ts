import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { SHIFT_STATUSES } from '../enums.js';
import { Latitude, Longitude, PageQuery, page, tags, text } from './common.js';

/** An ISO-8601 time with offset, e.g. 2026-12-01T09:00:00+08:00. */
export const Instant = z.iso.datetime({ offset: true }).describe('ISO-8601 time with offset');

export const ACTIVITY_STATUSES = ['draft', 'published', 'running', 'finished', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** Bounds the API and the console form share. */
export const ACTIVITY_LIMITS = {
  capacityMax: 10_000,
  radiusMinM: 10,
  radiusMaxM: 5_000,
  shiftsMax: 60,
  recurrenceMax: 52,
  /** Shifts one activity may hold after recurrence is expanded. */
  expandedShiftsMax: 520,
  ageMax: 120,
  breakMax: 600,
} as const;

export const ShiftInput = z
  .strictObject({
    start: Instant.describe('Shift start'),
    end: Instant.describe('Shift end, after the start'),
    capacity: z.number().int().min(1).max(ACTIVITY_LIMITS.capacityMax).describe('Places (1–10000)'),
    signupDeadline: Instant.optional().describe('Sign-ups close here; default: when the shift ends'),
    minAge: z.number().int().min(0).max(ACTIVITY_LIMITS.ageMax).optional().describe('Minimum age at the shift start'),
    maxAge: z.number().int().min(0).max(ACTIVITY_LIMITS.ageMax).optional().describe('Maximum age at the shift start'),
    requiredQualifications: z.array(text(LIMITS.tagMax)).max(10).default([]).describe('Qualification kind codes'),
    requiredSkills: tags.default([]).describe('Skills wanted (shown to volunteers, not enforced)'),
    breakMinutes: z.number().int().min(0).max(ACTIVITY_LIMITS.breakMax).default(0).describe('Break taken off hours'),
  })
  .refine((s) => Date.parse(s.end) > Date.parse(s.start), { message: 'must be after start', path: ['end'] })
  .refine((s) => !s.signupDeadline || Date.parse(s.signupDeadline) <= Date.parse(s.end), {
    message: 'must not be after the shift end',
    path: ['signupDeadline'],
  })
  .refine((s) => s.minAge === undefined || s.maxAge === undefined || s.minAge <= s.maxAge, {
    message: 'must not be below minAge',
    path: ['maxAge'],
  })
  .describe('A shift (班次)');
export type ShiftInputT = z.infer<typeof ShiftInput>;

export const Recurrence = z
  .strictObject({
    freq: z.literal('weekly').describe('Only weekly is supported'),
    count: z.number().int().min(1).max(ACTIVITY_LIMITS.recurrenceMax).optional().describe('Weeks, the first included'),
    until: Instant.optional().describe('Last week whose shifts start by this time'),
  })
  .refine((r) => (r.count === undefined) !== (r.until === undefined), {
    message: 'give exactly one of count or until',
    path: ['count'],
  })
  .describe('Weekly copies of the given shifts, made at creation');
export type RecurrenceT = z.infer<typeof Recurrence>;

/** A contact phone: a mobile or a landline with its area code, e.g. 023-63851234. */
export const ContactPhone = z
  .string()
  .trim()
  .regex(/^\+?\d[\d -]{4,18}\d$/, 'must be a phone number: digits, spaces or dashes, e.g. 023-63851234')
  .describe('Contact phone (mobile or landline)');

/** Whom volunteers holding a sign-up call; set by the organiser, both parts optional. */
const contactFields = {
  contactName: text(LIMITS.nameMax)
    .optional()
    .describe('Contact person; shown only to the organisers and to volunteers holding a live sign-up'),
  contactPhone: ContactPhone.optional().describe(
    'Contact phone; shown only to the organisers and to volunteers holding a live sign-up',
  ),
};

export const LocationInput = z.strictObject({
  address: text(LIMITS.addressMax),
  lat: Latitude,
  lng: Longitude,
});

export const CreateActivityBody = z
  .strictObject({
    organisationId: z.string().min(1).max(64).describe('Organiser'),
    title: text(LIMITS.titleMax),
    field: z.string().min(1).max(LIMITS.tagMax).describe('Service field code'),
    description: z.string().trim().max(LIMITS.textMax).default(''),
    siteId: z.string().min(1).max(64).optional().describe('Site (阵地); its address and position are used'),
    location: LocationInput.optional().describe('Address and position, when there is no site'),
    radiusM: z
      .number()
      .int()
      .min(ACTIVITY_LIMITS.radiusMinM)
      .max(ACTIVITY_LIMITS.radiusMaxM)
      .describe('Check-in radius in metres (10–5000)'),
    requiresApproval: z.boolean().default(false).describe('Sign-ups wait for an organiser'),
    risky: z.boolean().default(false).describe('Needs an insurance policy before publishing'),
    projectId: z.string().min(1).max(64).optional().describe('Brand project (品牌项目)'),
    recurrence: Recurrence.optional(),
    shifts: z.array(ShiftInput).min(1).max(ACTIVITY_LIMITS.shiftsMax),
    ...contactFields,
  })
  .refine((b) => (b.siteId === undefined) !== (b.location === undefined), {
    message: 'give exactly one of siteId or location',
    path: ['location'],
  });
export type CreateActivity = z.infer<typeof CreateActivityBody>;

/** What a published activity still lets its organisers change (see PatchActivityBody). */
export const PUBLISHED_EDITABLE = ['title', 'description', 'radiusM', 'risky', 'contactName', 'contactPhone'] as const;

export const PatchActivityBody = z
  .strictObject({
    title: text(LIMITS.titleMax).optional().describe('Any time before cancellation'),
    description: z.string().trim().max(LIMITS.textMax).optional().describe('Any time before cancellation'),
    field: z
      .string()
      .min(1)
      .max(LIMITS.tagMax)
      .optional()
      .describe('Service field code; drafts only (points and statistics count by it)'),
    projectId: z
      .string()
      .min(1)
      .max(64)
      .nullable()
      .optional()
      .describe('Brand project, null for none; drafts only (points rules multiply by it)'),
    requiresApproval: z.boolean().optional().describe('Drafts only: sign-ups already made followed the old rule'),
    risky: z
      .boolean()
      .optional()
      .describe('Turning it on for a published activity needs a policy covering every shift, as publishing does'),
    radiusM: z
      .number()
      .int()
      .min(ACTIVITY_LIMITS.radiusMinM)
      .max(ACTIVITY_LIMITS.radiusMaxM)
      .optional()
      .describe('Check-in radius in metres (10–5000); any time before cancellation'),
    siteId: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe('Move to a site; drafts only (volunteers signed up for the place)'),
    location: LocationInput.optional().describe('Move to an address and position; drafts only'),
    contactName: contactFields.contactName.unwrap().nullable().optional().describe('Any time; null removes it'),
    contactPhone: ContactPhone.nullable().optional().describe('Any time; null removes it'),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'change at least one field', path: ['title'] })
  .refine((b) => b.siteId === undefined || b.location === undefined, {
    message: 'give siteId or location, not both',
    path: ['location'],
  })
  .describe(
    'Changes to an activity. A draft takes any of them; a published activity only title, description, ' +
      'radiusM, risky and the contact (a value equal to the current one is always accepted), anything else is a 422 ' +
      'naming the field: cancel it and create a new one instead. A cancelled activity cannot be changed (409).',
  );
export type PatchActivity = z.infer<typeof PatchActivityBody>;

export const ShiftSchema = z
  .object({
    id: z.string(),
    activityId: z.string(),
    start: z.string(),
    end: z.string(),
    capacity: z.number().int(),
    taken: z.number().int().describe('Places held (approved sign-ups)'),
    waitlisted: z.number().int().describe('Sign-ups on the wait-list'),
    applied: z.number().int().describe('Sign-ups waiting for approval'),
    signupDeadline: z.string().describe('When sign-ups close (the shift end unless set)'),
    minAge: z.number().int().nullable(),
    maxAge: z.number().int().nullable(),
    requiredQualifications: z.array(z.string()),
    requiredSkills: z.array(z.string()),
    breakMinutes: z.number().int(),
    peopleServed: z.number().int().nullable().describe('People served (服务对象人次) recorded for this session'),
    status: z.enum(SHIFT_STATUSES),
  })
  .describe('Shift');
export type Shift = z.infer<typeof ShiftSchema>;

export const ActivitySummarySchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    projectId: z.string().nullable(),
    title: z.string(),
    field: z.string(),
    siteId: z.string().nullable(),
    regionCode: z.string(),
    address: z.string(),
    lat: z.number(),
    lng: z.number(),
    radiusM: z.number().int(),
    requiresApproval: z.boolean(),
    risky: z.boolean(),
    status: z.enum(ACTIVITY_STATUSES).describe('running/finished are derived from the shift times'),
    firstStart: z.string(),
    lastEnd: z.string(),
    publishedAt: z.string().nullable(),
    placesLeft: z
      .number()
      .int()
      .describe('Places still free over the open shifts whose sign-up has not closed (0: full or closed)'),
    distanceM: z.number().optional().describe('Distance from `near`, when asked'),
  })
  .describe('Activity summary');
export type ActivitySummary = z.infer<typeof ActivitySummarySchema>;

export const ActivitySchema = ActivitySummarySchema.extend({
  description: z.string(),
  recurrence: Recurrence.nullable(),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  shifts: z.array(ShiftSchema),
  contact: z
    .object({ name: z.string().nullable(), phone: z.string().nullable() })
    .nullable()
    .describe(
      'Whom to call: only for the organisers and for a volunteer holding a live sign-up; null for ' +
        'everyone else, and when the organiser gave none',
    ),
}).describe('Activity');
export type Activity = z.infer<typeof ActivitySchema>;

/** Longest keyword search the list accepts. */
export const SEARCH_MAX = 60;

export const ActivityListQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .max(SEARCH_MAX)
    .optional()
    .describe(
      `Keywords (at most ${SEARCH_MAX} characters), separated by spaces: each must appear in the title, ` +
        'description, address or organisation name; case-insensitive for Latin letters, % and _ match themselves',
    ),
  hasPlaces: z
    .enum(['true', 'false'])
    .optional()
    .describe('`true`: only activities with an open shift that has places left and still takes sign-ups'),
  near: z.string().max(60).optional().describe('LAT,LNG: nearest first'),
  radiusKm: z.coerce.number().positive().max(500).default(10).describe('With `near`: how far (km)'),
  field: z.string().max(LIMITS.tagMax).optional().describe('Service field code'),
  from: Instant.optional().describe('Only activities with a shift ending after this'),
  to: Instant.optional().describe('Only activities with a shift starting before this'),
  organisationId: z.string().max(64).optional(),
  projectId: z.string().max(64).optional(),
  ...PageQuery,
});
export type ActivityListQueryT = z.infer<typeof ActivityListQuery>;

export const ActivityList = page(ActivitySummarySchema);

export const OrgActivitiesQuery = z.strictObject({
  status: z.enum(['draft', 'published', 'cancelled']).optional(),
  ...PageQuery,
});

export const CancelActivityBody = z.strictObject({
  reason: text(LIMITS.reasonMax).describe('Told to everyone signed up'),
});

export const PatchShiftBody = z
  .strictObject({
    start: Instant.optional(),
    end: Instant.optional(),
    capacity: z.number().int().min(1).max(ACTIVITY_LIMITS.capacityMax).optional(),
    signupDeadline: Instant.nullable().optional().describe('null: until the shift ends'),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'change at least one field', path: ['start'] });
export type PatchShift = z.infer<typeof PatchShiftBody>;

export const PeopleServedBody = z.strictObject({
  count: z.number().int().min(0).max(10_000_000).describe('People served (服务对象人次) in this session'),
});
