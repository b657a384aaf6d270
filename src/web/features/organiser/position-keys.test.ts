import { describe, expect, it } from 'vitest';
import { arrowStep, roundPosition } from './position-keys.js';

describe('moving the position marker by keyboard', () => {
  it('moves by a small step with an arrow key, further with Shift, north up', () => {
    expect(arrowStep({ key: 'ArrowUp', shiftKey: false })).toEqual({ dx: 0, dy: -8 });
    expect(arrowStep({ key: 'ArrowRight', shiftKey: true })).toEqual({ dx: 40, dy: 0 });
    expect(arrowStep({ key: 'ArrowLeft', shiftKey: false })).toEqual({ dx: -8, dy: 0 });
    expect(arrowStep({ key: 'ArrowDown', shiftKey: false })).toEqual({ dx: 0, dy: 8 });
  });

  it('ignores every other key, so Tab and Enter keep their meaning', () => {
    for (const key of ['Tab', 'Enter', ' ', 'a']) expect(arrowStep({ key, shiftKey: false })).toBeNull();
  });

  it('rounds a picked position to six decimal places', () => {
    expect(roundPosition({ lat: 29.55761234, lng: 106.57714999 })).toEqual({ lat: 29.557612, lng: 106.57715 });
  });
});
