import { AuditPage, AuditQuery } from '../../../common/contract/audit.js';
import { errorResponses } from '../../../common/contract/common.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import { readAudit } from './audit.service.js';

export function auditRoutes(app: App): void {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit log over my regions (system and region admins), newest first',
        description:
          'Role grants, organisation, site and membership changes, personal-data changes, and every read of ' +
          "another person's profile, records, points or qualifications by an admin. Details never hold personal data.",
        querystring: AuditQuery,
        response: { 200: AuditPage, ...errorResponses },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return readAudit(app.ctx.database.db, requireActor(req), req.query);
    },
  );
}
