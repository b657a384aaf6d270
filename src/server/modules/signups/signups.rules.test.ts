import { describe, expect, it } from 'vitest';
import { AppError } from '../../../common/errors.js';
import { checkEligibility, missingQualification, windowStart } from './signups.rules.js';

const shift = {
  start_at: '2026-12-01T01:00:00.000Z',
  end_at: '2026-12-01T03:00:00.000Z',
  signup_deadline: null,
  min_age: null,
  max_age: null,
};
const volunteer = { status: 'active', birthDate: '2008-12-01', signup_suspended_until: null };
const now = '2026-11-29T00:00:00.000Z';
const codeOf = (f: () => void): string | null => {
  try {
    f();
    return null;
  } catch (e) {
    return e instanceof AppError ? e.code : 'OTHER';
  }
};

describe('checkEligibility', () => {
  it('judges age on the shift day in China: a birthday that day counts', () => {
    // 2008-12-01 turns 18 on 2026-12-01 (local); the shift starts 09:00 that day in Chongqing
    expect(codeOf(() => checkEligibility({ now, volunteer, shift: { ...shift, min_age: 18 } }))).toBeNull();
    expect(
      codeOf(() =>
        checkEligibility({
          now,
          volunteer: { ...volunteer, birthDate: '2008-12-02' },
          shift: { ...shift, min_age: 18 },
        }),
      ),
    ).toBe('AGE_NOT_ALLOWED');
    expect(
      codeOf(() =>
        checkEligibility({ now, volunteer: { ...volunteer, birthDate: null }, shift: { ...shift, max_age: 60 } }),
      ),
    ).toBe('AGE_NOT_ALLOWED');
  });

  it('closes at the deadline, by default the shift end', () => {
    expect(codeOf(() => checkEligibility({ now: shift.end_at, volunteer, shift }))).toBe('SIGNUP_CLOSED');
    expect(codeOf(() => checkEligibility({ now: '2026-12-01T02:59:59.000Z', volunteer, shift }))).toBeNull();
    expect(
      codeOf(() =>
        checkEligibility({ now, volunteer, shift: { ...shift, signup_deadline: '2026-11-28T00:00:00.000Z' } }),
      ),
    ).toBe('SIGNUP_CLOSED');
  });

  it('lets a minor still waiting for a guardian take a shift on or after their 18th birthday', () => {
    const pending = { ...volunteer, status: 'pending_guardian' };
    expect(codeOf(() => checkEligibility({ now, volunteer: pending, shift, guardianAge: 18 }))).toBeNull();
    const dayBefore = { ...shift, start_at: '2026-11-30T01:00:00.000Z', end_at: '2026-11-30T03:00:00.000Z' };
    expect(codeOf(() => checkEligibility({ now, volunteer: pending, shift: dayBefore, guardianAge: 18 }))).toBe(
      'VOLUNTEER_NOT_ACTIVE',
    );
    expect(
      codeOf(() => checkEligibility({ now, volunteer: { ...pending, status: 'suspended' }, shift, guardianAge: 18 })),
    ).toBe('VOLUNTEER_NOT_ACTIVE');
  });

  it('refuses inactive and suspended volunteers until the suspension ends', () => {
    expect(
      codeOf(() => checkEligibility({ now, volunteer: { ...volunteer, status: 'pending_guardian' }, shift })),
    ).toBe('VOLUNTEER_NOT_ACTIVE');
    const until = '2026-11-30T00:00:00.000Z';
    expect(
      codeOf(() => checkEligibility({ now, volunteer: { ...volunteer, signup_suspended_until: until }, shift })),
    ).toBe('SIGNUP_SUSPENDED');
    expect(
      codeOf(() => checkEligibility({ now: until, volunteer: { ...volunteer, signup_suspended_until: until }, shift })),
    ).toBeNull();
  });
});

describe('helpers', () => {
  it('finds the first missing qualification', () => {
    expect(missingQualification(['first_aid', 'driving'], new Set(['first_aid']))).toBe('driving');
    expect(missingQualification([], new Set())).toBeUndefined();
  });
  it('starts the no-show window whole months back', () => {
    expect(windowStart(new Date('2026-11-29T10:00:00Z'), 12)).toBe('2025-11-29T10:00:00.000Z');
  });
});
