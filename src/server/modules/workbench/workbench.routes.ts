import { errorResponses } from '../../../common/contract/common.js';
import { WorkbenchAnswer } from '../../../common/contract/workbench.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import { workbenchOf } from './workbench.service.js';

/** The consoles' landing page: one person's to-dos and figures, gathered from many modules. */
export function workbenchRoutes(app: App): void {
  app.get(
    '/api/v1/me/workbench',
    {
      schema: {
        tags: ['auth'],
        summary: 'My workbench: to-dos and figures of the consoles my roles open, counted within my scopes',
        response: { 200: WorkbenchAnswer, ...errorResponses },
      },
    },
    async (req) => workbenchOf(app.ctx.database.db, requireActor(req)),
  );
}
