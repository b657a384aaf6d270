import type { ActivitiesTable } from '../../db/schema.js';
import { PUBLISHED_EDITABLE, type Activity, type PatchActivity } from '../../../common/contract/activities.js';
import { notFound, refusal, ruleBroken } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { organisationById } from '../organisations/index.js';
import { requireOrganiser } from './activities.access.js';
import * as repo from './activities.repository.js';
import { loadActivity, placeOf, requireCoverage } from './activities.service.js';

type Changes = Partial<ActivitiesTable>;

/** The columns a patch asks for, with the activity's place resolved from a site or an address. */
async function columnsOf(db: Db, a: repo.ActivityRow, body: PatchActivity): Promise<Changes> {
  const c: Changes = {};
  if (body.title !== undefined) c.title = body.title;
  if (body.description !== undefined) c.description = body.description;
  if (body.field !== undefined) c.field = body.field;
  if (body.projectId !== undefined) c.project_id = body.projectId;
  if (body.requiresApproval !== undefined) c.requires_approval = body.requiresApproval ? 1 : 0;
  if (body.risky !== undefined) c.risky = body.risky ? 1 : 0;
  if (body.radiusM !== undefined) c.radius_m = body.radiusM;
  if (body.contactName !== undefined) c.contact_name = body.contactName;
  if (body.contactPhone !== undefined) c.contact_phone = body.contactPhone;
  if (body.siteId !== undefined || body.location !== undefined) {
    const org = await organisationById(db, a.organisation_id);
    const place = await placeOf(db, body, { id: a.organisation_id, region_code: org?.region_code ?? a.region_code });
    Object.assign(c, {
      site_id: place.siteId,
      address: place.address,
      lat: place.lat,
      lng: place.lng,
      region_code: place.regionCode,
    });
  }
  return c;
}

/** The body field that edits a column, for naming it in a refusal. */
const FIELD_OF: Record<string, string> = {
  project_id: 'projectId',
  requires_approval: 'requiresApproval',
  radius_m: 'radiusM',
  site_id: 'siteId',
  address: 'location',
  lat: 'location',
  lng: 'location',
  region_code: 'location',
  contact_name: 'contactName',
  contact_phone: 'contactPhone',
};

/** Only what really changes: a form may send a field unchanged, and that is never a refusal. */
function realChanges(a: repo.ActivityRow, c: Changes): Changes {
  return Object.fromEntries(
    Object.entries(c).filter(([k, v]) => (a as unknown as Record<string, unknown>)[k] !== v),
  ) as Changes;
}

/**
 * Changes an activity. A draft takes every change. Once published, volunteers have signed up
 * for a place, a field (points and statistics count by it), a project and an approval rule:
 * only the title, description, radius, contact and `risky` may change, and turning `risky` on needs a
 * policy covering every shift, as publishing does. Subscribed calendars pick up a new title or
 * place by themselves: the feed compares what each event shows with the version it last served
 * and moves its SEQUENCE (modules/calendar).
 */
export async function patchActivity(db: Db, actor: Actor, id: string, body: PatchActivity): Promise<Activity> {
  const a = await repo.activityById(db, id);
  if (!a) throw notFound('Activity');
  await requireOrganiser(db, actor, a);
  if (a.status === 'cancelled')
    throw refusal('CONFLICT', 'activity_cancelled_no_change', 'A cancelled activity cannot be changed');
  if (body.field !== undefined && !(await repo.fieldExists(db, body.field))) {
    throw ruleBroken('field', 'unknown_field', `unknown service field "${body.field}"`);
  }
  if (body.projectId && !(await repo.projectExists(db, body.projectId))) {
    throw ruleBroken('projectId', 'no_such_project', `project "${body.projectId}" does not exist`);
  }
  const changes = realChanges(a, await columnsOf(db, a, body));
  const keys = Object.keys(changes);
  if (a.status !== 'draft') {
    const editable: readonly string[] = PUBLISHED_EDITABLE;
    const locked = keys.map((k) => FIELD_OF[k] ?? k).find((f) => !editable.includes(f));
    if (locked) {
      throw ruleBroken(
        locked,
        'published_locked',
        'cannot change once the activity is published, because volunteers signed up under it; ' +
          'cancel the activity and create a new one instead',
      );
    }
    if (changes.risky === 1) await requireCoverage(db, a, 'marking it risky');
  }
  if (keys.length === 0) return loadActivity(db, id);
  await db.transaction().execute(async (trx) => {
    await repo.updateActivity(trx, id, changes);
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'activity.update',
      entityType: 'activity',
      entityId: id,
      details: { changed: [...new Set(keys.map((k) => FIELD_OF[k] ?? k))], status: a.status },
    });
  });
  return loadActivity(db, id);
}
