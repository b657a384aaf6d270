import type { z } from 'zod';
import type { StoredFile } from '../../common/contract/files.js';
import type {
  AnswerReportBody,
  CreateReportBody,
  Report,
  ReportList,
  ReportListQuery,
  ReportStats,
  RoutingRule,
  RoutingRuleBody,
  RoutingRuleList,
} from '../../common/contract/reports.js';
import { api, apiUrl, uploadForm } from './http-client.js';

export type ReportInput = z.input<typeof CreateReportBody>;
export type ReportAnswer = z.input<typeof AnswerReportBody>;
export type ReportQuery = Partial<Omit<z.input<typeof ReportListQuery>, 'cursor' | 'limit'>>;
export type ReportPage = z.infer<typeof ReportList>;
export type RoutingRuleInput = z.input<typeof RoutingRuleBody>;
export type { Report, ReportStats, RoutingRule };

const one = (id: string, step = '') => `/reports/${encodeURIComponent(id)}${step}`;

/** Uploads one photo (kept without its metadata) to attach to a report or an answer by its id. */
export const uploadReportPhoto = (file: File) => {
  const form = new FormData();
  form.append('photo', file);
  return uploadForm<StoredFile>('/reports/photos', form);
};
export const submitReport = (body: ReportInput) => api.post<Report>('/reports', body);
export const myReports = (cursor?: string, limit = 20) => api.get<ReportPage>('/reports/mine', { cursor, limit });
export const listReports = (query: ReportQuery, cursor?: string, limit = 20) =>
  api.get<ReportPage>('/reports', { ...query, cursor, limit });
export const getReport = (id: string) => api.get<Report>(one(id));
export const routeReport = (id: string, organisationId: string) =>
  api.post<Report>(one(id, '/route'), { organisationId });
export const answerReport = (id: string, body: ReportAnswer) => api.post<Report>(one(id, '/answer'), body);
/** Which reports are counted: a region's subtree, submitted in a window (both optional). */
export interface ReportStatsFilter {
  regionCode?: string;
  from?: string;
  to?: string;
}
/** Counted in the caller's scope (`scoped`, the console) or in public aggregates (`public`). */
export type ReportStatsSource = 'scoped' | 'public';
const statsPath = (source: ReportStatsSource) => (source === 'public' ? '/reports/stats/public' : '/reports/stats');
export const reportStats = (source: ReportStatsSource, f: ReportStatsFilter = {}) =>
  api.get<ReportStats>(statsPath(source), { ...f });
/** Where the same figures download as .xlsx. */
export const reportStatsXlsxUrl = (source: ReportStatsSource, f: ReportStatsFilter = {}) =>
  apiUrl(`${statsPath(source)}.xlsx`, { ...f });
export const routingRules = (regionCode?: string) =>
  api.get<z.infer<typeof RoutingRuleList>>('/reports/routes', { regionCode });
export const setRoutingRule = (body: RoutingRuleInput) => api.put<RoutingRule>('/reports/routes', body);
export const deleteRoutingRule = (id: string) => api.del<null>(`/reports/routes/${encodeURIComponent(id)}`);

/** React Query keys of reports; `all` invalidates every list, report and rule. */
export const reportKeys = {
  all: ['reports'] as const,
  mine: ['reports', 'mine'] as const,
  list: (query: ReportQuery) => ['reports', 'list', query] as const,
  one: (id: string) => ['reports', 'one', id] as const,
  stats: (source: ReportStatsSource, f: ReportStatsFilter = {}) => ['reports', 'stats', source, f] as const,
  rules: ['reports', 'rules'] as const,
};
