/**
 * Preloaded into the test server (`node --import`) to run its clock with the tests' clock:
 * `Date.now()` and `new Date()` run ahead of real time by SHANMEI_E2E_CLOCK_OFFSET_MS, and the
 * test can move them further with an IPC message `{ clockOffsetMs }`, answered with
 * `{ clockOffsetSet }` once in force. Nothing else changes, so the real server answers as it
 * would at that time — a check-out two hours after the check-in, a counter at 23:59 UTC.
 */
const RealDate = Date;
const realNow = RealDate.now.bind(RealDate);
let offset = Number(process.env.SHANMEI_E2E_CLOCK_OFFSET_MS) || 0;

if (process.send) {
  process.on('message', (m) => {
    if (m && typeof m === 'object' && typeof m.clockOffsetMs === 'number') {
      offset = m.clockOffsetMs;
      process.send({ clockOffsetSet: offset });
    }
  });
  // The channel must not keep a stopped server alive.
  process.channel?.unref();
}

class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(realNow() + offset);
    else super(...args);
  }

  static now() {
    return realNow() + offset;
  }
}

globalThis.Date = ShiftedDate;
