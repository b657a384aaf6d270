import { errorResponses, IdParams } from '../../../common/contract/common.js';
import { GuardianConsentBody, GuardianSchema } from '../../../common/contract/guardians.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import { consentForMe, guardianOfVolunteer } from './guardians.service.js';

/** A minor's guardian and their consent (PIPL art. 31). */
export function guardianRoutes(app: App): void {
  const ctx = app.ctx;
  const tags = ['volunteers'];

  app.put(
    '/api/v1/me/guardian',
    {
      schema: {
        tags,
        summary: "A minor gives their guardian's consent, proved by the code sent to the guardian's phone",
        description:
          'Ask for the code with POST /verification-codes {phone: the guardian’s, purpose: "guardian_consent"}. ' +
          'A volunteer pending a guardian becomes active; a new consent replaces the one before. 422 ' +
          'GUARDIAN_NOT_NEEDED for volunteers of age.',
        body: GuardianConsentBody,
        response: { 200: GuardianSchema, ...errorResponses },
      },
    },
    async (req) => consentForMe(ctx, requireActor(req), req.body),
  );

  app.get(
    '/api/v1/volunteers/:id/guardian',
    {
      schema: {
        tags,
        summary: "A volunteer's guardian: for the volunteer and for admins with a duty over their region (audited)",
        params: IdParams,
        response: { 200: GuardianSchema, ...errorResponses },
      },
    },
    async (req) => guardianOfVolunteer(ctx.database.db, requireActor(req), req.params.id),
  );
}
