import { RegionList, RegionQuery, splitRegionCodes } from '../../../common/contract/regions.js';
import { errorResponses, PUBLIC } from '../../../common/contract/common.js';
import { notFound } from '../../../common/errors.js';
import type { App } from '../../context.js';
import * as repo from './regions.repository.js';

export function regionRoutes(app: App): void {
  app.get(
    '/api/v1/regions',
    {
      schema: {
        security: PUBLIC,
        tags: ['regions'],
        summary: 'Regions: the children of `parent`, the regions named in `codes`, or the top level',
        querystring: RegionQuery,
        response: { 200: RegionList, ...errorResponses },
      },
    },
    async (req) => {
      const db = app.ctx.database.db;
      const { parent, codes } = req.query;
      if (parent !== undefined && !(await repo.regionByCode(db, parent))) throw notFound('Region');
      const rows = codes
        ? await repo.regionsByCodes(db, splitRegionCodes(codes))
        : await repo.childrenOf(db, parent ?? null);
      return {
        items: rows.map((r) => ({
          code: r.code,
          name: r.name,
          level: r.level,
          parentCode: r.parent_code,
          kind: r.kind,
        })),
      };
    },
  );
}
