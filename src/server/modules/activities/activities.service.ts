import type { Activity, CreateActivity } from '../../../common/contract/activities.js';
import { forbidden, notFound, refusal, ruleBroken } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../ids.js';
import { ADMIN_ROLES, hasRole, Policy, type Actor } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { organisationById, regionWithin } from '../organisations/index.js';
import { knownKinds } from '../qualifications/index.js';
import { siteById } from '../sites/index.js';
import { organises, requireOrganiser } from './activities.access.js';
import { presentActivity } from './activities.presenter.js';
import * as repo from './activities.repository.js';
import { emitActivityCancelled, emitActivityEvent } from './activity-events.js';
import { expandShifts } from './activities.rules.js';

/**
 * Where the activity happens: its site's place and region, or the given place in the
 * organisation's region. A site must be the organisation's own or lie in its region (or
 * below): a team holds activities at the public sites of the area it serves.
 */
export async function placeOf(
  db: Db,
  body: Pick<CreateActivity, 'siteId' | 'location'>,
  org: { id: string; region_code: string },
) {
  if (body.siteId) {
    const site = await siteById(db, body.siteId);
    if (!site) throw ruleBroken('siteId', 'no_such_site', `site "${body.siteId}" does not exist`);
    if (site.organisation_id !== org.id && !(await regionWithin(db, org.region_code, site.region_code))) {
      throw ruleBroken('siteId', 'site_outside_region', `site "${site.name}" lies outside the organisation's region`);
    }
    return { siteId: site.id, address: site.address, lat: site.lat, lng: site.lng, regionCode: site.region_code };
  }
  const loc = body.location as NonNullable<CreateActivity['location']>;
  return { siteId: null, address: loc.address, lat: loc.lat, lng: loc.lng, regionCode: org.region_code };
}

/**
 * Creates a draft activity with its shifts (weekly recurrence expanded here). Admins of the
 * organising organisation only; everything is checked before anything is written.
 */
export async function createActivity(db: Db, actor: Actor, body: CreateActivity): Promise<Activity> {
  if (!hasRole(actor, ...ADMIN_ROLES)) throw forbidden('Only organisers create activities');
  const org = await organisationById(db, body.organisationId);
  if (!org)
    throw ruleBroken('organisationId', 'no_such_organisation', `organisation "${body.organisationId}" does not exist`);
  if (!(await new Policy(db).adminsOrganisation(actor, org.id)))
    throw forbidden('You do not administer this organisation');
  if (!(await repo.fieldExists(db, body.field)))
    throw ruleBroken('field', 'unknown_field', `unknown service field "${body.field}"`);
  if (body.projectId && !(await repo.projectExists(db, body.projectId))) {
    throw ruleBroken('projectId', 'no_such_project', `project "${body.projectId}" does not exist`);
  }
  const kinds = await knownKinds(db);
  for (const [i, s] of body.shifts.entries()) {
    const unknown = s.requiredQualifications.find((k) => !kinds.has(k));
    if (unknown)
      throw ruleBroken(
        `shifts.${i}.requiredQualifications`,
        'unknown_qualification',
        `unknown qualification kind "${unknown}"`,
      );
  }
  const place = await placeOf(db, body, org);
  const planned = expandShifts(body.shifts, body.recurrence);
  const id = newId();
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await repo.insertActivity(trx, {
      id,
      organisation_id: org.id,
      project_id: body.projectId ?? null,
      title: body.title,
      field: body.field,
      description: body.description,
      site_id: place.siteId,
      region_code: place.regionCode,
      address: place.address,
      lat: place.lat,
      lng: place.lng,
      radius_m: body.radiusM,
      requires_approval: body.requiresApproval ? 1 : 0,
      risky: body.risky ? 1 : 0,
      recurrence: body.recurrence ? JSON.stringify(body.recurrence) : null,
      status: 'draft',
      created_by: actor.userId,
      created_at: now,
      published_at: null,
      cancelled_at: null,
      cancel_reason: null,
      first_start_at: planned.map((p) => p.start).reduce((a, b) => (a < b ? a : b)),
      last_end_at: planned.map((p) => p.end).reduce((a, b) => (a > b ? a : b)),
      contact_name: body.contactName ?? null,
      contact_phone: body.contactPhone ?? null,
    });
    await repo.insertShifts(
      trx,
      planned.map((p) => ({
        id: newId(),
        activity_id: id,
        start_at: p.start,
        end_at: p.end,
        capacity: p.input.capacity,
        signup_deadline: p.deadline,
        min_age: p.input.minAge ?? null,
        max_age: p.input.maxAge ?? null,
        required_qualifications: JSON.stringify([...new Set(p.input.requiredQualifications)]),
        required_skills: JSON.stringify(p.input.requiredSkills),
        break_minutes: p.input.breakMinutes,
        people_served: null,
        closed_at: null,
        reminded_at: null,
      })),
    );
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'activity.create',
      entityType: 'activity',
      entityId: id,
    });
  });
  return loadActivity(db, id);
}

/** The activity as its organisers see it, contact included: the answer to their own changes. */
export async function loadActivity(db: Db, id: string): Promise<Activity> {
  const a = await repo.activityById(db, id);
  if (!a) throw notFound('Activity');
  return presentActivity(a, await repo.shiftsOf(db, id), true);
}

/**
 * Published and cancelled activities are public; a draft only its organisers see. Whom to call
 * is shown to the organisers and to a volunteer holding a live sign-up on one of its shifts.
 */
export async function getActivity(db: Db, actor: Actor | null, id: string): Promise<Activity> {
  const a = await repo.activityById(db, id);
  if (!a) throw notFound('Activity');
  const organiser = await organises(db, actor, a.organisation_id);
  if (a.status === 'draft' && !organiser) throw notFound('Activity');
  const withContact = organiser || (!!actor && (await repo.holdsLiveSignup(db, id, actor.userId)));
  return presentActivity(a, await repo.shiftsOf(db, id), withContact);
}

/**
 * Refuses a risky activity that is not ready to be (the insurance module asks for a policy
 * covering every live shift): the rule of publishing, and of marking a published activity risky.
 */
export async function requireCoverage(db: Db, a: repo.ActivityRow, before: string): Promise<void> {
  const shifts = (await repo.shiftsOf(db, a.id)).filter((s) => s.status !== 'cancelled');
  await emitActivityEvent('beforeRisky', db, a, shifts, before);
}

/** Publishes a draft. A risky activity needs a policy (its own or its organisation's) covering every shift. */
export async function publishActivity(db: Db, actor: Actor, id: string): Promise<Activity> {
  const a = await repo.activityById(db, id);
  if (!a) throw notFound('Activity');
  await requireOrganiser(db, actor, a);
  if (a.status !== 'draft')
    throw refusal('CONFLICT', 'only_draft_publishable', `Only a draft can be published; this one is ${a.status}`);
  if (a.risky === 1) await requireCoverage(db, a, 'publishing');
  await db.transaction().execute(async (trx) => {
    await repo.updateActivity(trx, id, { status: 'published', published_at: nowIso() });
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'activity.publish',
      entityType: 'activity',
      entityId: id,
    });
  });
  return loadActivity(db, id);
}

/**
 * Cancels an activity: its shifts, every live sign-up (places freed) and a notice to each
 * volunteer, in one transaction. Shifts are locked first, so no sign-up slips in between.
 */
export async function cancelActivity(db: Db, actor: Actor, id: string, reason: string): Promise<Activity> {
  const a = await repo.activityById(db, id);
  if (!a) throw notFound('Activity');
  await requireOrganiser(db, actor, a);
  if (a.status === 'cancelled')
    throw refusal('CONFLICT', 'activity_already_cancelled', 'The activity is already cancelled');
  await db.transaction().execute(async (trx) => {
    await repo.lockShiftsOf(trx, id);
    const now = nowIso();
    const details = await emitActivityCancelled(trx, a, now, reason);
    await repo.cancelShiftsOf(trx, id);
    await repo.updateActivity(trx, id, { status: 'cancelled', cancelled_at: now, cancel_reason: reason });
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'activity.cancel',
      entityType: 'activity',
      entityId: id,
      details,
    });
  });
  return loadActivity(db, id);
}
