import type { z } from 'zod';
import type {
  Correction,
  CorrectionBody,
  CorrectionList,
  LateEntryBody,
  RecordList,
  RecordStatus,
  ServiceRecord,
} from '../../common/contract/records.js';
import { api } from './http-client.js';

export type RecordPage = z.infer<typeof RecordList>;
export type CorrectionInput = z.input<typeof CorrectionBody>;
export type LateEntryInput = z.input<typeof LateEntryBody>;
export type { Correction, RecordStatus, ServiceRecord };

const id = encodeURIComponent;

export const listRecords = (query: {
  volunteerId?: string;
  organisationId?: string;
  status?: RecordStatus;
  cursor?: string;
}) => api.get<RecordPage>('/records', { ...query, limit: 100 });
export const confirmRecords = (ids: string[]) => api.post<{ items: ServiceRecord[] }>('/records/confirm', { ids });
export const revokeRecord = (recordId: string, reason: string) =>
  api.post<ServiceRecord>(`/records/${id(recordId)}/revoke`, { reason });
export const createLateEntry = (body: LateEntryInput) => api.post<ServiceRecord>('/records', body);
export const requestCorrection = (recordId: string, body: CorrectionInput) =>
  api.post<Correction>(`/records/${id(recordId)}/corrections`, body);
export const recordCorrections = (recordId: string) =>
  api.get<{ items: Correction[] }>(`/records/${id(recordId)}/corrections`);
export const listCorrections = (organisationId: string, status?: 'open' | 'accepted' | 'rejected') =>
  api.get<z.infer<typeof CorrectionList>>('/record-corrections', { organisationId, status, limit: 100 });
export const answerCorrection = (correctionId: string, body: { accept: boolean; answer: string }) =>
  api.post<{ correction: Correction; record: ServiceRecord | null }>(
    `/record-corrections/${id(correctionId)}/answer`,
    body,
  );

/** React Query keys of service records and their corrections. */
export const recordKeys = {
  mine: (volunteerId: string) => ['records', 'mine', volunteerId] as const,
  ofVolunteer: (volunteerId: string) => ['records', 'volunteer', volunteerId] as const,
  /** Every record list of the organiser console. */
  organiser: ['organiser', 'records'] as const,
  ofOrganisation: (organisationId: string, status?: RecordStatus) =>
    ['organiser', 'records', organisationId, status] as const,
  corrections: (organisationId: string) => ['organiser', 'corrections', organisationId] as const,
};
