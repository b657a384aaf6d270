import { describe, expect, it } from 'vitest';
import { matchOutlines, ranked } from './screen-regions.js';

describe('matchOutlines', () => {
  const regions = [
    { regionCode: '500103', name: '渝中区' },
    { regionCode: '500155', name: '梁平区' },
    { regionCode: '500240', name: '石柱土家族自治县' },
    { regionCode: '500X01', name: '两江新区' },
  ];

  it('pairs outlines with regions by name, or when only 区/县 differs', () => {
    const m = matchOutlines(['渝中区', '梁平县', '石柱土家族自治县', '城口县'], regions);
    expect(m.nameMap).toEqual({ 渝中区: '渝中区', 梁平县: '梁平区', 石柱土家族自治县: '石柱土家族自治县' });
    expect([...m.outlined].sort()).toEqual(['500103', '500155', '500240']);
  });

  it('leaves regions without an outline (functional zones) unmatched', () => {
    expect(matchOutlines(['渝中区'], regions).outlined.has('500X01')).toBe(false);
  });

  it('gives a region to one outline only', () => {
    const m = matchOutlines(['梁平县', '梁平区'], [{ regionCode: '500155', name: '梁平区' }]);
    expect(m.nameMap).toEqual({ 梁平区: '梁平区' });
  });
});

describe('ranked', () => {
  it('orders by the figure, largest first, ties in their given order', () => {
    const items = [
      { c: 'a', v: 1 },
      { c: 'b', v: 3 },
      { c: 'c', v: 1 },
    ];
    expect(ranked(items, (i) => i.v).map((i) => i.c)).toEqual(['b', 'a', 'c']);
  });
});
