import { describe, expect, it } from 'vitest';
import {
  ageOn,
  checkIdNumber,
  chinaToday,
  isMainlandMobile,
  maskIdNumber,
  maskPhone,
  residentIdCheckDigit,
} from './id-numbers.js';

const NOW = new Date('2026-11-29T02:00:00Z');

describe('residentIdCheckDigit (ISO 7064 MOD 11-2)', () => {
  it('matches the examples published with GB 11643-1999', () => {
    expect(residentIdCheckDigit('11010519491231002')).toBe('X');
    expect(residentIdCheckDigit('44052418800101001')).toBe('4');
  });
});

describe('checkIdNumber: resident_id', () => {
  it('accepts a valid number and derives birth date and gender', () => {
    expect(checkIdNumber('resident_id', '500103199003071239', NOW)).toEqual({
      ok: true,
      normalised: '500103199003071239',
      birthDate: '1990-03-07',
      gender: 'male',
    });
    const f = checkIdNumber('resident_id', '500106200806150023', NOW);
    expect(f).toMatchObject({ ok: true, birthDate: '2008-06-15', gender: 'female' });
  });

  it('accepts a lower-case x and normalises it to X', () => {
    expect(checkIdNumber('resident_id', ' 11010519491231002x ', NOW)).toMatchObject({
      ok: true,
      normalised: '11010519491231002X',
      gender: 'female',
    });
  });

  it('accepts 29 February in a leap year', () => {
    expect(checkIdNumber('resident_id', '510107200002294564', NOW)).toMatchObject({ ok: true });
  });

  it.each([
    ['500103199003071238', 'check digit'],
    ['500103199902301237', 'not a real date'],
    ['500103209912311232', 'future'],
    ['440524188001010014', 'before 1900'],
    ['990103199003071239', 'province'],
    ['50010319900307123', '18 characters'],
    ['50010319900307123A', '17 digits'],
  ])('refuses %s (%s)', (num, words) => {
    const r = checkIdNumber('resident_id', num, NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(words);
      expect(r.message).not.toContain(num);
    }
  });

  it('judges "future" by the China calendar day', () => {
    const first17 = '50010320261129123';
    const num = first17 + residentIdCheckDigit(first17);
    // 2026-11-28T17:00Z is already 29 November in Chongqing.
    expect(checkIdNumber('resident_id', num, new Date('2026-11-28T17:00:00Z')).ok).toBe(true);
    expect(checkIdNumber('resident_id', num, new Date('2026-11-28T15:00:00Z')).ok).toBe(false);
  });
});

describe('checkIdNumber: other documents', () => {
  it.each([
    ['passport', 'E12345678', 'E12345678'],
    ['passport', 'ab1234567', 'AB1234567'],
    ['hk_macao_permit', 'H12345678', 'H12345678'],
    ['hk_macao_permit', 'm1234567890', 'M1234567890'],
    ['taiwan_permit', '12345678', '12345678'],
    ['taiwan_permit', 'T123456789', 'T123456789'],
    ['foreign_permanent_id', 'USA110080012345', 'USA110080012345'],
    ['foreign_permanent_id', '950840199001011234', '950840199001011234'],
  ] as const)('accepts %s %s', (type, num, normalised) => {
    expect(checkIdNumber(type, num, NOW)).toEqual({ ok: true, normalised, birthDate: null, gender: null });
  });

  it.each([
    ['passport', 'E123', 'passport'],
    ['passport', 'E1234-5678', 'passport'],
    ['hk_macao_permit', 'X12345678', 'H or M'],
    ['hk_macao_permit', 'H123456789', 'H or M'],
    ['taiwan_permit', '1234567', 'Taiwan'],
    ['foreign_permanent_id', '850840199001011234', 'foreign'],
    ['foreign_permanent_id', 'US1110080012345', 'foreign'],
  ] as const)('refuses %s %s', (type, num, words) => {
    const r = checkIdNumber(type, num, NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(words);
  });

  it('refuses an empty number', () => {
    expect(checkIdNumber('passport', '   ', NOW)).toEqual({
      ok: false,
      message: 'the ID number is empty',
      problem: 'empty',
    });
  });
});

describe('masks', () => {
  it('masks an ID number of any kind to its first and last character', () => {
    expect(maskIdNumber('resident_id', '500103199003071234')).toBe('5****************4');
    expect(maskIdNumber('passport', 'E12345678')).toBe('E*******8');
    expect(maskIdNumber('passport', 'AB')).toBe('**');
  });
  it('masks a phone to 138****1234', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
  });
});

describe('phones, dates and ages', () => {
  it('accepts mainland mobiles only', () => {
    expect(isMainlandMobile('13812341234')).toBe(true);
    expect(isMainlandMobile('12812341234')).toBe(false);
    expect(isMainlandMobile('1381234123')).toBe(false);
    expect(isMainlandMobile('+8613812341234')).toBe(false);
  });
  it('counts whole years', () => {
    expect(ageOn('2008-11-29', '2026-11-29')).toBe(18);
    expect(ageOn('2008-11-30', '2026-11-29')).toBe(17);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
  });
  it('gives the China calendar day', () => {
    expect(chinaToday(new Date('2026-11-28T16:30:00Z'))).toBe('2026-11-29');
  });
});
