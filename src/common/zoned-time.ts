/**
 * Calendar days and wall-clock times in a named time zone (the platform's `settings.timeZone`,
 * served to the web app by `GET /config`). Instants are UTC ISO strings or epoch milliseconds;
 * days are `YYYY-MM-DD`; wall times are `YYYY-MM-DDTHH:mm` as a `datetime-local` input holds
 * them. Server, web and CLI count days and show times through these, never through the
 * device's or the process's own zone.
 */

/** The zone the platform counts in unless its settings say otherwise. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const DAY_MS = 86_400_000;

type Instant = string | number | Date;
const ms = (at: Instant): number =>
  typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : at.getTime();

// Building an Intl.DateTimeFormat costs far more than using one: keep one per time zone.
const wallFormats = new Map<string, Intl.DateTimeFormat>();
function wallFormat(timeZone: string): Intl.DateTimeFormat {
  let f = wallFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallFormats.set(timeZone, f);
  }
  return f;
}

/** The wall clock of `timeZone` at an instant, as the UTC milliseconds that show the same digits. */
function wallMs(t: number, timeZone: string): number {
  const parts = wallFormat(timeZone).formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/** How far the zone's wall clock is ahead of UTC at instant `t`, in milliseconds. */
export function zoneOffsetMs(t: number, timeZone: string): number {
  return wallMs(t, timeZone) - Math.floor(t / 1000) * 1000;
}

/** The local calendar day (YYYY-MM-DD) of an instant in the zone. */
export function localDate(at: Instant, timeZone: string): string {
  return new Date(wallMs(ms(at), timeZone)).toISOString().slice(0, 10);
}

/** The local wall time (YYYY-MM-DDTHH:mm) of an instant in the zone, as a `datetime-local` value. */
export function wallTime(at: Instant, timeZone: string): string {
  return new Date(wallMs(ms(at), timeZone)).toISOString().slice(0, 16);
}

/**
 * The instant (UTC ISO) at which the zone's clock shows `wall` (YYYY-MM-DDTHH:mm, seconds
 * optional). Near an offset change the first guess can be off by the change; one more step
 * settles it (a time skipped by a spring-forward lands after the gap).
 */
export function wallTimeToIso(wall: string, timeZone: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?$/.exec(wall);
  const guess = m ? Date.parse(`${m[1]}${m[2] ?? ':00'}.000Z`) : NaN;
  if (!Number.isFinite(guess)) throw new RangeError(`not a wall time: ${wall}`);
  let t = guess - zoneOffsetMs(guess, timeZone);
  t = guess - zoneOffsetMs(t, timeZone);
  return new Date(t).toISOString();
}

/** The instant (UTC ISO) at which local day `date` (YYYY-MM-DD) begins in the zone. */
export function localMidnight(date: string, timeZone: string): string {
  return wallTimeToIso(`${date}T00:00`, timeZone);
}

/** The day `n` days after `date` (before, for negative `n`). */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** [start, end) in UTC of the local days `from` to `to`, both inclusive. */
export function localDaysRange(from: string, to: string, timeZone: string): { start: string; end: string } {
  return { start: localMidnight(from, timeZone), end: localMidnight(addDays(to, 1), timeZone) };
}

/** The day of the week of `date`: 0 for Monday to 6 for Sunday, as Chinese calendars start weeks. */
export function weekdayOf(date: string): number {
  return (new Date(`${date}T00:00:00.000Z`).getUTCDay() + 6) % 7;
}

/** Whether `date` is a real calendar day in the YYYY-MM-DD form. */
export function isRealDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const t = Date.parse(`${date}T00:00:00.000Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === date;
}
