import { forbidden, notFound } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../ids.js';
import { decodeCursor, pageOf } from '../../pagination.js';
import type { Actor } from '../../platform/access/policy.js';
import { requireOrganiser } from '../activities/index.js';
import * as activities from '../activities/index.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import type { SignupStatus } from '../../../common/contract/signups.js';
import * as repo from './signups.repository.js';
import { windowStart } from './signups.rules.js';

/** A shift's sign-ups in arrival order (the wait-list in promotion order), for its organisers. */
export async function listShiftSignups(
  db: Db,
  actor: Actor,
  shiftId: string,
  cursor: string | undefined,
  limit: number,
) {
  const shift = await activities.shiftById(db, shiftId);
  const activity = shift ? await activities.activityById(db, shift.activity_id) : undefined;
  if (!shift || !activity) throw notFound('Shift');
  await requireOrganiser(db, actor, activity, 'Shift');
  const afterSeq = decodeCursor(cursor, { seq: 'int' })?.seq ?? 0;
  const rows = await repo.signupsOfShift(db, shiftId, afterSeq, limit);
  const p = pageOf(rows, limit, (r) => ({ seq: r.seq }));
  const settings = await getSettings(db);
  const since = windowStart(new Date(), settings.noShowWindowMonths);
  const counts = await repo.noShowCounts(db, [...new Set(p.items.map((r) => r.volunteer_id))], since);
  return {
    items: p.items.map((r) => ({
      id: r.id,
      volunteerId: r.volunteer_id,
      volunteerName: r.name,
      volunteerCode: r.volunteer_code,
      status: r.status,
      createdAt: r.created_at,
      seq: r.seq,
      noShowCount: counts.get(r.volunteer_id) ?? 0,
    })),
    nextCursor: p.nextCursor,
  };
}

/** The caller's own sign-ups, soonest shift first. */
export async function listMySignups(
  db: Db,
  actor: Actor,
  q: { status?: SignupStatus | undefined; upcoming?: string | undefined; cursor?: string | undefined; limit: number },
) {
  const v = await repo.volunteerOfUser(db, actor.userId);
  if (!v) throw forbidden('Only volunteers have sign-ups');
  const after = decodeCursor(q.cursor, { s: 'string', id: 'string' });
  const rows = await repo.signupsOfVolunteer(
    db,
    v.id,
    { status: q.status, endsAfter: q.upcoming === 'true' ? nowIso() : undefined },
    after,
    q.limit,
  );
  const p = pageOf(rows, q.limit, (r) => ({ s: r.start_at, id: r.id }));
  return {
    items: p.items.map((r) => ({
      id: r.id,
      shiftId: r.shift_id,
      activityId: r.activity_id,
      activityTitle: r.title,
      start: r.start_at,
      end: r.end_at,
      status: r.status,
    })),
    nextCursor: p.nextCursor,
  };
}
