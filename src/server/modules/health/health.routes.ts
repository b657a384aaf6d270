import { PUBLIC, baseErrorResponses } from '../../../common/contract/common.js';
import { z } from 'zod';
import { AppError } from '../../../common/errors.js';
import type { App } from '../../context.js';
import { VERSION } from '../../version.js';
import { ping } from './health.repository.js';

export function healthRoutes(app: App): void {
  app.get(
    '/api/v1/health',
    {
      schema: {
        security: PUBLIC,
        tags: ['system'],
        summary: 'Liveness and database check',
        response: {
          200: z.object({ status: z.literal('ok'), db: z.enum(['sqlite', 'postgres']), version: z.string() }),
          ...baseErrorResponses,
        },
      },
    },
    async () => {
      try {
        await ping(app.ctx.database.db);
      } catch {
        throw new AppError('UNAVAILABLE', 'The database does not answer');
      }
      return { status: 'ok' as const, db: app.ctx.database.dialect, version: VERSION };
    },
  );
}
