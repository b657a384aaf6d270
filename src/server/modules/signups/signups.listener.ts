import type { ActivityListener } from '../activities/index.js';
import { notify } from '../../platform/notify/notify.js';
import { fillPlaces } from './signups.promotion.js';
import * as repo from './signups.repository.js';

/** What sign-ups do when their activity changes: move with a shift, fill new places, end with the activity. */
export const signupsOnActivities: ActivityListener = {
  async shiftRetimed(trx, activity, shift) {
    await repo.retimeSignups(trx, shift.id, shift.start_at, shift.end_at);
    for (const su of await repo.liveSignupsOfShift(trx, shift.id)) {
      await notify(trx, {
        userId: su.user_id,
        kind: 'shift_changed',
        params: {
          activityTitle: activity.title,
          shiftStart: shift.start_at,
          shiftEnd: shift.end_at,
          address: activity.address,
        },
        data: { activityId: activity.id, shiftId: shift.id, signupId: su.id },
      });
    }
  },

  async placesAdded(trx, activity, shift, taken) {
    await fillPlaces(trx, shift, taken, activity.title);
  },

  /** Every live sign-up is cancelled (places freed with the shifts) and its volunteer told. */
  async activityCancelled(trx, activity, at, reason) {
    const live = await repo.liveSignupsOfActivity(trx, activity.id);
    await repo.cancelLiveOfActivity(trx, activity.id, at, 'activity_cancelled');
    for (const s of live) {
      await notify(trx, {
        userId: s.user_id,
        kind: 'activity_cancelled',
        params: { activityTitle: activity.title, shiftStart: s.start_at, reason },
        data: { activityId: activity.id, shiftId: s.shift_id, signupId: s.id },
        dedupeKey: `activity_cancelled:${s.id}`,
      });
    }
    return { signupsCancelled: live.length };
  },
};
