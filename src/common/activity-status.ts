import type { ActivityStatus } from './contract/activities.js';

/** What an activity shows: running and finished come from the clock, not from storage. */
export function displayStatus(
  a: { status: string; first_start_at: string; last_end_at: string },
  now: string,
): ActivityStatus {
  if (a.status !== 'published') return a.status as ActivityStatus;
  if (now < a.first_start_at) return 'published';
  return now < a.last_end_at ? 'running' : 'finished';
}

/** The parts of a shift that say whether it still takes sign-ups. */
export interface ShiftPlaces {
  status: string;
  capacity: number;
  taken: number;
  /** When sign-ups close (the shift end unless the organiser set a deadline). */
  signupDeadline: string;
}

/** Whether a shift still takes sign-ups at `now`: not cancelled, and before its deadline. */
export function takesSignups(s: ShiftPlaces, now: string | number): boolean {
  const at = typeof now === 'number' ? now : Date.parse(now);
  return s.status === 'open' && Date.parse(s.signupDeadline) > at;
}

/**
 * Places still free over the shifts that take sign-ups at `now`; the list search counts the same
 * in SQL (`activities.search.repository.ts`), so a card and the detail page agree.
 */
export function placesLeft(shifts: readonly ShiftPlaces[], now: string | number): number {
  return shifts.reduce((n, s) => n + (takesSignups(s, now) ? Math.max(s.capacity - s.taken, 0) : 0), 0);
}
