import { residentIdCheckDigit } from '../../../common/id-numbers.js';
import type { DemoRandom } from './demo.random.js';

/**
 * Synthetic people for the demo: Chinese names, 居民身份证 numbers of valid format and
 * mobile numbers. Nobody here is real; the numbers only have the right shape.
 */

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文斌玉梅辉鑫宇浩然欣怡子涵梓轩雨萱思远佳琪俊杰晓燕红梅志强海燕春兰德华永庆成渝嘉陵巴山蜀川',
];

/** A 居民身份证 number: region code, birth date, a sequence whose parity is the gender, check. */
export function residentIdNumber(regionCode: string, birth: string, sequence: number, male: boolean): string {
  // The 17th digit is odd for men and even for women.
  const seq = sequence - (sequence % 2) + (male ? 1 : 0);
  const first17 = `${regionCode}${birth.replaceAll('-', '')}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckDigit(first17);
}

const DAY = 86_400_000;

/**
 * A birth date (YYYY-MM-DD) from 1950-01-01 up to 2008-12-31, but never younger than 18
 * today: minors need a guardian's consent, which synthetic people cannot give.
 */
export function birthDate(rnd: DemoRandom, today = new Date()): string {
  const from = Date.UTC(1950, 0, 1);
  const adult = Date.UTC(today.getUTCFullYear() - 18, today.getUTCMonth(), today.getUTCDate());
  const to = Math.min(Date.UTC(2008, 11, 31), adult);
  return new Date(from + rnd.int(Math.floor((to - from) / DAY) + 1) * DAY).toISOString().slice(0, 10);
}

export function chineseName(rnd: DemoRandom): string {
  const given = rnd.next() < 0.35 ? rnd.pick(GIVEN) : rnd.pick(GIVEN) + rnd.pick(GIVEN);
  return rnd.pick(SURNAMES) + given;
}

/** A mobile number 1[3-9]xxxxxxxxx that is not in `taken`; adds it there. */
export function mobileNumber(rnd: DemoRandom, taken: Set<string>): string {
  for (;;) {
    let n = `1${3 + rnd.int(7)}`;
    for (let i = 0; i < 9; i++) n += String(rnd.int(10));
    if (!taken.has(n)) {
      taken.add(n);
      return n;
    }
  }
}

export interface DemoPerson {
  name: string;
  idNumber: string;
  birthDate: string;
  male: boolean;
  phone: string;
  /** Where the person lives: a town or street of `districtCode`. */
  regionCode: string;
  districtCode: string;
}

/**
 * `count` distinct people spread over the given districts (each with its towns). Each ID
 * number starts with the code of the district the person lives in.
 */
export function makePeople(
  rnd: DemoRandom,
  count: number,
  districts: { code: string; towns: string[] }[],
  phonesTaken: Set<string>,
): DemoPerson[] {
  const ids = new Set<string>();
  const people: DemoPerson[] = [];
  while (people.length < count) {
    const district = rnd.pick(districts);
    const male = rnd.next() < 0.5;
    const birth = birthDate(rnd);
    const idNumber = residentIdNumber(district.code, birth, rnd.int(1000), male);
    if (ids.has(idNumber)) continue;
    ids.add(idNumber);
    people.push({
      name: chineseName(rnd),
      idNumber,
      birthDate: birth,
      male,
      phone: mobileNumber(rnd, phonesTaken),
      regionCode: district.towns.length ? rnd.pick(district.towns) : district.code,
      districtCode: district.code,
    });
  }
  return people;
}
