/**
 * The first file row of each key of an import, by a 32-bit hash of the key, in two typed arrays
 * (an open-addressed table, at most half full, probed linearly from a Fibonacci hash of the key,
 * so keys alike in their low bits still spread): 8 to 16 bytes a key outside
 * the JavaScript heap, where a Map of numbers takes 30 to 60 bytes a key inside it and makes
 * the heap's collector let it grow by as much again. A million rows take 16 MB.
 */

const FIRST_CAPACITY = 1024;

export class RowsByHash {
  private hashes = new Uint32Array(FIRST_CAPACITY);
  /** 0 marks a free slot: file rows are counted from 1. */
  private rows = new Uint32Array(FIRST_CAPACITY);
  private count = 0;
  /** 32 − log2(capacity): the slot is the top bits of the key times 2^32/φ. */
  private shift = 32 - Math.log2(FIRST_CAPACITY);

  /** Keys held. */
  get size(): number {
    return this.count;
  }

  /** The row first marked with `hash`, if any. */
  get(hash: number): number | undefined {
    const h = hash >>> 0;
    const mask = this.hashes.length - 1;
    for (let i = this.slot(h); this.rows[i] !== 0; i = (i + 1) & mask) {
      if (this.hashes[i] === h) return this.rows[i];
    }
    return undefined;
  }

  /** Notes `row` under `hash` unless an earlier row holds it (the first row stays). */
  mark(hash: number, row: number): void {
    if (!Number.isInteger(row) || row < 1 || row > 0xffffffff) throw new RangeError('row out of range');
    if ((this.count + 1) * 2 > this.hashes.length) this.grow();
    this.put(hash >>> 0, row);
  }

  private put(h: number, row: number): void {
    const mask = this.hashes.length - 1;
    let i = this.slot(h);
    for (; this.rows[i] !== 0; i = (i + 1) & mask) if (this.hashes[i] === h) return;
    this.hashes[i] = h;
    this.rows[i] = row;
    this.count += 1;
  }

  private slot(h: number): number {
    return Math.imul(h, 0x9e3779b1) >>> this.shift;
  }

  private grow(): void {
    const { hashes, rows } = this;
    this.hashes = new Uint32Array(hashes.length * 2);
    this.rows = new Uint32Array(rows.length * 2);
    this.count = 0;
    this.shift -= 1;
    for (let i = 0; i < hashes.length; i++) if (rows[i] !== 0) this.put(hashes[i] as number, rows[i] as number);
  }
}
