import { errorResponses } from '../../../common/contract/common.js';
import { StatsOverview, StatsQuery } from '../../../common/contract/stats.js';
import type { App } from '../../context.js';
import * as service from './stats.service.js';

export function statsRoutes(app: App): void {
  app.get(
    '/api/v1/stats/overview',
    {
      schema: {
        tags: ['stats'],
        summary: 'City statistics: aggregates over a region subtree, a department and a window (public)',
        querystring: StatsQuery,
        response: { 200: StatsOverview, ...errorResponses },
      },
    },
    async (req) => service.overview(app.ctx.database.db, req.query),
  );
}
