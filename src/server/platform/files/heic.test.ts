import { describe, expect, it } from 'vitest';
import { heicWithGps } from '../../../../test/photos.js';
import { decodeHeic, HeicDecodeError } from './heic.js';

describe('HEIC decoding in a worker thread', () => {
  it('decodes an iPhone-style HEIC to RGBA pixels', async () => {
    const { width, height, rgba } = await decodeHeic(heicWithGps(), 64_000_000);
    expect([width, height, rgba.length]).toEqual([64, 48, 64 * 48 * 4]);
    // The fixture is one colour (200, 60, 30): HEVC at quality 50 keeps it near.
    expect(Math.abs(rgba[0]! - 200) + Math.abs(rgba[1]! - 60) + Math.abs(rgba[2]! - 30)).toBeLessThan(24);
  });

  it('refuses an image with more pixels than allowed before decoding it, and bytes that hold no image', async () => {
    await expect(decodeHeic(heicWithGps(), 64 * 48 - 1)).rejects.toThrow(HeicDecodeError);
    const empty = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(64)]);
    await expect(decodeHeic(empty, 64_000_000)).rejects.toThrow(HeicDecodeError);
  });

  it('decodes several at once, two at a time, each its own', async () => {
    const all = await Promise.all(Array.from({ length: 5 }, () => decodeHeic(heicWithGps(), 64_000_000)));
    expect(all.map((d) => d.rgba.length)).toEqual(Array.from({ length: 5 }, () => 64 * 48 * 4));
  });
});
