import { describe, expect, it } from 'vitest';
import { fitProjection } from './map-projection.js';

describe('fitProjection', () => {
  const points = [
    { lat: 29.5, lng: 106.5 },
    { lat: 29.7, lng: 106.7 },
    { lat: 29.6, lng: 106.6 },
  ];

  it('keeps every point inside the drawing, padded', () => {
    const p = fitProjection(points, 640, 480, 24);
    for (const pt of points) {
      const { x, y } = p.project(pt);
      expect(x).toBeGreaterThanOrEqual(24 - 1e-9);
      expect(x).toBeLessThanOrEqual(640 - 24 + 1e-9);
      expect(y).toBeGreaterThanOrEqual(24 - 1e-9);
      expect(y).toBeLessThanOrEqual(480 - 24 + 1e-9);
    }
  });

  it('puts north up and east right', () => {
    const p = fitProjection(points, 640, 480);
    const sw = p.project({ lat: 29.5, lng: 106.5 });
    const ne = p.project({ lat: 29.7, lng: 106.7 });
    expect(ne.x).toBeGreaterThan(sw.x);
    expect(ne.y).toBeLessThan(sw.y);
  });

  it('centres a single point and copes with none', () => {
    expect(fitProjection([{ lat: 29.5, lng: 106.5 }], 200, 100).project({ lat: 29.5, lng: 106.5 })).toEqual({
      x: 100,
      y: 50,
    });
    expect(fitProjection([], 200, 100).project({ lat: 0, lng: 0 })).toEqual({ x: 100, y: 50 });
  });

  it('finds the point under a place on the drawing, the inverse of drawing it', () => {
    const p = fitProjection(points, 640, 480);
    for (const pt of [...points, { lat: 29.55, lng: 106.61 }]) {
      const back = p.unproject(p.project(pt));
      expect(back?.lat).toBeCloseTo(pt.lat, 9);
      expect(back?.lng).toBeCloseTo(pt.lng, 9);
    }
    expect(fitProjection([], 200, 100).unproject({ x: 10, y: 10 })).toBeNull();
  });
});
