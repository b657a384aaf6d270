import type { StatsOverview, StatsQueryInput } from '../../common/contract/stats.js';
import { api } from './http-client.js';

export type { MonthFigures, RegionFigures, StatsOverview } from '../../common/contract/stats.js';
export type StatsQuery = StatsQueryInput;

/** The public city statistics (GET /stats/overview); omitted filters take the server's defaults. */
export const getStatsOverview = (query: StatsQuery = {}) => api.get<StatsOverview>('/stats/overview', { ...query });

/** React Query keys of statistics. */
export const statsKeys = {
  admin: (query: StatsQuery) => ['stats', 'admin', query] as const,
  portal: ['stats', 'portal'] as const,
};
