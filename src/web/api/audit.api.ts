import type { z } from 'zod';
import type { AuditPage, AuditQuery } from '../../common/contract/audit.js';
import { api } from './http-client.js';

export type AuditFilters = Partial<Omit<z.input<typeof AuditQuery>, 'cursor' | 'limit'>>;
export type AuditPageT = z.infer<typeof AuditPage>;
export type AuditEntry = AuditPageT['items'][number];

/** The audit log over my regions, newest first, a page at a time. */
export const readAudit = (filters: AuditFilters, cursor?: string, limit = 50) =>
  api.get<AuditPageT>('/audit', { ...filters, cursor, limit });

/** React Query keys of the audit log. */
export const auditKeys = {
  list: (filters: AuditFilters) => ['audit', filters] as const,
};
