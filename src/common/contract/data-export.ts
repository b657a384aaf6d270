import { z } from 'zod';
import { RegisteredCertificate } from './certificates.js';
import { AttendanceSchema } from './checkin.js';
import { HonourViewSchema } from './honours.js';
import { NotificationPrefsSchema, NotificationSchema } from './notifications.js';
import { MembershipSchema } from './organisations.js';
import { PointItemSchema } from './points.js';
import { RecordSchema } from './records.js';
import { ExportedReportSchema } from './reports.js';
import { MySignupSchema, QualificationSchema } from './signups.js';
import { RedemptionSchema } from './supermarkets.js';
import { VolunteerSchema } from './volunteers.js';

/**
 * Rows per section of one export. A person's data is small (years of weekly service is a
 * few hundred rows); a section that would pass the cap is cut there and named in
 * `about.truncated`, so the answer stays bounded in memory.
 */
export const EXPORT_SECTION_CAP = 5000;

/** Exports per account per hour: each one decrypts personal data and reads everything. */
export const EXPORTS_PER_HOUR = 5;

const Position = z
  .object({ lat: z.number().nullable(), lng: z.number().nullable(), accuracyM: z.number().nullable() })
  .describe('Where the phone said it was (self check-in and check-out only)');

/**
 * GET /api/v1/me/export: everything the platform keeps about the caller as a volunteer.
 * It is the person's own data, so the ID number, phone and e-mail are in full here, and
 * only here: the answer is never logged, never cached, and each export is audited.
 */
export const DataExportSchema = z
  .object({
    about: z.object({
      format: z.literal('shanmei-export/1'),
      exportedAt: z.string().describe('ISO-8601 time of the export'),
      sectionCap: z.number().int().describe('Most rows a section holds'),
      truncated: z.array(z.string()).describe('Sections cut at the cap (normally none)'),
    }),
    volunteer: VolunteerSchema.extend({
      idNumber: z.string().describe('The ID number in full: this is the person’s own copy'),
      phone: z.string().nullable().describe('The phone in full'),
      email: z.string().nullable().describe('The contact e-mail in full'),
      birthDate: z.string().nullable().describe('YYYY-MM-DD, read from the person’s own resident ID number'),
    }),
    notificationPrefs: NotificationPrefsSchema,
    memberships: z.array(MembershipSchema.extend({ organisationName: z.string() })),
    signups: z.array(MySignupSchema),
    attendance: z.array(
      AttendanceSchema.omit({ recordId: true }).extend({ checkIn: Position, checkOut: Position.nullable() }),
    ),
    records: z.array(RecordSchema),
    points: z.object({ balance: z.number().int(), statement: z.array(PointItemSchema) }),
    redemptions: z.array(RedemptionSchema),
    notifications: z.array(NotificationSchema),
    qualifications: z.array(QualificationSchema),
    certificates: z.array(RegisteredCertificate).describe('The register of certificates issued for me, newest first'),
    honours: z.array(HonourViewSchema).describe('My honours (荣誉), latest year first, with the points each earned me'),
    reports: z
      .array(ExportedReportSchema)
      .describe('My reports (随手拍), newest first; the position only where I gave it, as I gave it'),
  })
  .describe('My data (a volunteer’s own export)');
export type DataExport = z.infer<typeof DataExportSchema>;
