import type { PatchShift, Shift } from '../../../common/contract/activities.js';
import { AppError, notFound, ruleBroken } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../ids.js';
import type { Actor } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { requireOrganiser } from './activities.access.js';
import { presentShift } from './activities.presenter.js';
import * as repo from './activities.repository.js';
import { emitActivityEvent } from './activity-events.js';
import { peopleServedChanged } from '../stats/index.js';

async function organisersShift(db: Db, actor: Actor, shiftId: string) {
  const shift = await repo.shiftById(db, shiftId);
  const activity = shift ? await repo.activityById(db, shift.activity_id) : undefined;
  if (!shift || !activity) throw notFound('Shift');
  await requireOrganiser(db, actor, activity, 'Shift');
  return { shift, activity };
}

async function presentOne(db: Db, activityId: string, shiftId: string): Promise<Shift> {
  const s = (await repo.shiftsOf(db, activityId)).find((x) => x.id === shiftId);
  if (!s) throw notFound('Shift');
  return presentShift(s);
}

/**
 * Changes a shift's times, capacity or deadline. Capacity may not drop below the places
 * taken; a larger one is filled from the wait-list at once. Everyone signed up is told of
 * a change of times, in the same transaction.
 */
export async function patchShift(db: Db, actor: Actor, shiftId: string, body: PatchShift): Promise<Shift> {
  const { activity } = await organisersShift(db, actor, shiftId);
  if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED', 'This activity has been cancelled');
  await db.transaction().execute(async (trx) => {
    const s = await repo.lockShift(trx, shiftId);
    if (!s) throw notFound('Shift');
    const start = body.start ? new Date(body.start).toISOString() : s.start_at;
    const end = body.end ? new Date(body.end).toISOString() : s.end_at;
    if (end <= start) throw ruleBroken('end', 'end_before_start', 'must be after start');
    const capacity = body.capacity ?? s.capacity;
    if (capacity < s.taken)
      throw ruleBroken(
        'capacity',
        'capacity_below_taken',
        `${s.taken} places are already taken; capacity cannot go below that`,
        {
          taken: s.taken,
        },
      );
    const deadline =
      body.signupDeadline === undefined
        ? s.signup_deadline
        : body.signupDeadline && new Date(body.signupDeadline).toISOString();
    if (deadline && deadline > end)
      throw ruleBroken('signupDeadline', 'deadline_after_end', 'must not be after the shift end');
    await repo.updateShift(trx, s.id, { start_at: start, end_at: end, capacity, signup_deadline: deadline });
    const changed = { ...s, start_at: start, end_at: end, capacity, signup_deadline: deadline };
    if (start !== s.start_at || end !== s.end_at) {
      await repo.refreshActivitySpan(trx, activity.id);
      await emitActivityEvent('shiftRetimed', trx, activity, changed);
    }
    if (capacity > s.capacity) await emitActivityEvent('placesAdded', trx, activity, changed, s.taken);
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'shift.update',
      entityType: 'shift',
      entityId: s.id,
      details: { changed: Object.keys(body) },
    });
  });
  return presentOne(db, activity.id, shiftId);
}

/** Records people served (服务人次) in a session, once it has started. */
export async function recordPeopleServed(db: Db, actor: Actor, shiftId: string, count: number): Promise<Shift> {
  const { shift, activity } = await organisersShift(db, actor, shiftId);
  if (nowIso() < shift.start_at)
    throw ruleBroken(
      'count',
      'people_served_before_start',
      'people served can be recorded once the session has started',
    );
  await db.transaction().execute(async (trx) => {
    const before = await repo.lockShift(trx, shiftId);
    await repo.updateShift(trx, shiftId, { people_served: count });
    await peopleServedChanged(trx, shiftId, count - (before?.people_served ?? 0));
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'shift.people_served',
      entityType: 'shift',
      entityId: shiftId,
      details: { count },
    });
  });
  return presentOne(db, activity.id, shiftId);
}
