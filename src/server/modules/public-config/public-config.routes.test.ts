import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublicConfigSchema } from '../../../common/contract/public-config.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import type { App } from '../../context.js';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../../../../test/test-db.js';
import { TEST_SECRET } from '../../../../test/test-app.js';
import { setSetting } from '../../platform/settings/settings.service.js';

const TILES = 'https://tiles.example.org/{z}/{x}/{y}.png';

describe.each(DIALECTS)('GET /config on %s', (dialect) => {
  let tdb: TestDatabase;
  const apps: App[] = [];
  const appWith = async (env: Record<string, string>) => {
    const config = loadConfig({ ...env, LOG_LEVEL: 'silent' }, { databaseUrl: tdb.url, secret: TEST_SECRET });
    const app = await buildApp(config, tdb);
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await tdb.drop();
  });

  it('answers anyone with no tile server by default, the time zone and the languages', async () => {
    const app = await appWith({});
    const res = await app.inject({ method: 'GET', url: '/api/v1/config' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      map: { tileUrl: null, attribution: null },
      timeZone: 'Asia/Shanghai',
      locales: ['zh-CN', 'en'],
      guardian: { age: 18, registrationAge: 14 },
    });
    expect(PublicConfigSchema.safeParse(res.json()).success).toBe(true);
  });

  it('names the configured tile server, its attribution and the stored time zone', async () => {
    await setSetting(tdb.db, 'timeZone', 'Asia/Urumqi');
    const app = await appWith({ SHANMEI_MAP_TILES: TILES, SHANMEI_MAP_ATTRIBUTION: ' © 天地图 ' });
    const res = await app.inject({ method: 'GET', url: '/api/v1/config' });
    expect(res.json()).toMatchObject({
      map: { tileUrl: TILES, attribution: '© 天地图' },
      timeZone: 'Asia/Urumqi',
    });
  });
});
