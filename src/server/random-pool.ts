import { randomFillSync } from 'node:crypto';

/**
 * Random bytes from the system's CSPRNG, drawn 8 KiB at a time and handed out in small pieces:
 * one call into OpenSSL per few hundred ids or IVs instead of one each (as Node's own
 * `randomUUID` does with its entropy cache). A profile of a volunteer import showed a sixth of
 * its thread's time in `randomFillSync` before this.
 */
const POOL_SIZE = 8192;
const pool = Buffer.allocUnsafeSlow(POOL_SIZE);
let offset = POOL_SIZE;

/** `n` fresh random bytes (n ≤ 256), a copy the caller owns. */
export function randomPoolBytes(n: number): Buffer {
  if (n > 256) throw new RangeError('randomPoolBytes serves at most 256 bytes at a time');
  if (offset + n > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const out = Buffer.from(pool.subarray(offset, offset + n));
  // Bytes handed out are never handed out again.
  pool.fill(0, offset, offset + n);
  offset += n;
  return out;
}
