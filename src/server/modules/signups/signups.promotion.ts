import type { Transaction } from 'kysely';
import { nowIso } from '../../ids.js';
import { addTaken } from '../activities/index.js';
import { notify } from '../../platform/notify/notify.js';
import * as repo from './signups.repository.js';
import type { DB } from '../../db/schema.js';

/**
 * Fills free places from the wait-list, lowest arrival number first, and tells each
 * promoted volunteer. Call inside the transaction that freed the place, with the shift
 * locked, passing the `taken` value as it stands after that change.
 */
export async function fillPlaces(
  trx: Transaction<DB>,
  shift: { id: string; capacity: number; start_at: string },
  taken: number,
  activityTitle: string,
): Promise<number> {
  let promoted = 0;
  for (let held = taken; held < shift.capacity; held++) {
    const next = await repo.firstWaitlisted(trx, shift.id);
    if (!next) break;
    await repo.updateSignup(trx, next.id, { status: 'approved', decided_at: nowIso() });
    await addTaken(trx, shift.id, 1);
    const userId = await repo.userOfVolunteer(trx, next.volunteer_id);
    if (userId) {
      await notify(trx, {
        userId,
        kind: 'waitlist_promoted',
        params: { activityTitle, shiftStart: shift.start_at },
        data: { shiftId: shift.id, signupId: next.id },
        dedupeKey: `waitlist_promoted:${next.id}`,
      });
    }
    promoted++;
  }
  return promoted;
}

/** Tells a volunteer where their sign-up stands, once per sign-up and status. */
export async function tellResult(
  trx: Transaction<DB>,
  r: {
    volunteerId: string;
    signupId: string;
    activityTitle: string;
    shiftStart: string;
    status: 'approved' | 'applied' | 'waitlisted' | 'rejected';
    reason?: string | null;
  },
): Promise<void> {
  const userId = await repo.userOfVolunteer(trx, r.volunteerId);
  if (!userId) return;
  await notify(trx, {
    userId,
    kind: 'signup_result',
    params: { activityTitle: r.activityTitle, shiftStart: r.shiftStart, status: r.status, reason: r.reason ?? null },
    data: { signupId: r.signupId, status: r.status },
    dedupeKey: `signup_result:${r.signupId}:${r.status}`,
  });
}
