import { describe, expect, it } from 'vitest';
import { isOverdue, meanProgress, percentOf, taskRatio } from './plan-progress.js';

describe('plan progress', () => {
  it('caps each task at its target and takes the mean of the tasks', () => {
    expect(taskRatio(5, 10)).toBe(0.5);
    expect(taskRatio(30, 10)).toBe(1);
    expect(taskRatio(-1, 10)).toBe(0);
    expect(meanProgress([taskRatio(30, 10), taskRatio(0, 4)])).toBe(0.5);
    expect(meanProgress([])).toBe(0);
    expect(percentOf(0.999)).toBe(99);
  });

  it('is overdue only after the deadline day and short of target', () => {
    expect(isOverdue('2026-06-30', '2026-06-30', 0, 5)).toBe(false);
    expect(isOverdue('2026-06-30', '2026-07-01', 4, 5)).toBe(true);
    expect(isOverdue('2026-06-30', '2026-07-01', 5, 5)).toBe(false);
  });
});
