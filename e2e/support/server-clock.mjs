/**
 * Preloaded into the test server (`node --import`) when a test needs to move its clock:
 * `Date.now()` and `new Date()` run ahead by the milliseconds written in the file named by
 * SHANMEI_E2E_CLOCK_FILE (re-read at most every 20 ms). Nothing else changes, so the real
 * server answers as it would at that later time — a check-out two hours after the check-in.
 */
import { readFileSync } from 'node:fs';

const file = process.env.SHANMEI_E2E_CLOCK_FILE;
const RealDate = Date;
const realNow = RealDate.now.bind(RealDate);
let offset = 0;
let readAt = 0;

function currentOffset() {
  const t = realNow();
  if (file && t - readAt > 20) {
    readAt = t;
    try {
      offset = Number(readFileSync(file, 'utf8').trim()) || 0;
    } catch {
      offset = 0;
    }
  }
  return offset;
}

class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(realNow() + currentOffset());
    else super(...args);
  }

  static now() {
    return realNow() + currentOffset();
  }
}

globalThis.Date = ShiftedDate;
