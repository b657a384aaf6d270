import { z } from 'zod';
import { errorResponses, PUBLIC } from '../../../common/contract/common.js';
import { RegionList } from '../../../common/contract/regions.js';
import { notFound } from '../../../common/errors.js';
import type { App } from '../../context.js';
import { regionPath } from './region-path.repository.js';

const RegionCodeParams = z.strictObject({ code: z.string().min(1).max(20).describe('Region code') });

/**
 * GET /api/v1/regions/:code/path: a region with its ancestors, root first. A form that
 * edits a stored region code opens its cascading picker at the right place with it.
 */
export function regionPathRoutes(app: App): void {
  app.get(
    '/api/v1/regions/:code/path',
    {
      schema: {
        security: PUBLIC,
        tags: ['regions'],
        summary: 'A region and its ancestors, root first',
        params: RegionCodeParams,
        response: { 200: RegionList, ...errorResponses },
      },
    },
    async (req) => {
      const rows = await regionPath(app.ctx.database.db, req.params.code);
      if (rows.length === 0) throw notFound('Region');
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
