/**
 * Dates and durations as people type them into spreadsheets: Excel serial numbers, ISO and
 * Chinese date forms, "1.5", "2小时", "90分钟". Both return plain values (YYYY-MM-DD, whole
 * minutes) so the importer never handles a JS Date or a time zone.
 */
import { type Normalised, asCell, cleanString, ok, refuse } from './normalise.js';
import type { Cell } from './sheet-row.js';

const DAY_MS = 86_400_000;
/** The largest serial Excel accepts: 9999-12-31. */
export const MAX_SERIAL = 2_958_465;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** YYYY-MM-DD when the three numbers name a real day (2026-02-30 does not), else null. */
function realDate(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  t.setUTCFullYear(y);
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/**
 * An Excel serial day number (1900 date system) as YYYY-MM-DD. Serial 1 is 1900-01-01. Excel
 * counts a 29 February 1900 that never was (serial 60, refused), so from serial 61 on the
 * count is one day behind a plain one: day 0 is in effect 1899-12-30. A time of day (the
 * fraction) is dropped.
 */
export function serialDate(serial: number): string | null {
  const day = Math.floor(serial);
  if (day < 1 || day > MAX_SERIAL || day === 60) return null;
  const zero = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(zero + day * DAY_MS).toISOString().slice(0, 10);
}

/** 2026-03-05, 2026/3/5, 2026.3.5 (one separator throughout), 2026年3月5日, 20260305. */
const DATE_FORMS = [
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})/,
  /^(\d{4})(年)(\d{1,2})月(\d{1,2})日?/,
  /^(\d{4})()(\d{2})(\d{2})$/,
];
/** What may follow the date part: nothing, or a time of day ("14:30", "T08:00:00Z", "14时30分"). */
const TIME_TAIL =
  /^(?:$|[ T]\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?$|\s?\d{1,2}[时點点](?:\d{1,2}分)?(?:\d{1,2}秒)?$)/;

/**
 * A date as YYYY-MM-DD from a date-typed cell, an Excel serial number (a numeric cell, or
 * digits as text, 1–2958465), or text in one of DATE_FORMS, also with a time after it (whose
 * date part is taken as written, without any time-zone shift). 'bad_date' for anything else,
 * including days that do not exist. Month-first forms (3/5/2026) are refused as ambiguous.
 */
export function dateValue(cell: Cell | string): Normalised<string> {
  const c = asCell(cell);
  if (c.date !== undefined) return ok(c.date);
  const text = cleanString(c.text);
  if (text === '' && c.number === undefined) return refuse('empty');
  const serial = c.number ?? (/^\d{1,7}$/.test(text) ? Number(text) : undefined);
  if (serial !== undefined && serial <= MAX_SERIAL) {
    const date = serialDate(serial);
    return date === null ? refuse('bad_date') : ok(date);
  }
  const digits = c.number !== undefined ? String(c.number) : text;
  for (const form of DATE_FORMS) {
    const m = form.exec(digits);
    if (!m || !TIME_TAIL.test(digits.slice(m[0].length))) continue;
    const date = realDate(Number(m[1]), Number(m[3]), Number(m[4]));
    return date === null ? refuse('bad_date') : ok(date);
  }
  return refuse('bad_date');
}

const HOURS = /^([+-]?\d+(?:\.\d+)?)(?:h|hrs?|hours?|小时|个小时|时)?$/i;
const MINUTES = /^([+-]?\d+)(?:min|mins|minutes?|分钟|分)$/i;
const HOURS_AND_MINUTES = /^(\d+)(?:h|小时|个小时)(\d+)(?:min|分钟|分)$/i;
const MAX_MINUTES = 24 * 60;

/** Whole minutes within (0, 24 h], or the reason it is not. */
function inRange(minutes: number): Normalised<number> {
  return minutes > 0 && minutes <= MAX_MINUTES ? ok(minutes) : refuse('hours_out_of_range');
}

/** Hours with at most two decimals ("1.25"; 1.255 is refused), rounded to whole minutes. */
function fromHours(hours: number): Normalised<number> {
  if (!Number.isFinite(hours)) return refuse('bad_hours');
  if (Math.abs(hours * 100 - Math.round(hours * 100)) > 1e-6) return refuse('bad_hours');
  return inRange(Math.round(hours * 60));
}

/**
 * A duration of service in whole minutes: "2", "1.5", "１．５", "2小时", "90分钟", "1小时30分",
 * or a number cell (hours). Hours may have two decimals, so 0.01 h rounds to one minute.
 * Refuses 0, negatives and more than 24 h ('hours_out_of_range'), anything else ('bad_hours').
 */
export function hoursValue(cell: Cell | string): Normalised<number> {
  const c = asCell(cell);
  if (c.date !== undefined) return refuse('bad_hours');
  if (c.number !== undefined) return fromHours(c.number);
  const text = cleanString(c.text).replace(/\s+/g, '');
  if (text === '') return refuse('empty');
  const hm = HOURS_AND_MINUTES.exec(text);
  if (hm) return inRange(Number(hm[1]) * 60 + Number(hm[2]));
  const h = HOURS.exec(text);
  if (h) return fromHours(Number(h[1]));
  const m = MINUTES.exec(text);
  if (m) return inRange(Number(m[1]));
  return refuse('bad_hours');
}
