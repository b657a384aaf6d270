import { describe, expect, it } from 'vitest';
import { isVolunteerCode, luhnCheckDigit, newVolunteerCode } from './volunteer-code.js';

describe('volunteer codes', () => {
  it('computes the Luhn check digit', () => {
    // The textbook example: 7992739871 has check digit 3.
    expect(luhnCheckDigit('7992739871')).toBe('3');
    expect(luhnCheckDigit('0000000000')).toBe('0');
  });

  it('makes V + 11 digits with a valid check digit, differently each time', () => {
    const codes = new Set(Array.from({ length: 200 }, newVolunteerCode));
    expect(codes.size).toBe(200);
    for (const c of codes) {
      expect(c).toMatch(/^V\d{11}$/);
      expect(isVolunteerCode(c)).toBe(true);
    }
  });

  it('catches a mistyped digit and a swap of neighbours', () => {
    const code = 'V79927398713';
    expect(isVolunteerCode(code)).toBe(true);
    expect(isVolunteerCode('V79927398718')).toBe(false);
    expect(isVolunteerCode('V97927398713')).toBe(false);
    expect(isVolunteerCode('v79927398713')).toBe(false);
    expect(isVolunteerCode('V7992739871')).toBe(false);
  });
});
