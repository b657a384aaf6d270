/**
 * How a plan's progress is counted, the same on the server and in the web app: a task stands at
 * its latest value over its target, capped at 1 (doing more of one task does not make up for
 * another); a plan, and a department, stand at the mean of their tasks' capped ratios, each task
 * counting alike whatever its unit.
 */

/** The task's share done, 0–1. */
export function taskRatio(value: number, target: number): number {
  if (target <= 0) return 0;
  return Math.min(Math.max(value, 0) / target, 1);
}

/** The mean of capped ratios; 0 when there is nothing to count. */
export function meanProgress(ratios: readonly number[]): number {
  if (ratios.length === 0) return 0;
  return ratios.reduce((a, b) => a + b, 0) / ratios.length;
}

/** Overdue: the deadline's local day is over (today is after it) and the target is not reached. */
export function isOverdue(deadline: string, today: string, value: number, target: number): boolean {
  return deadline < today && value < target;
}

/** Progress as a whole percentage for display, never rounding a short task up to 100. */
export const percentOf = (ratio: number): number => Math.floor(ratio * 100);
