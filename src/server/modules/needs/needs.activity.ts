// A need turned into an activity with one shift: created through the activities module (its
// organiser checks, fields and places), then the need is dispatched with it.
import type { Need, NeedActivity } from '../../../common/contract/needs.js';
import { forbidden } from '../../../common/errors.js';
import type { Actor } from '../../platform/access/policy.js';
import { createActivity } from '../activities/index.js';
import { dispatchNeed, wrongStatus } from './needs.service.js';
import { loadFor, type Ctx } from './needs.view.js';

export async function needToActivity(ctx: Ctx, actor: Actor, id: string, b: NeedActivity): Promise<Need> {
  const { n, s } = await loadFor(ctx, actor, id);
  if (!s.reviewer) throw forbidden('Only those who review the need turn it into an activity');
  if (n.status !== 'accepted' && n.status !== 'dispatched' && n.status !== 'taken') throw wrongStatus(n.status);
  const activity = await createActivity(ctx.db, actor, {
    organisationId: b.organisationId,
    title: b.title,
    field: b.field,
    description: b.description,
    ...(b.siteId !== undefined ? { siteId: b.siteId } : {}),
    ...(b.location !== undefined ? { location: b.location } : {}),
    radiusM: b.radiusM,
    requiresApproval: b.requiresApproval,
    risky: false,
    shifts: [b.shift],
  });
  return dispatchNeed(ctx, actor, id, { activityId: activity.id });
}
