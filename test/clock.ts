import { vi } from 'vitest';

/**
 * The one way tests read and move time.
 *
 * The server reads the process clock (`Date`). A test reads "now" through `testNow()` and builds
 * every instant from it (`isoIn(2 * HOUR)`), so its times and the server's agree on any date the
 * suite runs. A test that needs a fixed or moving "now" calls `freezeClock(start)`: vitest fakes
 * `Date` alone (timers, sockets and the database drivers keep real time), the server and the test
 * then share that instant, and `advance` moves both. Nothing sleeps to let time pass.
 */
export const testNow = (): number => Date.now();

/** The instant `offsetMs` from the test clock's now, as the server stores it (ISO-8601 UTC). */
export const isoIn = (offsetMs = 0): string => new Date(testNow() + offsetMs).toISOString();

export interface FrozenClock {
  /** The frozen now, in milliseconds. */
  now(): number;
  /** The frozen now plus `offsetMs`, as ISO-8601 UTC. */
  iso(offsetMs?: number): string;
  /** Moves now forward (or back, with a negative number). */
  advance(ms: number): void;
  /** Sets now to an instant. */
  set(at: string | number): void;
  /** Gives `Date` back to the system clock. */
  restore(): void;
}

/** Stops `Date` at `start` (default: the real now) for this test file until `restore()`. */
export function freezeClock(start: string | number = Date.now()): FrozenClock {
  const at = (t: string | number) => (typeof t === 'number' ? t : Date.parse(t));
  vi.useFakeTimers({ toFake: ['Date'], now: at(start) });
  return {
    now: () => Date.now(),
    iso: (offsetMs = 0) => new Date(Date.now() + offsetMs).toISOString(),
    advance: (ms) => vi.setSystemTime(Date.now() + ms),
    set: (t) => vi.setSystemTime(at(t)),
    restore: () => vi.useRealTimers(),
  };
}
