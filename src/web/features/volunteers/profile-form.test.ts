import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/http-client.js';
import { changeOf, serverErrors, validateProfile, type ProfileState } from './profile-form.js';

/** Answers the key it is asked for, so a test sees which sentence the form chose. */
const t = ((key: string) => key) as unknown as TFunction;

const state = (over: Partial<ProfileState> = {}): ProfileState => ({
  phone: '',
  currentPassword: '',
  verificationCode: '',
  regionPath: ['500000', '500106'],
  skills: ['急救'],
  fields: ['ecology'],
  availability: [
    { day: 6, from: '14:00', to: '17:00' },
    { day: 2, from: '09:00', to: '11:00' },
  ],
  ...over,
});

describe('the profile form', () => {
  it('sends the deepest region, the slots in week order, and the phone only when one was typed', () => {
    expect(changeOf(state())).toEqual({
      regionCode: '500106',
      skills: ['急救'],
      fields: ['ecology'],
      availability: [
        { day: 2, from: '09:00', to: '11:00' },
        { day: 6, from: '14:00', to: '17:00' },
      ],
    });
    expect(changeOf(state({ phone: ' 13912345678 ', currentPassword: 'pw-123456' }))).toMatchObject({
      phone: '13912345678',
      currentPassword: 'pw-123456',
    });
  });

  it('asks for the current password and the SMS code with a new phone, and only then', () => {
    expect(validateProfile(changeOf(state({ phone: '13912345678' })), t)).toEqual({
      currentPassword: 'profile.currentPasswordRequired',
      verificationCode: 'validation.format.verificationCode',
    });
    const ready = state({ phone: '13912345678', currentPassword: 'pw-123456', verificationCode: '123456' });
    expect(validateProfile(changeOf(ready), t)).toEqual({});
    expect(changeOf(ready)).toMatchObject({ verificationCode: '123456' });
    const wrong = new ApiError(422, 'WRONG_PASSWORD', 'currentPassword: wrong', { field: 'body.currentPassword' });
    expect(serverErrors(wrong, t)).toEqual({ currentPassword: 'profile.server.WRONG_PASSWORD.currentPassword' });
    const code = new ApiError(422, 'VERIFICATION_FAILED', 'verificationCode: wrong', {
      field: 'body.verificationCode',
    });
    expect(serverErrors(code, t)).toEqual({ verificationCode: 'profile.server.VERIFICATION_FAILED.verificationCode' });
  });

  it("refuses what the server's schema refuses, beside the field or the slot", () => {
    expect(validateProfile(changeOf(state()), t)).toEqual({});
    const bad = state({
      phone: '12345',
      regionPath: [],
      availability: [
        { day: 1, from: '09:00', to: '10:00' },
        { day: 3, from: '18:00', to: '08:00' },
      ],
    });
    const errors = validateProfile(changeOf(bad), t);
    expect(errors.phone).toBe('validation.format.phone');
    expect(errors.regionCode).toBe('profile.server.RULE_VIOLATION.regionCode');
    expect(errors['availability.0']).toBeUndefined();
    expect(errors['availability.1']).toBe('profile.availability.endAfterStart');
  });

  it('puts a server refusal beside the field it names, or above the form when it names none it shows', () => {
    const taken = new ApiError(409, 'DUPLICATE', 'phone: already registered', { field: 'body.phone' });
    expect(serverErrors(taken, t)).toEqual({ phone: 'profile.server.DUPLICATE.phone' });
    const slot = new ApiError(400, 'VALIDATION_ERROR', 'to: must end after it starts', {
      field: 'body.availability.2.to',
    });
    expect(serverErrors(slot, t)).toEqual({ 'availability.2': 'profile.server.VALIDATION_ERROR.availability' });
    const other = new ApiError(403, 'FORBIDDEN', 'Only the volunteer can change their own profile');
    expect(Object.keys(serverErrors(other, t))).toEqual(['form']);
    expect(serverErrors(new Error('boom'), t)).toEqual({ form: 'errors.UNKNOWN' });
  });
});
