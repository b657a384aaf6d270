import type { z } from 'zod';
import type {
  Correction,
  CorrectionBody,
  CorrectionList,
  LateEntryBody,
  ListedRecord,
  RecordList,
  RecordStatus,
  ServiceRecord,
} from '../../common/contract/records.js';
import { api, apiUrl } from './http-client.js';

export type RecordPage = z.infer<typeof RecordList>;
export type CorrectionInput = z.input<typeof CorrectionBody>;
export type LateEntryInput = z.input<typeof LateEntryBody>;
export type { Correction, ListedRecord, RecordStatus, ServiceRecord };

const id = encodeURIComponent;

/** What an organisation's records are filtered by (the list and its .xlsx export alike). */
export interface RecordFilters {
  status?: RecordStatus;
  activityId?: string;
  /** Service days, local (YYYY-MM-DD), both included. */
  from?: string;
  to?: string;
  /** A volunteer code, or the start of a name. */
  volunteer?: string;
}

export const listRecords = (
  query: RecordFilters & { volunteerId?: string; organisationId?: string; cursor?: string },
) => api.get<RecordPage>('/records', { ...query, limit: 100 });

/** Where an organisation's filtered records download as .xlsx (the session cookie authorises it). */
export const recordsExportUrl = (organisationId: string, filters: RecordFilters): string =>
  apiUrl('/records.xlsx', { organisationId, ...filters });
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
  ofOrganisation: (organisationId: string, filters: RecordFilters = {}) =>
    ['organiser', 'records', organisationId, filters] as const,
  corrections: (organisationId: string) => ['organiser', 'corrections', organisationId] as const,
};
