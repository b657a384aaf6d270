import type { Signup } from '../../../common/contract/signups.js';
import { forbidden, notFound, refusal } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../ids.js';
import { ADMIN_ROLES, hasRole, type Actor } from '../../platform/access/policy.js';
import { organises } from '../activities/index.js';
import * as activities from '../activities/index.js';
import { setSuspendedUntil } from '../volunteers/index.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { presentSignup } from './signups.presenter.js';
import { fillPlaces, tellResult } from './signups.promotion.js';
import * as repo from './signups.repository.js';
import { windowStart } from './signups.rules.js';

/** A sign-up an organiser acts on: 403 without any admin role, 404 outside their organisations. */
async function organisersSignup(db: Db, actor: Actor, signupId: string) {
  if (!hasRole(actor, ...ADMIN_ROLES)) throw forbidden('Only organisers decide on sign-ups');
  const s = await repo.signupById(db, signupId);
  const shift = s ? await activities.shiftById(db, s.shift_id) : undefined;
  const activity = shift ? await activities.activityById(db, shift.activity_id) : undefined;
  if (!s || !shift || !activity || !(await organises(db, actor, activity.organisation_id))) throw notFound('Sign-up');
  return { shift, activity };
}

/** Approves an applied sign-up: it takes a place, or joins the wait-list when the shift is full. */
export async function approveSignup(db: Db, actor: Actor, signupId: string): Promise<Signup> {
  const { shift, activity } = await organisersSignup(db, actor, signupId);
  return db.transaction().execute(async (trx) => {
    const locked = await activities.lockShift(trx, shift.id);
    const s = await repo.signupById(trx, signupId);
    if (!locked || !s) throw notFound('Sign-up');
    if (s.status !== 'applied')
      throw refusal(
        'CONFLICT',
        'signup_not_applied',
        `Only an applied sign-up can be approved; this one is ${s.status}`,
      );
    const status = locked.taken < locked.capacity ? 'approved' : 'waitlisted';
    const patch = { status, decided_at: nowIso(), decided_by: actor.userId } satisfies Partial<repo.SignupRow>;
    await repo.updateSignup(trx, s.id, patch);
    if (status === 'approved') await activities.addTaken(trx, locked.id, 1);
    await tellResult(trx, {
      volunteerId: s.volunteer_id,
      signupId: s.id,
      activityTitle: activity.title,
      shiftStart: locked.start_at,
      status,
    });
    return presentSignup({ ...s, ...patch });
  });
}

/** Rejects a sign-up that is applied, wait-listed or approved; a freed place is passed on. */
export async function rejectSignup(
  db: Db,
  actor: Actor,
  signupId: string,
  reason: string | undefined,
): Promise<Signup> {
  const { shift, activity } = await organisersSignup(db, actor, signupId);
  return db.transaction().execute(async (trx) => {
    const locked = await activities.lockShift(trx, shift.id);
    const s = await repo.signupById(trx, signupId);
    if (!locked || !s) throw notFound('Sign-up');
    if (!repo.LIVE.includes(s.status)) {
      throw refusal('CONFLICT', 'signup_not_rejectable', `This sign-up is ${s.status} and cannot be rejected`);
    }
    const patch = {
      status: 'rejected',
      decided_at: nowIso(),
      decided_by: actor.userId,
      reason: reason ?? null,
    } satisfies Partial<repo.SignupRow>;
    await repo.updateSignup(trx, s.id, patch);
    if (s.status === 'approved') {
      await activities.addTaken(trx, locked.id, -1);
      await fillPlaces(trx, locked, locked.taken - 1, activity.title);
    }
    await tellResult(trx, {
      volunteerId: s.volunteer_id,
      signupId: s.id,
      activityTitle: activity.title,
      shiftStart: locked.start_at,
      status: 'rejected',
      reason: reason ?? null,
    });
    return presentSignup({ ...s, ...patch });
  });
}

/**
 * Marks an approved volunteer as not having come, once the shift has started. The place
 * stays counted. Reaching the no-show limit within the window suspends sign-up.
 */
export async function markNoShow(db: Db, actor: Actor, signupId: string): Promise<Signup> {
  const { shift } = await organisersSignup(db, actor, signupId);
  const settings = await getSettings(db);
  return db.transaction().execute(async (trx) => {
    // Volunteer before shift: the order sign-up takes its locks in, so the two cannot deadlock.
    const found = await repo.signupById(trx, signupId);
    if (found) await repo.lockVolunteer(trx, found.volunteer_id);
    const locked = await activities.lockShift(trx, shift.id);
    const s = await repo.signupById(trx, signupId);
    if (!locked || !s) throw notFound('Sign-up');
    const now = new Date();
    if (now.toISOString() < locked.start_at) {
      throw refusal(
        'RULE_VIOLATION',
        'no_show_before_start',
        'A no-show can be marked only after the shift has started',
      );
    }
    if (s.status !== 'approved')
      throw refusal(
        'CONFLICT',
        'signup_not_approved',
        `Only an approved sign-up can be a no-show; this one is ${s.status}`,
      );
    const patch = {
      status: 'no_show',
      decided_at: now.toISOString(),
      decided_by: actor.userId,
    } satisfies Partial<repo.SignupRow>;
    await repo.updateSignup(trx, s.id, patch);
    const since = windowStart(now, settings.noShowWindowMonths);
    const count = (await repo.noShowCounts(trx, [s.volunteer_id], since)).get(s.volunteer_id) ?? 0;
    if (count >= settings.noShowLimit) {
      const until = new Date(now.getTime() + settings.suspensionDays * 86_400_000).toISOString();
      await setSuspendedUntil(trx, s.volunteer_id, until);
      await appendAudit(trx, {
        actorUserId: actor.userId,
        action: 'volunteer.signup_suspended',
        entityType: 'volunteer',
        entityId: s.volunteer_id,
        details: { noShows: count, until },
      });
    }
    return presentSignup({ ...s, ...patch });
  });
}
