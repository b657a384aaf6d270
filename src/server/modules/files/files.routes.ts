import { z } from 'zod';
import { IdParams, OPTIONAL_AUTH, errorResponses } from '../../../common/contract/common.js';
import type { App } from '../../context.js';
import { openFile } from './files.service.js';

export function fileRoutes(app: App): void {
  const tags = ['files'];
  const ctx = () => ({ db: app.ctx.database.db, files: app.ctx.files });
  for (const thumbnail of [false, true]) {
    app.get(
      thumbnail ? '/api/v1/files/:id/thumbnail' : '/api/v1/files/:id',
      {
        schema: {
          // Most photos need a caller the owner's module lets see them; a published story's are public.
          security: OPTIONAL_AUTH,
          tags,
          summary: thumbnail
            ? `An uploaded photo's thumbnail (at most 320 px), for lists`
            : 'An uploaded photo, for those who may see what it belongs to (404 for anyone else)',
          params: IdParams,
          response: {
            200: z.any().describe('The image (JPEG or PNG), without its original metadata'),
            ...errorResponses,
          },
        },
      },
      async (req, reply) => {
        const file = await openFile(ctx(), req.actor, req.params.id, thumbnail);
        // Private: a shared cache must never hand one person's photo to another.
        return reply
          .type(file.contentType)
          .header('cache-control', 'private, max-age=3600')
          .header('content-disposition', 'inline')
          .send(file.stream);
      },
    );
  }
}
