import { z } from 'zod';
import { ID_TYPES } from '../enums.js';
import { PageQuery, page } from './common.js';

const LocalDay = z.iso.date();
const fromBeforeTo = (q: { from: string; to: string }) => q.from <= q.to;

export const IssueCertificateBody = z
  .strictObject({
    volunteerId: z.string().min(1).max(64).describe('The volunteer: oneself, or one who served with the organiser'),
    from: LocalDay.describe('First service day, local (YYYY-MM-DD)'),
    to: LocalDay.describe('Last service day, local (YYYY-MM-DD), included'),
    organisationId: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe('The issuing organisation, needed only when the period has records of several'),
  })
  .refine(fromBeforeTo, { message: 'must not be before from', path: ['to'] });
export type IssueCertificate = z.infer<typeof IssueCertificateBody>;

export const CertificateCodeParams = z.strictObject({
  code: z.string().min(1).max(64).describe('Verification code'),
});

export const IssuedCertificate = z.object({
  code: z.string().describe('Verification code, printed as text and QR code'),
  serial: z.string(),
  url: z.string().describe('Where the PDF is downloaded'),
  verifyUrl: z.string().describe('The public verification page the QR code points to'),
});

export const CertificateListQuery = z.strictObject({
  organisationId: z.string().min(1).max(64).optional().describe("An organisation's issued certificates (organisers)"),
  ...PageQuery,
});

export const CertificateSummary = z.object({
  code: z.string(),
  serial: z.string(),
  volunteerId: z.string(),
  volunteerName: z.string(),
  volunteerCode: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  from: z.string(),
  to: z.string(),
  totalHours: z.number(),
  issuedOn: z.string(),
  issuerName: z.string(),
});
export type CertificateSummary = z.infer<typeof CertificateSummary>;
export const CertificateList = page(CertificateSummary);

/** One entry of the register of certificates issued for a volunteer, in their own data export. */
export const RegisteredCertificate = z
  .object({
    serial: z.string(),
    code: z.string().describe('Verification code, as printed'),
    organisationName: z.string().describe('The issuing organisation'),
    from: z.string().describe('First service day of the period (YYYY-MM-DD)'),
    to: z.string().describe('Last service day of the period (YYYY-MM-DD)'),
    totalHours: z.number(),
    issuedOn: z.string().describe('The date printed on it (local, YYYY-MM-DD)'),
    issuedAt: z.string().describe('ISO-8601 time of the issue'),
    status: z.enum(['ok', 'revoked']).describe('`revoked`: a record on it was revoked after issue'),
    revokedRecords: z.number().int().min(0),
  })
  .describe('A certificate issued for the volunteer, as the register keeps it');
export type RegisteredCertificate = z.infer<typeof RegisteredCertificate>;

export const CertifiedRecord = z.object({
  date: z.string(),
  activity: z.string(),
  content: z.string(),
  hours: z.number(),
  revoked: z.boolean().describe('Revoked after the certificate was issued'),
});

export const CertificateVerification = z
  .object({
    code: z.string(),
    serial: z.string(),
    issuedOn: z.string(),
    volunteerName: z.string(),
    idType: z.enum(ID_TYPES),
    idNumberMasked: z.string(),
    volunteerCode: z.string(),
    organisationName: z.string(),
    responsibleName: z.string().nullable(),
    issuerName: z.string(),
    from: z.string(),
    to: z.string(),
    records: z.array(CertifiedRecord),
    totalHours: z.number(),
    revokedRecords: z.number().int().describe('How many records on it were revoked after issue (0: all stand)'),
  })
  .describe('What the certificate shows, and whether its records still stand');
export type CertificateVerification = z.infer<typeof CertificateVerification>;
