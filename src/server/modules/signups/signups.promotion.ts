import type { Db } from '../../db/database.js';
import { nowIso } from '../../ids.js';
import { addTaken } from '../activities/activities.repository.js';
import { notify } from '../notifications/notify.js';
import * as repo from './signups.repository.js';

/**
 * Fills free places from the wait-list, lowest arrival number first, and tells each
 * promoted volunteer. Call inside the transaction that freed the place, with the shift
 * locked, passing the `taken` value as it stands after that change.
 */
export async function fillPlaces(
  trx: Db,
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
        title: '候补转正：报名成功',
        body: `有名额空出，您已从候补转为正式报名：「${activityTitle}」${shift.start_at}。`,
        data: { shiftId: shift.id, signupId: next.id },
        dedupeKey: `waitlist_promoted:${next.id}`,
      });
    }
    promoted++;
  }
  return promoted;
}
