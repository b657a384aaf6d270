import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { seedProvince } from '../regions/regions.seed.js';
import { databaseHoldsOrganisations } from './demo.repository.js';

export { databaseHoldsOrganisations };

/** What the demo loaded, and the logins to print. */
export interface DemoSummary {
  regions: number;
  logins: { login: string; role: string; scope: string }[];
  millis: number;
}

/** Loads the Chongqing demo. (Regions only, for now; the rest follows.) */
export async function loadDemo(database: Database, config: Config): Promise<DemoSummary> {
  void config;
  const started = Date.now();
  const regions = await database.db.transaction().execute((trx) => seedProvince(trx, '500000'));
  return { regions, logins: [], millis: Date.now() - started };
}

/** Prints the demo logins; the admin line only when its password is known. */
export function printDemoLogins(summary: DemoSummary, adminPassword: string | undefined): void {
  if (adminPassword) console.log(`  admin / ${adminPassword}`);
  for (const l of summary.logins) console.log(`  ${l.login} (${l.role}, ${l.scope})`);
}

/** Loads the Chongqing demo when the database holds no organisations yet. */
export async function loadDemoIfEmpty(database: Database, config: Config): Promise<void> {
  if (await databaseHoldsOrganisations(database.db)) return;
  printDemoLogins(await loadDemo(database, config), config.adminPassword);
}
