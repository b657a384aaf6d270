import type {
  StatsNeedsQueryInput,
  StatsNeedsResult,
  StatsOverview,
  StatsProjects,
  StatsProjectsQueryInput,
  StatsQueryInput,
  StatsToday,
  StatsTodayQueryInput,
} from '../../common/contract/stats.js';
import { api, apiUrl } from './http-client.js';

export type {
  FieldFigures,
  MonthFigures,
  RegionFigures,
  StatsOverview,
  StatsProjects,
  StatsToday,
} from '../../common/contract/stats.js';
export type StatsQuery = StatsQueryInput;
export type NeedStats = StatsNeedsResult;
/** Every filter optional: the server's defaults (this year, ten projects) fill in the rest. */
export type StatsProjectsQuery = Partial<StatsProjectsQueryInput>;
export type StatsTodayQuery = StatsTodayQueryInput;

/** The public city statistics (GET /stats/overview); omitted filters take the server's defaults. */
export const getStatsOverview = (query: StatsQuery = {}) => api.get<StatsOverview>('/stats/overview', { ...query });

/** The brand projects with the most service hours in a region subtree and window (public). */
export const getStatsProjects = (query: StatsProjectsQuery = {}) =>
  api.get<StatsProjects>('/stats/projects', { ...query });

/** Today's check-ins in a region subtree: per child region, per hour, the latest places (public). */
export const getStatsToday = (query: StatsTodayQuery = {}) => api.get<StatsToday>('/stats/today', { ...query });

/** React Query keys of statistics. */
export const statsKeys = {
  admin: (query: StatsQuery) => ['stats', 'admin', query] as const,
  portal: ['stats', 'portal'] as const,
  /** The big screen (数据大屏) of a region; `undefined` is the top of the tree. */
  screen: (regionCode: string | undefined) => ['stats', 'screen', regionCode ?? null] as const,
  screenProjects: (regionCode: string | undefined) => ['stats', 'screen', regionCode ?? null, 'projects'] as const,
  screenToday: (regionCode: string | undefined) => ['stats', 'screen', regionCode ?? null, 'today'] as const,
};

/** Where the statistics page's tables download as .xlsx, for the same query (public). */
export const statsExportUrl = (query: StatsQuery): string => apiUrl('/stats/overview.xlsx', { ...query });

/** Residents' needs in a region subtree (GET /stats/needs): for those who review its needs. */
export const getNeedStats = (query: StatsNeedsQueryInput) => api.get<NeedStats>('/stats/needs', { ...query });
