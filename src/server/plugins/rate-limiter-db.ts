import type { Database } from '../db/database.js';
import * as repo from '../platform/throttle.repository.js';
import type { Limiter } from './rate-limiter.js';

/**
 * Fixed windows kept in the database (`security_counters`): every process sees the same counts
 * and a restart forgets none. One statement per question, indexed by key.
 */
export class DatabaseLimiter implements Limiter {
  constructor(
    private readonly database: Database,
    private readonly enabled: boolean,
  ) {}

  async blocked(key: string, max: number): Promise<boolean> {
    if (!this.enabled) return false;
    const row = await repo.liveCounter(this.database.db, key, new Date().toISOString());
    return !!row && row.count >= max;
  }

  async hit(key: string, windowMs: number): Promise<void> {
    if (!this.enabled) return;
    const now = Date.now();
    const at = new Date(now).toISOString();
    const end = new Date(now + windowMs).toISOString();
    await repo.addEvent(this.database.db, key, at, { from: 2_000_000_000, steps: [], otherwise: at }, end, false);
  }

  async take(key: string, max: number, windowMs: number): Promise<boolean> {
    if (!this.enabled) return true;
    const now = Date.now();
    return repo.takeInWindow(
      this.database.db,
      key,
      max,
      new Date(now).toISOString(),
      new Date(now + windowMs).toISOString(),
    );
  }

  async reset(key: string): Promise<void> {
    if (!this.enabled) return;
    await repo.deleteCounter(this.database.db, key);
  }
}

/**
 * Keys whose counters stay in memory (this process's, or the cluster primary's): limits asked
 * on every check-in, redemption or export (the wrong check-in codes too: they are read on every
 * check-in, and a signed rotating code cannot be guessed anyway), where a database round trip per
 * request would cost the check-in rush its throughput and a lost count costs nothing but a
 * minute. Every other key — guesses at passwords and PINs, SMS codes, registrations — is
 * counted in the database.
 */
const IN_MEMORY = ['checkin:', 'checkin-code-fail:', 'redeem:', 'export:'];

/** Sends each key to the limiter that keeps it. */
export class SplitLimiter implements Limiter {
  constructor(
    private readonly memory: Limiter,
    private readonly shared: Limiter,
  ) {}

  private of(key: string): Limiter {
    return IN_MEMORY.some((p) => key.startsWith(p)) ? this.memory : this.shared;
  }

  blocked(key: string, max: number, windowMs: number): Promise<boolean> {
    return this.of(key).blocked(key, max, windowMs);
  }

  hit(key: string, windowMs: number): Promise<void> {
    return this.of(key).hit(key, windowMs);
  }

  take(key: string, max: number, windowMs: number): Promise<boolean> {
    return this.of(key).take(key, max, windowMs);
  }

  reset(key: string): Promise<void> {
    return this.of(key).reset(key);
  }
}
