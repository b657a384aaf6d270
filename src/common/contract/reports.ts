import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { Instant } from './activities.js';
import { Latitude, Longitude, PageQuery, page, text } from './common.js';
import { MAX_PHOTOS, PhotoSchema } from './files.js';
import { StatsBound } from './stats.js';

/** What a report (随手拍) is about: a fixed set, worded by the web app (reports.category.<code>). */
export const REPORT_CATEGORIES = [
  'air_pollution',
  'water',
  'sanitation',
  'accessibility',
  'facility_damage',
  'civility',
  'other',
] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

/**
 * Where a report stands: waiting in the region admins' queue for lack of a routing rule, with an
 * organisation (routed, or forwarded there by the one before), or closed (handled, rejected).
 */
export const REPORT_STATUSES = ['unrouted', 'routed', 'forwarded', 'handled', 'rejected'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** The statuses an organisation still has to answer. */
export const OPEN_REPORT_STATUSES: readonly ReportStatus[] = ['routed', 'forwarded'];

export const REPORT_EVENT_KINDS = ['submitted', 'unrouted', 'routed', 'forwarded', 'handled', 'rejected'] as const;
export type ReportEventKind = (typeof REPORT_EVENT_KINDS)[number];

export const REPORT_OUTCOMES = ['handled', 'forwarded', 'rejected'] as const;

const Id = z.string().min(1).max(64);
const PhotoIds = z
  .array(Id)
  .max(MAX_PHOTOS)
  .describe(`Up to ${MAX_PHOTOS} photos uploaded beforehand (POST /reports/photos), in the order to show them`);

export const ReportPosition = z
  .strictObject({ lat: Latitude, lng: Longitude })
  .describe('Where, as picked on the map or taken from the device with consent: stored encrypted');

export const CreateReportBody = z.strictObject({
  category: z.enum(REPORT_CATEGORIES),
  text: text(LIMITS.textMax).describe('What is wrong'),
  regionCode: z.string().trim().min(2).max(20).describe('The street or town (or any region) it is in'),
  position: ReportPosition.optional().describe('Only if the reporter agreed to give it'),
  observedAt: Instant.optional().describe('When it was seen; default now'),
  photoIds: PhotoIds.default([]),
});
export type CreateReport = z.infer<typeof CreateReportBody>;

export const RouteReportBody = z.strictObject({
  organisationId: Id.describe('The organisation that is to handle it'),
});

export const AnswerReportBody = z.strictObject({
  outcome: z.enum(REPORT_OUTCOMES),
  note: text(LIMITS.reasonMax).describe('What was done, or why it was rejected (the reporter reads it)'),
  photoIds: PhotoIds.optional(),
  organisationId: Id.optional().describe('Forwarded: the organisation it goes to'),
});
export type AnswerReport = z.infer<typeof AnswerReportBody>;

export const ReportEventSchema = z.object({
  kind: z.enum(REPORT_EVENT_KINDS),
  at: z.string(),
  by: z.string().nullable().describe('Who took the step: a display name, or null for the system'),
  organisationName: z.string().nullable().describe('The organisation the step sent it to, or that answered'),
  note: z.string().nullable(),
  photos: z.array(PhotoSchema),
});

export const ReportSchema = z
  .object({
    id: z.string(),
    category: z.enum(REPORT_CATEGORIES),
    text: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    position: z
      .object({ lat: z.number(), lng: z.number() })
      .nullable()
      .describe('For the reporter, the admins over the region and the organisation it is with'),
    observedAt: z.string(),
    status: z.enum(REPORT_STATUSES),
    organisationId: z.string().nullable(),
    organisationName: z.string().nullable(),
    photos: z.array(PhotoSchema),
    mine: z.boolean().describe('Submitted by the caller'),
    canAnswer: z.boolean().describe('The caller answers for the organisation it is with'),
    canRoute: z.boolean().describe('The caller may route it by hand (an admin over its region)'),
    points: z.number().int().describe('Points it earned its reporter (0 until handled, or without a rule)'),
    createdAt: z.string(),
    closedAt: z.string().nullable(),
    timeline: z.array(ReportEventSchema),
  })
  .describe('A report (随手拍)');
export type Report = z.infer<typeof ReportSchema>;

/** One of the person's own reports in their data export (GET /me/export): the position only as they gave it. */
export const ExportedReportSchema = ReportSchema.pick({
  id: true,
  category: true,
  text: true,
  regionCode: true,
  regionName: true,
  position: true,
  observedAt: true,
  status: true,
  organisationName: true,
  points: true,
  createdAt: true,
  closedAt: true,
});
export type ExportedReport = z.infer<typeof ExportedReportSchema>;

export const ReportListQuery = z.strictObject({
  status: z.enum(REPORT_STATUSES).optional(),
  category: z.enum(REPORT_CATEGORIES).optional(),
  regionCode: z.string().trim().min(2).max(20).optional().describe('Only this region and below'),
  ...PageQuery,
});
export const MyReportsQuery = z.strictObject({ ...PageQuery });
export const ReportList = page(ReportSchema);

export const RoutingRuleBody = z.strictObject({
  regionCode: z.string().trim().min(2).max(20).describe('The region the rule covers, with everything below it'),
  category: z.enum(REPORT_CATEGORIES),
  organisationId: Id.describe('The organisation responsible'),
});
export const RoutingRuleSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  category: z.enum(REPORT_CATEGORIES),
  organisationId: z.string(),
  organisationName: z.string(),
  updatedAt: z.string(),
});
export type RoutingRule = z.infer<typeof RoutingRuleSchema>;
export const RoutingRuleQuery = z.strictObject({
  regionCode: z.string().trim().min(2).max(20).optional().describe('Rules of this region and below'),
});
export const RoutingRuleList = z.object({ items: z.array(RoutingRuleSchema) });

export const ReportStatsQuery = z.strictObject({
  regionCode: z.string().trim().min(2).max(20).optional().describe('Default: the top of the caller’s scope'),
  from: StatsBound.optional().describe(
    'Only reports submitted from then (a local day, or an ISO time with offset), as GET /stats/overview reads it; ' +
      'given alone, the window ends on the next 1 January. With neither `from` nor `to`: every report',
  ),
  to: StatsBound.optional().describe(
    'Only reports submitted before then (a local day counts in whole). Given alone, the window starts on 1 January of its year',
  ),
});
export type ReportStatsQueryInput = z.infer<typeof ReportStatsQuery>;
const Counted = <K extends z.ZodType>(key: K) => z.array(z.object({ key, count: z.number().int() }));
export const ReportStatsSchema = z.object({
  regionCode: z.string().nullable().describe('The region counted (its subtree); null: every region'),
  regionName: z.string().nullable(),
  from: z.string().nullable().describe('Start of the window counted (UTC ISO, inclusive); null: every report'),
  to: z.string().nullable().describe('End of the window counted (UTC ISO, exclusive); null: every report'),
  total: z.number().int(),
  byCategory: Counted(z.enum(REPORT_CATEGORIES)),
  byStatus: Counted(z.enum(REPORT_STATUSES)),
  byRegion: z
    .array(z.object({ code: z.string(), name: z.string(), count: z.number().int() }))
    .describe('By child region of the region asked (or the scope’s top)'),
  handling: z
    .object({
      closed: z.number().int(),
      averageHours: z.number().nullable(),
      medianHours: z.number().nullable(),
    })
    .describe('From submission to handled or rejected'),
});
export type ReportStats = z.infer<typeof ReportStatsSchema>;
