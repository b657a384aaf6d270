import { errorResponses } from '../../../common/contract/common.js';
import { DataExportSchema, EXPORT_SECTION_CAP, EXPORTS_PER_HOUR } from '../../../common/contract/data-export.js';
import { CONFIRM_PASSWORD_HEADER, ConfirmPasswordHeaders } from '../../../common/contract/tokens.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import { confirmPassword } from '../auth/index.js';
import { exportMyData } from './export.service.js';

/** GET /api/v1/me/export: a volunteer downloads everything kept about them. */
export function volunteerExportRoutes(app: App): void {
  const ctx = app.ctx;
  app.get(
    '/api/v1/me/export',
    {
      schema: {
        tags: ['volunteers'],
        summary: 'Download my data as JSON (volunteers; ID number and phone in full, never cached)',
        description:
          `Profile, memberships, sign-ups, attendance, records, points statement, redemptions, notifications ` +
          `and qualifications, at most ${EXPORT_SECTION_CAP} rows a section; ${EXPORTS_PER_HOUR} exports an ` +
          `hour per account. Each export is audited. The caller confirms the current password in the ` +
          `X-Confirm-Password header (a wrong one is a 403; five in 15 minutes, 429); API tokens are refused (403).`,
        headers: ConfirmPasswordHeaders,
        response: { 200: DataExportSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await confirmPassword(ctx, actor, req.headers[CONFIRM_PASSWORD_HEADER]);
      const { doc, filename } = await exportMyData(ctx, ctx.database.db, actor);
      return reply
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(doc);
    },
  );
}
