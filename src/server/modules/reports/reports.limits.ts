// How often one person may send reports and upload photos for them: enough for a keen
// neighbour's afternoon, too few to flood the organisations' queues or the disk. Counted before
// the body is read, so a refused request costs no upload.
import { rateLimited } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../platform/access/policy.js';

/** Reports one person may submit in an hour. */
export const REPORTS_PER_USER_HOUR = 20;
/** Photos one person may upload for reports (and answers) in an hour. */
export const REPORT_PHOTOS_PER_USER_HOUR = 60;
const HOUR_MS = 3_600_000;

/** Counts one report by the actor, or refuses it with 429. */
export async function takeReportSlot(ctx: Pick<AppContext, 'limiter'>, actor: Actor): Promise<void> {
  if (!(await ctx.limiter.take(`report:${actor.userId}`, REPORTS_PER_USER_HOUR, HOUR_MS)))
    throw rateLimited('Too many reports; try again in an hour', HOUR_MS / 1000);
}

/** Counts one photo upload by the actor, or refuses it with 429. */
export async function takeReportPhotoSlot(ctx: Pick<AppContext, 'limiter'>, actor: Actor): Promise<void> {
  if (!(await ctx.limiter.take(`report-photo:${actor.userId}`, REPORT_PHOTOS_PER_USER_HOUR, HOUR_MS)))
    throw rateLimited('Too many photos; try again in an hour', HOUR_MS / 1000);
}
