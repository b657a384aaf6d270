import { describe, expect, it } from 'vitest';
import { checkIdNumber, MAINLAND_MOBILE } from '../../../common/id-numbers.js';
import { makePeople, residentIdNumber } from './demo.people.js';
import { DemoRandom } from './demo.random.js';

describe('residentIdNumber', () => {
  it('computes the GB 11643 check character', () => {
    // The example number of GB 11643-1999 itself.
    expect(residentIdNumber('110105', '1949-12-31', 2, false)).toBe('11010519491231002X');
  });

  it('encodes the gender in the 17th digit', () => {
    expect(Number(residentIdNumber('500103', '1990-01-01', 40, true)[16]) % 2).toBe(1);
    expect(Number(residentIdNumber('500103', '1990-01-01', 41, false)[16]) % 2).toBe(0);
  });
});

describe('makePeople', () => {
  const districts = [
    { code: '500103', towns: ['500103001', '500103003'] },
    { code: '500243', towns: [] },
  ];
  const people = makePeople(new DemoRandom(7), 3000, districts, new Set(['13800000001']));

  it('makes valid, distinct resident ID numbers of adults born 1950–2008', () => {
    expect(new Set(people.map((p) => p.idNumber)).size).toBe(3000);
    for (const p of people) {
      const check = checkIdNumber('resident_id', p.idNumber);
      expect(check).toMatchObject({ ok: true, birthDate: p.birthDate, gender: p.male ? 'male' : 'female' });
      expect(p.idNumber.slice(0, 6)).toBe(p.districtCode);
      expect(p.birthDate >= '1950-01-01' && p.birthDate <= '2008-12-31').toBe(true);
    }
  });

  it('makes distinct mobile numbers, never a reserved one', () => {
    expect(new Set(people.map((p) => p.phone)).size).toBe(3000);
    expect(people.every((p) => MAINLAND_MOBILE.test(p.phone) && p.phone !== '13800000001')).toBe(true);
  });

  it('places people in a town of their district, or the district itself', () => {
    expect(people.every((p) => p.regionCode.startsWith(p.districtCode))).toBe(true);
    expect(people.every((p) => /^[\u4e00-\u9fa5]{2,3}$/.test(p.name))).toBe(true);
  });

  it('is reproducible from its seed', () => {
    const again = makePeople(new DemoRandom(7), 3000, districts, new Set(['13800000001']));
    expect(again.map((p) => p.idNumber)).toEqual(people.map((p) => p.idNumber));
  });
});
