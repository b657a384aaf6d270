import type { Kysely } from 'kysely';
import { addDays, localMidnight } from '../../../../common/zoned-time.js';
import type { PlatformSettings } from '../../../../common/settings.js';
import type { PersonalDataCipher } from '../../../crypto.js';
import type { Dialect } from '../../../db/database.js';
import type { DB } from '../../../db/schema.js';
import { DemoRandom } from '../demo.random.js';
import type { BulkWriter } from './scale.bulk.repository.js';
import type { ScaleIds } from './scale.ids.js';
import type { ScaleSizes } from './scale.sizes.js';
import type { World } from './scale.world.js';

/** Days of service before the reference date: the generated year. */
export const WINDOW_DAYS = 365;
/** Days after the reference date that upcoming activities are spread over. */
export const UPCOMING_DAYS = 30;

/** Everything a phase of the generator needs. */
export interface ScaleRun {
  db: Kysely<DB>;
  dialect: Dialect;
  writer: BulkWriter;
  ids: ScaleIds;
  world: World;
  sizes: ScaleSizes;
  seed: number;
  settings: PlatformSettings;
  cipher: PersonalDataCipher;
  /** The reference date (YYYY-MM-DD, local): generated service ends the day before it. */
  asOf: string;
  /** Local midnight that starts the reference date, in ms: no generated service is at or after it. */
  asOfMs: number;
  /** Local midnight that starts the generated year. */
  windowStartMs: number;
  /** The system admin: grants and confirmations that no generated person makes. */
  adminUserId: string;
  /** One argon2 hash of random bytes: generated people have no password that works. */
  unusableHash: string;
  progress: Progress;
  /** A random stream of its own for each phase, so one phase's draws never shift another's. */
  random(phase: number): DemoRandom;
  /** Local midnight of the day `offset` days from the reference date, in ms. */
  dayStart(offset: number): number;
}

/** Builds the day-start table once: localMidnight is exact across time-zone changes, and slow. */
export function dayStarts(asOf: string, timeZone: string, from: number, to: number): (offset: number) => number {
  const table = new Map<number, number>();
  for (let d = from; d <= to; d++) table.set(d, Date.parse(localMidnight(addDays(asOf, d), timeZone)));
  return (offset) => {
    const v = table.get(offset);
    if (v === undefined) throw new Error(`day ${offset} is outside the generated range`);
    return v;
  };
}

export const randomFor = (seed: number) => (phase: number) =>
  new DemoRandom((seed ^ Math.imul(phase, 0x9e3779b1)) >>> 0);

/** Progress lines on stdout: the phase, how far, how fast; and each phase's time for the summary. */
export class Progress {
  private phaseName = '';
  private started = 0;
  private lastLine = 0;
  readonly phases: { phase: string; seconds: number; rows: number }[] = [];

  constructor(private readonly log: (line: string) => void) {}

  start(phase: string): void {
    this.phaseName = phase;
    this.started = performance.now();
    this.lastLine = this.started;
    this.log(`scale: ${phase}…`);
  }

  /** At most one line every 10 s. */
  tick(done: number, total: number, what: string): void {
    const now = performance.now();
    if (now - this.lastLine < 10_000) return;
    this.lastLine = now;
    const rate = done / ((now - this.started) / 1000);
    this.log(
      `scale: ${this.phaseName} ${fmt(done)}/${fmt(total)} ${what} (${fmt(Math.round(rate))}/s, ${secs(now - this.started)})`,
    );
  }

  /** A line of detail within the phase. */
  note(text: string): void {
    this.log(`scale: ${this.phaseName}: ${text}`);
  }

  end(rows: number, what: string): void {
    const ms = performance.now() - this.started;
    this.phases.push({ phase: this.phaseName, seconds: Math.round(ms / 100) / 10, rows });
    const rate = rows > 0 && ms > 0 ? ` (${fmt(Math.round(rows / (ms / 1000)))}/s)` : '';
    this.log(`scale: ${this.phaseName} done: ${fmt(rows)} ${what} in ${secs(ms)}${rate}`);
  }
}

export const fmt = (n: number): string => n.toLocaleString('en-US');
const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
