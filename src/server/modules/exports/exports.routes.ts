import { z } from 'zod';
import { errorResponses } from '../../../common/contract/common.js';
import { ExportParams, ExportQuery } from '../../../common/contract/exports.js';
import { CONFIRM_PASSWORD_HEADER, ConfirmPasswordHeaders } from '../../../common/contract/tokens.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import { confirmPassword } from '../auth/index.js';
import { sendTableFile } from '../../platform/table-file.js';
import { exportTable } from './exports.service.js';
import { movedExportRoutes } from './moved.routes.js';

export function exportsRoutes(app: App): void {
  app.get(
    '/api/v1/exports/:kind',
    {
      schema: {
        tags: ['exports'],
        summary: "A kind's rows under the caller's scope and the list's filters, as .xlsx or .csv (admins; audited)",
        description:
          "Streamed in batches; headers and values in `lang` (default: the caller's language, else Chinese); times " +
          "in the platform's time zone. ID numbers and phones masked; `full=true` (volunteers; system and region " +
          'admins) gives them in full. Department and team admins export the organisations, sites and records of ' +
          'their organisations. A filter that does not apply to the kind is refused (400). With `full=true` the ' +
          'caller confirms the current password in the X-Confirm-Password header (a wrong one is a 403; five in ' +
          '15 minutes, 429); API tokens are refused it (403).',
        params: ExportParams,
        querystring: ExportQuery,
        headers: ConfirmPasswordHeaders,
        response: { 200: z.any().describe('The .xlsx or .csv file'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      // Only the HTTP door asks: the CLI's `shanmei export` is run by whoever holds the server.
      const confirmFull = () => confirmPassword(app.ctx, actor, req.headers[CONFIRM_PASSWORD_HEADER]);
      return sendTableFile(reply, await exportTable(app.ctx, actor, req.params.kind, req.query, { confirmFull }));
    },
  );
  movedExportRoutes(app);
}
