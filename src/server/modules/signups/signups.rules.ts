import { AppError } from '../../../common/errors.js';
import { ageOn, chinaToday } from '../../../common/id-numbers.js';

export interface EligibilityFacts {
  now: string;
  /**
   * `birthDate` is read from the encrypted ID number only when the shift has age limits or the
   * volunteer still waits for a guardian's consent.
   */
  volunteer: { status: string; birthDate: string | null; signup_suspended_until: string | null };
  /** Below this age a guardian's consent is needed (the `guardianAge` setting). */
  guardianAge?: number | undefined;
  shift: {
    start_at: string;
    end_at: string;
    signup_deadline: string | null;
    min_age: number | null;
    max_age: number | null;
  };
}

/**
 * The refusals that need nothing but the volunteer and the shift, each with its own code
 * and a message that says why (never personal data: an age, not a birth date).
 */
export function checkEligibility({ now, volunteer, shift, guardianAge }: EligibilityFacts): void {
  // A minor without a guardian's consent may still take a shift that starts once they are of age.
  const ofAgeBy =
    volunteer.status === 'pending_guardian' &&
    volunteer.birthDate !== null &&
    guardianAge !== undefined &&
    ageOn(volunteer.birthDate, chinaToday(new Date(shift.start_at))) >= guardianAge;
  if (volunteer.status !== 'active' && !ofAgeBy) {
    const why =
      volunteer.status === 'pending_guardian'
        ? "a guardian's consent is still pending"
        : `the status is ${volunteer.status}`;
    throw new AppError('VOLUNTEER_NOT_ACTIVE', `This volunteer cannot sign up yet: ${why}`, {
      status: volunteer.status,
    });
  }
  if (volunteer.signup_suspended_until && volunteer.signup_suspended_until > now) {
    throw new AppError(
      'SIGNUP_SUSPENDED',
      `Sign-up is suspended after repeated no-shows until ${volunteer.signup_suspended_until}`,
      { until: volunteer.signup_suspended_until },
    );
  }
  const deadline = shift.signup_deadline ?? shift.end_at;
  if (now >= deadline) {
    throw new AppError('SIGNUP_CLOSED', `Sign-up for this shift closed at ${deadline}`, { deadline });
  }
  if (shift.min_age !== null || shift.max_age !== null) {
    if (!volunteer.birthDate) {
      throw new AppError('AGE_NOT_ALLOWED', 'This shift has age limits and the volunteer has no birth date on record');
    }
    const age = ageOn(volunteer.birthDate, chinaToday(new Date(shift.start_at)));
    if (shift.min_age !== null && age < shift.min_age) {
      throw new AppError(
        'AGE_NOT_ALLOWED',
        `This shift needs volunteers aged at least ${shift.min_age}; you will be ${age}`,
        {
          minAge: shift.min_age,
        },
      );
    }
    if (shift.max_age !== null && age > shift.max_age) {
      throw new AppError(
        'AGE_NOT_ALLOWED',
        `This shift takes volunteers aged at most ${shift.max_age}; you will be ${age}`,
        {
          maxAge: shift.max_age,
        },
      );
    }
  }
}

/** The first required qualification kind the volunteer does not hold valid on the shift's day. */
export function missingQualification(required: string[], held: Set<string>): string | undefined {
  return required.find((k) => !held.has(k));
}

/** The start of the no-show window: `months` calendar months before `now`. */
export function windowStart(now: Date, months: number): string {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
}
