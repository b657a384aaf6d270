import { DEFAULT_SETTINGS, type PlatformSettings } from '../../../common/settings.js';
import type { Db } from '../../db/database.js';
import * as repo from './settings.repository.js';

/**
 * How long a process may answer from its copy of the settings. A change made in this process
 * clears the copy at once; another process (`serve --workers N`) sees it within this time.
 */
export const SETTINGS_TTL_MS = 5_000;

let cached: { settings: PlatformSettings; at: number; db: Db } | null = null;

async function readSettings(db: Db): Promise<PlatformSettings> {
  const stored = await repo.allSettings(db);
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const { key, value } of stored) {
    if (key in DEFAULT_SETTINGS) merged[key] = JSON.parse(value) as unknown;
  }
  return merged as unknown as PlatformSettings;
}

/**
 * The platform settings: stored values over the defaults. Read on nearly every request, so a
 * copy is kept for SETTINGS_TTL_MS per database handle; inside a transaction they are read
 * afresh (the transaction may have changed them).
 */
export async function getSettings(db: Db): Promise<PlatformSettings> {
  if (db.isTransaction) return readSettings(db);
  const now = performance.now();
  if (cached && cached.db === db && now - cached.at < SETTINGS_TTL_MS) return cached.settings;
  const settings = await readSettings(db);
  cached = { settings, at: now, db };
  return settings;
}

export async function setSetting<K extends keyof PlatformSettings>(
  db: Db,
  key: K,
  value: PlatformSettings[K],
): Promise<void> {
  cached = null;
  await repo.putSetting(db, key, JSON.stringify(value));
  cached = null;
}
