import { describe, expect, it } from 'vitest';
import { dueState } from './need-due.js';

describe('dueState', () => {
  const now = Date.parse('2030-01-01T12:00:00.000Z');
  it('names a need by its current step’s due time', () => {
    expect(dueState({ dueAt: null, overdue: false }, now)).toBe('none');
    expect(dueState({ dueAt: '2030-01-01T11:00:00.000Z', overdue: true }, now)).toBe('overdue');
    expect(dueState({ dueAt: '2030-01-01T13:59:00.000Z', overdue: false }, now)).toBe('soon');
    expect(dueState({ dueAt: '2030-01-01T14:01:00.000Z', overdue: false }, now)).toBe('ok');
  });
});
