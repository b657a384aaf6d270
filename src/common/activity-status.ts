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
