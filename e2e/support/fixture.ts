import type { Browser } from 'playwright-core';
import { residentIdCheckDigit } from '../../src/common/id-numbers.js';
import { launchBrowser } from './browser.js';
import { startTestServer, type TestServer } from './test-server.js';
import { e2eNow } from './clock.js';

export interface Fixture {
  server: TestServer;
  browser: Browser;
}

/** One server (with the demo loaded, or a movable clock, when asked) and one browser for a test file; `close` ends both. */
export async function openFixture(
  opts: { movableClock?: boolean; demo?: boolean } = {},
): Promise<Fixture & { close: () => Promise<void> }> {
  const server = await startTestServer(opts);
  const browser = await launchBrowser().catch(async (err: unknown) => {
    await server.stop();
    throw err;
  });
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.stop();
    },
  };
}

let serial = 0;

/** A valid, unique resident ID number (渝中区, born 1990) and mobile number for a new volunteer. */
export function uniquePerson(birthMonth = '199001'): { idNumber: string; phone: string } {
  serial += 1;
  const seq = String((e2eNow() + serial) % 1000).padStart(3, '0');
  const first17 = `500103${birthMonth}${String((serial % 28) + 1).padStart(2, '0')}${seq}`;
  const phone = `139${String(e2eNow() + serial).slice(-8)}`;
  return { idNumber: first17 + residentIdCheckDigit(first17), phone };
}

/**
 * A person who is `age` today and for weeks to come (born in the month about four months
 * back, that many years earlier), from the test clock: a minor stays one on any date.
 */
export function personAged(age: number): { idNumber: string; phone: string } {
  const back = new Date(e2eNow() - 120 * 86_400_000);
  const month = String(back.getUTCMonth() + 1).padStart(2, '0');
  return uniquePerson(`${back.getUTCFullYear() - age}${month}`);
}
