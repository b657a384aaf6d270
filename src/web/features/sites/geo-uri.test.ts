import { describe, expect, it } from 'vitest';
import { geoUri } from './geo-uri.js';

describe('geoUri', () => {
  it('points at the place and names the pin, percent-encoded', () => {
    expect(geoUri(29.5576, 106.5771, '解放碑 (渝中)')).toBe(
      'geo:29.5576,106.5771?q=29.5576,106.5771(%E8%A7%A3%E6%94%BE%E7%A2%91%20(%E6%B8%9D%E4%B8%AD))',
    );
  });

  it('rounds to six decimals and keeps the sign of a western or southern place', () => {
    expect(geoUri(-33.86881234567, -151.2092999, 'x')).toBe('geo:-33.868812,-151.2093?q=-33.868812,-151.2093(x)');
  });
});
