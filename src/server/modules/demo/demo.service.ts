import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';

/** Loads the Chongqing demo when the database holds no regions yet. (Filled in by the demo work.) */
export async function loadDemoIfEmpty(database: Database, config: Config): Promise<void> {
  void database;
  void config;
}
