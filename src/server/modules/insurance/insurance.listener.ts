import { shiftCovered } from '../../../common/insurance-cover.js';
import { refusal } from '../../../common/errors.js';
import type { ActivityListener } from '../activities/index.js';
import { policiesFor } from './insurance.repository.js';

/** A risky activity needs a policy (its own or its organisation's) covering every live shift. */
export const insuranceOnActivities: ActivityListener = {
  async beforeRisky(db, activity, liveShifts, before) {
    const days = (await policiesFor(db, activity.id, activity.organisation_id)).map((p) => ({
      startsOn: p.starts_on,
      endsOn: p.ends_on,
    }));
    const gap = liveShifts.find((s) => !shiftCovered(days, s.start_at, s.end_at));
    if (gap) {
      throw refusal(
        'INSURANCE_REQUIRED',
        'insurance_gap',
        `This activity is marked risky: add an insurance policy covering its shift of ${gap.start_at} before ${before}`,
        { shiftId: gap.id, shiftStart: gap.start_at, field: 'risky' },
      );
    }
  },
};
