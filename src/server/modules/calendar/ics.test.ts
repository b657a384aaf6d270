import ical from 'node-ical';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, utcStamp, writeCalendar } from './ics.js';

describe('iCalendar writer', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('writes UTC date-times without separators or milliseconds', () => {
    expect(utcStamp('2026-12-01T09:30:00+08:00')).toBe('20261201T013000Z');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'长江岸线清洁行动'.repeat(8)}`;
    const parts = foldLine(line).split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    for (const p of parts.slice(1)) expect(p.startsWith(' ')).toBe(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  it('round-trips through an independent parser', () => {
    const summary = '清洁行动; 第一期, 带上手套 \\ 水\n集合点：解放碑';
    const text = writeCalendar({
      name: '善美',
      events: [
        {
          uid: 'abc@shanmei',
          start: '2026-12-01T01:00:00.000Z',
          end: '2026-12-01T03:00:00.000Z',
          stamp: '2026-11-29T00:00:00.000Z',
          lastModified: '2026-11-28T00:00:00.000Z',
          sequence: 2,
          summary,
          location: '渝中区民族路 1 号, 解放碑',
          geo: { lat: 29.5576, lng: 106.5774 },
          status: 'TENTATIVE',
        },
      ],
    });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const parsed = ical.sync.parseICS(text);
    const ev = parsed['abc@shanmei'] as ical.VEvent;
    expect(ev.type).toBe('VEVENT');
    expect(ev.summary).toBe(summary);
    expect(ev.location).toBe('渝中区民族路 1 号, 解放碑');
    expect(ev.start.toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(ev.end?.toISOString()).toBe('2026-12-01T03:00:00.000Z');
    expect(ev.status).toBe('TENTATIVE');
    expect(Number(ev.sequence)).toBe(2);
    expect(ev.geo).toMatchObject({ lat: 29.5576, lon: 106.5774 });
  });
});
