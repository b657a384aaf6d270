import { chinaToday } from './id-numbers.js';

/** A policy's covered days, local (China) dates YYYY-MM-DD, both included. */
export interface CoveredDays {
  startsOn: string;
  endsOn: string;
}

/**
 * Whether one policy covers a shift from its first to its last local day: the rule publishing
 * a risky activity checks on the server and the console shows before anyone presses Publish.
 */
export function shiftCovered(policies: CoveredDays[], start: string, end: string): boolean {
  const first = chinaToday(new Date(start));
  const last = chinaToday(new Date(end));
  return policies.some((p) => p.startsOn <= first && p.endsOn >= last);
}
