import { randomPoolBytes } from './random-pool.js';

let lastMs = 0;
let counter = 0;

/**
 * A UUIDv7: time-ordered, so ids sort by creation and serve as stable cursors. Within one
 * process ids are strictly increasing: ids made in the same millisecond carry a 12-bit
 * counter (RFC 9562 method 1) where v7 otherwise has random bits.
 */
export function newId(now: number = Date.now()): string {
  let ms = now;
  if (ms <= lastMs) {
    ms = lastMs;
    counter += 1;
    if (counter > 0xfff) {
      ms += 1;
      counter = 0;
    }
  } else {
    counter = randomPoolBytes(2).readUInt16BE(0) & 0x3ff; // start low, leave room to count up
  }
  lastMs = ms;
  const b = randomPoolBytes(16);
  b.writeUIntBE(ms, 0, 6);
  b[6] = 0x70 | (counter >> 8);
  b[7] = counter & 0xff;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The current time as stored: ISO-8601 UTC with milliseconds. */
export const nowIso = (): string => new Date().toISOString();
