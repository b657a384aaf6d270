/**
 * Fixed-window counters kept in this process. Used for failed logins per account and per
 * address, registrations per address, and check-ins and redemptions per account.
 * (Several app processes each keep their own windows; the limits are per process.)
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly enabled: boolean) {}

  /** Whether `key` is already at `max` events within `windowMs`. */
  blocked(key: string, max: number, windowMs: number, now = Date.now()): boolean {
    if (!this.enabled) return false;
    const w = this.windows.get(key);
    return !!w && now - w.start < windowMs && w.count >= max;
  }

  /** Counts one event for `key`. */
  hit(key: string, windowMs: number, now = Date.now()): void {
    if (!this.enabled) return;
    const w = this.windows.get(key);
    if (!w || now - w.start >= windowMs) this.windows.set(key, { start: now, count: 1 });
    else w.count += 1;
    if (this.windows.size > 100_000) this.sweep(now, windowMs);
  }

  /** Counts one event and answers whether it went over `max`. */
  take(key: string, max: number, windowMs: number, now = Date.now()): boolean {
    if (this.blocked(key, max, windowMs, now)) return false;
    this.hit(key, windowMs, now);
    return true;
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private sweep(now: number, windowMs: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= windowMs) this.windows.delete(k);
  }
}
