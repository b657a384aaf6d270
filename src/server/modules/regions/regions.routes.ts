import type { Region } from '../../../common/contract/regions.js';
import { RegionList, RegionQuery } from '../../../common/contract/regions.js';
import { errorResponses } from '../../../common/contract/common.js';
import { notFound } from '../../../common/errors.js';
import type { App } from '../../context.js';
import * as repo from './regions.repository.js';

export function regionRoutes(app: App): void {
  app.get(
    '/api/v1/regions',
    {
      schema: {
        tags: ['regions'],
        summary: 'Regions: the children of `parent`, or the top level',
        querystring: RegionQuery,
        response: { 200: RegionList, ...errorResponses },
      },
    },
    async (req) => {
      const db = app.ctx.database.db;
      const parent = req.query.parent ?? null;
      if (parent !== null && !(await repo.regionByCode(db, parent))) throw notFound('Region');
      const rows = await repo.childrenOf(db, parent);
      return {
        items: rows.map((r) => ({
          code: r.code,
          name: r.name,
          level: r.level as Region['level'],
          parentCode: r.parent_code,
          kind: r.kind,
        })),
      };
    },
  );
}
