/**
 * The browser tests' one clock: the test process, the server and the browser agree on it.
 *
 * By default it is the real time. `E2E_CLOCK` moves a whole run to another moment: an ISO
 * instant, or `HH:MMZ` for the next time a UTC clock shows it — `23:59Z` is when Chongqing's
 * day has long begun while a UTC device still shows the day before. The server is started with
 * the same offset (`server-clock.mjs`) and every browser page gets it (`shiftedDateScript`), so
 * times flow on from there in all three. `E2E_TIMEZONE` is the browser's zone
 * (default Asia/Shanghai); the platform's zone stays the server's setting whatever it is.
 */

const realNow = (): number => Date.now();

/** When the run's clock starts, from `E2E_CLOCK`; null for the real time. */
export function clockTarget(spec: string | undefined, now: number): number | null {
  if (!spec) return null;
  const hhmm = /^(\d{2}):(\d{2})Z$/.exec(spec);
  if (hhmm) {
    const d = new Date(now);
    let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), Number(hhmm[1]), Number(hhmm[2]));
    if (t <= now) t += 86_400_000;
    return t;
  }
  const t = Date.parse(spec);
  if (!Number.isFinite(t)) throw new Error(`E2E_CLOCK must be an ISO instant or HH:MMZ, not ${JSON.stringify(spec)}`);
  return t;
}

const target = clockTarget(process.env.E2E_CLOCK, realNow());

/** How far the run's clock is ahead of the real one (0 without `E2E_CLOCK`). */
export const CLOCK_OFFSET_MS = target === null ? 0 : target - realNow();

/** The run's now, in milliseconds: build every instant a test needs from this. */
export const e2eNow = (): number => realNow() + CLOCK_OFFSET_MS;

/**
 * A page script that runs `Date` `offsetMs` ahead, as `server-clock.mjs` does for the server.
 * Only `Date` moves: timers, animation frames and CSS transitions keep their real pace (faking
 * those too, as Playwright's clock does, left transitions half-way when axe looked).
 */
export function shiftedDateScript(offsetMs: number): string {
  return `(() => {
    const RealDate = Date;
    const realNow = RealDate.now.bind(RealDate);
    class ShiftedDate extends RealDate {
      constructor(...args) { if (args.length === 0) super(realNow() + ${offsetMs}); else super(...args); }
      static now() { return realNow() + ${offsetMs}; }
    }
    globalThis.Date = ShiftedDate;
  })();`;
}

/** The browser's time zone for this run. */
export const BROWSER_TIME_ZONE = process.env.E2E_TIMEZONE ?? 'Asia/Shanghai';

/** Milliseconds elapsed on a monotonic clock, for deadlines that must not move with the run's clock. */
export const elapsedMs = (): number => performance.now();

/** The platform's zone on the test server (its settings are the defaults): days are counted in it. */
export { DEFAULT_TIME_ZONE as PLATFORM_TIME_ZONE } from '../../src/common/zoned-time.js';
