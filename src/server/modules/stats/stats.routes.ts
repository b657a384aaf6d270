import { errorResponses, PUBLIC } from '../../../common/contract/common.js';
import {
  StatsOverview,
  StatsProjects,
  StatsProjectsQuery,
  StatsQuery,
  StatsToday,
  StatsTodayQuery,
} from '../../../common/contract/stats.js';
import type { App } from '../../context.js';
import * as service from './stats.service.js';

export function statsRoutes(app: App): void {
  app.get(
    '/api/v1/stats/overview',
    {
      schema: {
        security: PUBLIC,
        tags: ['stats'],
        summary: 'City statistics: aggregates over a region subtree, a department and a window (public)',
        querystring: StatsQuery,
        response: { 200: StatsOverview, ...errorResponses },
      },
    },
    async (req) => service.overview(app.ctx.database.db, req.query),
  );
  app.get(
    '/api/v1/stats/projects',
    {
      schema: {
        security: PUBLIC,
        tags: ['stats'],
        summary: 'The brand projects with the most service hours in a region subtree and window (public)',
        querystring: StatsProjectsQuery,
        response: { 200: StatsProjects, ...errorResponses },
      },
    },
    async (req) => service.projects(app.ctx.database.db, req.query),
  );
  app.get(
    '/api/v1/stats/today',
    {
      schema: {
        security: PUBLIC,
        tags: ['stats'],
        summary: "Today's check-ins in a region subtree: per child region, per hour, the latest places (public)",
        querystring: StatsTodayQuery,
        response: { 200: StatsToday, ...errorResponses },
      },
    },
    async (req) => service.today(app.ctx.database.db, req.query),
  );
}
