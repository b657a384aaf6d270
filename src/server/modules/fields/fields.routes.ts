import { errorResponses, PUBLIC } from '../../../common/contract/common.js';
import { ServiceFieldList } from '../../../common/contract/fields.js';
import type { App } from '../../context.js';
import { listFields } from './fields.repository.js';

export function fieldRoutes(app: App): void {
  app.get(
    '/api/v1/fields',
    {
      schema: {
        security: PUBLIC,
        tags: ['regions'],
        summary: 'Service fields (服务领域): data, extendable by the city',
        response: { 200: ServiceFieldList, ...errorResponses },
      },
    },
    async () => ({
      items: (await listFields(app.ctx.database.db)).map((f) => ({
        code: f.code,
        nameZh: f.name_zh,
        nameEn: f.name_en,
      })),
    }),
  );
}
