import { z } from 'zod';
import { LOCALES, ORG_KINDS, POINT_TRANSACTION_KINDS, RECORD_SOURCES, SITE_TYPES, UNIT_STATUSES } from '../enums.js';
import { text } from './common.js';
import { RECORD_STATUSES } from './records.js';
import { VOLUNTEER_STATUSES } from './volunteers.js';

/** What GET /api/v1/exports/:kind writes. `points`: the entries of volunteers' wallets. */
export const EXPORT_KINDS = ['volunteers', 'organisations', 'sites', 'records', 'points'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const ExportParams = z.strictObject({
  kind: z
    .enum(EXPORT_KINDS)
    .describe(
      'volunteers, organisations, sites, records (service records), or points (every entry of the wallets of volunteers in scope)',
    ),
});

const LocalDay = z.iso.date();
const Id = text(64);

/**
 * The filters an export takes: those of the resource's list, where they make sense. A filter
 * that does not apply to the kind is refused (400, naming it), never silently ignored.
 */
export const ExportQuery = z
  .strictObject({
    format: z.enum(EXPORT_FORMATS).default('xlsx').describe('xlsx (default) or csv (UTF-8 with BOM, CRLF)'),
    regionCode: text(20)
      .optional()
      .describe(
        "Only what lies in this region or below it (records: where the activity took place; points: the volunteer's region). Outside the caller's scope: 403",
      ),
    organisationId: Id.optional().describe(
      'Only what lies under this organisation (volunteers: its active members; sites: those it runs; records: its activities)',
    ),
    status: text(20)
      .optional()
      .describe(
        "The status as the kind's list names it (volunteers: active, pending_guardian, suspended, closed — closed accounts, their data erased, only when asked for; records: pending, confirmed, disputed, revoked; organisations and sites: active)",
      ),
    field: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .optional()
      .describe('A service field code (volunteers, organisations, records)'),
    orgKind: z.enum(ORG_KINDS).optional().describe('organisations: department, organisation or team'),
    siteType: z.enum(SITE_TYPES).optional().describe('sites: the kind of site'),
    source: z.enum(RECORD_SOURCES).optional().describe('records: how the record came to be'),
    entryKind: z.enum(POINT_TRANSACTION_KINDS).optional().describe('points: earn, redeem, expire, adjust or reverse'),
    from: LocalDay.optional().describe(
      'First local day (YYYY-MM-DD): registration (volunteers), creation (organisations, sites), service (records), entry (points)',
    ),
    to: LocalDay.optional().describe('Last local day (YYYY-MM-DD), included'),
    full: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true')
      .describe(
        'volunteers only: ID numbers and phones in full instead of masked — system and region admins only, for their duty over the register; every such export is audited',
      ),
    lang: z.enum(LOCALES).optional().describe("Language of the headers and values (default: the caller's language)"),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be before from', path: ['to'] });
export type ExportQuery = z.infer<typeof ExportQuery>;

/** Which filters each kind takes besides format, regionCode, full and lang. */
export const EXPORT_FILTERS: Readonly<Record<ExportKind, readonly (keyof ExportQuery)[]>> = {
  volunteers: ['organisationId', 'status', 'field', 'from', 'to'],
  organisations: ['organisationId', 'status', 'field', 'orgKind', 'from', 'to'],
  sites: ['organisationId', 'status', 'siteType', 'from', 'to'],
  records: ['organisationId', 'status', 'field', 'source', 'from', 'to'],
  points: ['entryKind', 'from', 'to'],
};

/** The statuses each kind's `status` filter accepts. */
export const EXPORT_STATUSES: Readonly<Partial<Record<ExportKind, readonly string[]>>> = {
  volunteers: VOLUNTEER_STATUSES,
  organisations: UNIT_STATUSES,
  sites: UNIT_STATUSES,
  records: RECORD_STATUSES,
};
