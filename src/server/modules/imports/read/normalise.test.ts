import { describe, expect, it } from 'vitest';
import { checkIdNumber, residentIdCheckDigit } from '../../../../common/id-numbers.js';
import { cleanText, idNumberText, listValue } from './normalise.js';
import { dateValue, hoursValue, serialDate } from './normalise-time.js';
import type { Cell } from './sheet-row.js';

const FIRST17 = '50010319900307123';
const VALID_ID = FIRST17 + residentIdCheckDigit(FIRST17);
/** A fixed "now" for checkIdNumber: tests do not depend on the day they run. */
const NOW = new Date(Date.UTC(2026, 0, 1));
const full = (s: string): string => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('cleanText', () => {
  it.each<[Cell | string, string]>([
    ['  张三  ', '张三'],
    ['\u3000张\u3000\u3000三\t', '张 三'],
    ['ＡＢＣ１２３', 'ABC123'],
    ['a\r\n b', 'a b'],
    // A NUL or another control character (PostgreSQL's text refuses NUL) is dropped.
    ['张\u0000三\u001b', '张三'],
    [{ text: '2', number: 2 }, '2'],
  ])('%j → %j', (cell, value) => {
    expect(cleanText(cell)).toEqual({ ok: true, value });
  });
  it.each(['', '   ', '\u3000\t', '\u0000'])('refuses blank %j', (text) => {
    expect(cleanText(text)).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('idNumberText', () => {
  it.each<[Cell | string, string]>([
    [VALID_ID, VALID_ID],
    [full(VALID_ID), VALID_ID],
    [` ${VALID_ID.slice(0, 6)} ${VALID_ID.slice(6, 14)}\u3000${VALID_ID.slice(14)} `, VALID_ID],
    ['11010119900307123x', '11010119900307123X'],
    ['１１０１０１１９９００３０７１２３ｘ', '11010119900307123X'],
    [`'${VALID_ID}`, VALID_ID],
    [`="${VALID_ID}"`, VALID_ID],
    ['E12345678', 'E12345678'],
    [{ text: '12345678', number: 12345678 }, '12345678'],
  ])('%j → %j', (cell, value) => {
    expect(idNumberText(cell)).toEqual({ ok: true, value });
  });

  it('gives a number checkIdNumber accepts', () => {
    const r = idNumberText(full(VALID_ID));
    expect(r.ok && checkIdNumber('resident_id', r.value, NOW).ok).toBe(true);
  });

  it.each<[string, Cell | string]>([
    ['an 18-digit numeric cell', { text: '500103199003071000', number: 500103199003071000 }],
    ['a 15-digit numeric cell', { text: '500103900307123', number: 500103900307123 }],
    ['the brief’s example', { text: '123456789012345680', number: 123456789012345680 }],
    ['scientific notation', '1.23457E+17'],
    ['scientific notation, lower case', '5.00103e+17'],
    ['full-width scientific notation', '５．００１０３Ｅ＋１７'],
  ])('refuses %s as id_as_number', (_name, cell) => {
    expect(idNumberText(cell)).toEqual({ ok: false, reason: 'id_as_number' });
  });

  it.each(['', ' \u3000 ', "'"])('refuses blank %j', (text) => {
    expect(idNumberText(text)).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('dateValue', () => {
  it.each<[Cell | string, string]>([
    [{ text: '2024-03-06', date: '2024-03-06' }, '2024-03-06'],
    // Serial numbers checked against Excel: =DATE(y,m,d) formatted as a number.
    [{ text: '1', number: 1 }, '1900-01-01'],
    [{ text: '59', number: 59 }, '1900-02-28'],
    [{ text: '61', number: 61 }, '1900-03-01'],
    [{ text: '25569', number: 25569 }, '1970-01-01'],
    [{ text: '44562', number: 44562 }, '2022-01-01'],
    [{ text: '45292', number: 45292 }, '2024-01-01'],
    [{ text: '45351', number: 45351 }, '2024-02-29'],
    [{ text: '45356', number: 45356 }, '2024-03-05'],
    [{ text: '45356.75', number: 45356.75 }, '2024-03-05'],
    ['45357', '2024-03-06'],
    [{ text: '2958465', number: 2958465 }, '9999-12-31'],
    [{ text: '20260305', number: 20260305 }, '2026-03-05'],
    ['2026-03-05', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026.3.5', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    ['２０２６年３月５日', '2026-03-05'],
    ['2026年03月05', '2026-03-05'],
    ['20260305', '2026-03-05'],
    ['2024-02-29', '2024-02-29'],
    ['2026-03-05 14:30', '2026-03-05'],
    ['2026/3/5 8:05:09', '2026-03-05'],
    ['2026-03-05T23:30:00Z', '2026-03-05'],
    ['2026-03-05T01:00:00+08:00', '2026-03-05'],
    ['2026年3月5日 14时30分', '2026-03-05'],
    [' 2026-03-05 ', '2026-03-05'],
  ])('%j → %s', (cell, value) => {
    expect(dateValue(cell)).toEqual({ ok: true, value });
  });

  it.each<[Cell | string]>([
    ['2026-02-30'],
    ['2025-02-29'],
    ['2026-13-01'],
    ['2026-00-10'],
    ['2026-3/5'],
    ['3/5/2026'],
    ['2026-03-05 garbage'],
    ['yesterday'],
    ['0'],
    [{ text: '60', number: 60 }],
    [{ text: '0', number: 0 }],
    [{ text: '-5', number: -5 }],
    [{ text: '2958466', number: 2958466 }],
    ['20261305'],
  ])('refuses %j as bad_date', (cell) => {
    expect(dateValue(cell)).toEqual({ ok: false, reason: 'bad_date' });
  });

  it('refuses blank as empty', () => {
    expect(dateValue(' ')).toEqual({ ok: false, reason: 'empty' });
  });

  it('counts serials the way Excel does around its 1900 leap-year bug', () => {
    expect([58, 59, 60, 61].map(serialDate)).toEqual(['1900-02-27', '1900-02-28', null, '1900-03-01']);
  });
});

describe('hoursValue', () => {
  it.each<[Cell | string, number]>([
    ['2', 120],
    ['1.5', 90],
    ['１．５', 90],
    ['0.25', 15],
    ['0.01', 1],
    ['2小时', 120],
    ['2 小时', 120],
    ['1.5h', 90],
    ['3 hours', 180],
    ['90分钟', 90],
    ['45 min', 45],
    ['1小时30分', 90],
    ['24', 1440],
    [{ text: '1.5', number: 1.5 }, 90],
    [{ text: '1.15', number: 1.15 }, 69],
  ])('%j → %i minutes', (cell, value) => {
    expect(hoursValue(cell)).toEqual({ ok: true, value });
  });

  it.each<[Cell | string, string]>([
    ['0', 'hours_out_of_range'],
    ['0分钟', 'hours_out_of_range'],
    ['-1', 'hours_out_of_range'],
    [{ text: '-2', number: -2 }, 'hours_out_of_range'],
    ['24.5', 'hours_out_of_range'],
    ['1441分钟', 'hours_out_of_range'],
    ['1.555', 'bad_hours'],
    ['1.5.1', 'bad_hours'],
    ['两小时', 'bad_hours'],
    ['2 days', 'bad_hours'],
    ['1.5分钟', 'bad_hours'],
    [{ text: '1899-12-30 01:30', date: '1899-12-30' }, 'bad_hours'],
    ['', 'empty'],
  ])('refuses %j as %s', (cell, reason) => {
    expect(hoursValue(cell)).toEqual({ ok: false, reason });
  });
});

describe('listValue', () => {
  it.each<[string, string[]]>([
    ['助老', ['助老']],
    ['助老，助残、 环保', ['助老', '助残', '环保']],
    ['急救;驾驶；急救', ['急救', '驾驶']],
    ['a,,b, ,', ['a', 'b']],
    ['First aid, Driving', ['First aid', 'Driving']],
    ['文化/文艺', ['文化/文艺']],
    ['助老\n助残', ['助老', '助残']],
    ['ＡＢ，ａｂ', ['AB', 'ab']],
  ])('%j → %j', (text, value) => {
    expect(listValue(text)).toEqual({ ok: true, value });
  });
  it.each(['', ' , ，、;'])('refuses %j as empty', (text) => {
    expect(listValue(text)).toEqual({ ok: false, reason: 'empty' });
  });
});
