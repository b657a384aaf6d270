/**
 * A small seeded generator (mulberry32), so every demo load makes the same people, sites and
 * memberships — screenshots and walkthroughs stay reproducible.
 */
export class DemoRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T {
    const v = list[this.int(list.length)];
    if (v === undefined) throw new Error('pick from an empty list');
    return v;
  }

  /** `k` distinct elements (or all of them when the list is shorter). */
  sample<T>(list: readonly T[], k: number): T[] {
    const copy = [...list];
    const out: T[] = [];
    while (out.length < k && copy.length) out.push(copy.splice(this.int(copy.length), 1)[0] as T);
    return out;
  }

  /** A float in [-spread, spread]. */
  jitter(spread: number): number {
    return (this.next() * 2 - 1) * spread;
  }
}
