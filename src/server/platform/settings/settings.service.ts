import { DEFAULT_SETTINGS, type PlatformSettings } from '../../../common/settings.js';
import type { Db } from '../../db/database.js';
import * as repo from './settings.repository.js';

/** The platform settings: stored values over the defaults. */
export async function getSettings(db: Db): Promise<PlatformSettings> {
  const stored = await repo.allSettings(db);
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const { key, value } of stored) {
    if (key in DEFAULT_SETTINGS) merged[key] = JSON.parse(value) as unknown;
  }
  return merged as unknown as PlatformSettings;
}

export async function setSetting<K extends keyof PlatformSettings>(
  db: Db,
  key: K,
  value: PlatformSettings[K],
): Promise<void> {
  await repo.putSetting(db, key, JSON.stringify(value));
}
