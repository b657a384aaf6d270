import { describe, expect, it } from 'vitest';
import { boundingBox, distanceM, parseLatLng } from './geo.js';

describe('geo', () => {
  it('measures a known distance: 解放碑 to 朝天门 is about 1.5 km', () => {
    const d = distanceM(29.5576, 106.5774, 29.5647, 106.5865);
    expect(d).toBeGreaterThan(1100);
    expect(d).toBeLessThan(1300);
  });
  it('is zero for the same point and symmetric', () => {
    expect(distanceM(29.5, 106.5, 29.5, 106.5)).toBe(0);
    expect(distanceM(29.5, 106.5, 30, 107)).toBeCloseTo(distanceM(30, 107, 29.5, 106.5), 6);
  });
  it('bounds every point of the radius', () => {
    const box = boundingBox(29.56, 106.55, 5000);
    const northEdge = distanceM(29.56, 106.55, box.maxLat, 106.55);
    expect(northEdge).toBeGreaterThanOrEqual(4999);
    expect(distanceM(29.56, 106.55, 29.56, box.maxLng)).toBeGreaterThanOrEqual(4999);
  });
  it('parses LAT,LNG and refuses nonsense', () => {
    expect(parseLatLng('29.56,106.55')).toEqual({ lat: 29.56, lng: 106.55 });
    expect(parseLatLng(' -1.5 , 2 ')).toEqual({ lat: -1.5, lng: 2 });
    expect(parseLatLng('91,0')).toBeNull();
    expect(parseLatLng('abc')).toBeNull();
    expect(parseLatLng('1,2,3')).toBeNull();
  });
});
