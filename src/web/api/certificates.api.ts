import type { z } from 'zod';
import type {
  CertificateList,
  CertificateSummary,
  CertificateVerification,
  IssueCertificate,
  IssuedCertificate,
} from '../../common/contract/certificates.js';
import { ApiError, api } from './http-client.js';

export type { CertificateSummary, CertificateVerification, IssueCertificate };
export type CertificatePage = z.infer<typeof CertificateList>;
export type Issued = z.infer<typeof IssuedCertificate>;

const id = encodeURIComponent;

export const issueCertificate = (body: IssueCertificate) => api.post<Issued>('/certificates', body);
export const listCertificates = (query: { organisationId?: string; cursor?: string }) =>
  api.get<CertificatePage>('/certificates', { ...query, limit: 50 });
export const verifyCertificate = (code: string) => api.get<CertificateVerification>(`/certificates/verify/${id(code)}`);
/** Where a certificate's PDF downloads (the session cookie authorises it). */
export const certificatePdfUrl = (code: string) => `/api/v1/certificates/${id(code)}/pdf`;

/** The organisations a refusal offers when the period's records come from several. */
export function organisationsOffered(error: unknown): { id: string; name: string }[] {
  if (!(error instanceof ApiError)) return [];
  const d = error.details as { reason?: string; organisations?: { id: string; name: string }[] } | undefined;
  return d?.reason === 'certificate_organisation_needed' ? (d.organisations ?? []) : [];
}

/** React Query keys of certificates. */
export const certificateKeys = {
  mine: (volunteerId: string) => ['certificates', 'mine', volunteerId] as const,
  issuedBy: (organisationId: string) => ['certificates', 'organisation', organisationId] as const,
  verify: (code: string) => ['certificates', 'verify', code] as const,
};
