import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JIEFANGBEI, makeActivity, makeOrganisationTree, shiftAt } from '../../../../test/activity-factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { testNow } from '../../../../test/clock.js';

// 三峡广场 (沙坪坝), about 12 km west of 解放碑.
const SANXIA = { lat: 29.5566, lng: 106.4567 };
const get = (t: TestApp, url: string) => t.app.inject({ method: 'GET', url });

describe.each(DIALECTS)('activity search on %s', (dialect) => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const tree = await makeOrganisationTree(t.app);
    const make = async (name: string, over: Parameters<typeof makeActivity>[1]) => {
      ids[name] = (await makeActivity(t.app, { orgId: tree.teamId, title: name, ...over })).id;
    };
    await make('near0', { lat: JIEFANGBEI.lat + 0.001, lng: JIEFANGBEI.lng, shifts: [shiftAt(24)] });
    await make('near1', { lat: JIEFANGBEI.lat + 0.005, lng: JIEFANGBEI.lng, field: 'elderly', shifts: [shiftAt(48)] });
    await make('near2', { lat: JIEFANGBEI.lat + 0.01, lng: JIEFANGBEI.lng, shifts: [shiftAt(72)] });
    await make('near3', { lat: JIEFANGBEI.lat + 0.02, lng: JIEFANGBEI.lng, shifts: [shiftAt(24 * 10)] });
    await make('far', { ...SANXIA, shifts: [shiftAt(36)] });
    await make('past', { lat: JIEFANGBEI.lat, lng: JIEFANGBEI.lng, shifts: [shiftAt(-48)] });
    await make('draft', { status: 'draft', shifts: [shiftAt(24)] });
    const cancelled = await makeActivity(t.app, { orgId: tree.teamId, title: 'cancelled' });
    await t.tdb.db.updateTable('activities').set({ status: 'cancelled' }).where('id', '=', cancelled.id).execute();
  });
  afterAll(() => t.close());

  const titles = (body: { items: { title: string }[] }) => body.items.map((i) => i.title);

  it('ranks published activities by great-circle distance, nearest first, page by page', async () => {
    const near = `near=${JIEFANGBEI.lat},${JIEFANGBEI.lng}`;
    const p1 = (await get(t, `/api/v1/activities?${near}&radiusKm=5&limit=2`)).json();
    expect(titles(p1)).toEqual(['near0', 'near1']);
    expect(p1.items[0].distanceM).toBeLessThan(p1.items[1].distanceM);
    const p2 = (await get(t, `/api/v1/activities?${near}&radiusKm=5&limit=2&cursor=${p1.nextCursor}`)).json();
    expect(titles(p2)).toEqual(['near2', 'near3']);
    expect(p2.nextCursor).toBeNull();
    const wide = (await get(t, `/api/v1/activities?${near}&radiusKm=30&limit=200`)).json();
    expect(titles(wide)).toEqual(['near0', 'near1', 'near2', 'near3', 'far']);
    const bad = await get(t, '/api/v1/activities?near=somewhere');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('near');
  });

  it('lists what can still be joined unless a time window is asked for', async () => {
    const near = `near=${JIEFANGBEI.lat},${JIEFANGBEI.lng}&radiusKm=5`;
    expect(titles((await get(t, `/api/v1/activities?${near}`)).json())).not.toContain('past');
    const from = encodeURIComponent(new Date(testNow() - 72 * 3_600_000).toISOString());
    expect(titles((await get(t, `/api/v1/activities?from=${from}&limit=200`)).json())[0]).toBe('past');
  });

  it('filters by field and by shift time, soonest first, with cursor pagination', async () => {
    expect(titles((await get(t, '/api/v1/activities?field=elderly')).json())).toEqual(['near1']);
    const all = (await get(t, '/api/v1/activities?limit=200')).json();
    expect(titles(all)).toEqual(['near0', 'far', 'near1', 'near2', 'near3']);
    const from = encodeURIComponent(new Date(testNow() + 30 * 3_600_000).toISOString());
    const to = encodeURIComponent(new Date(testNow() + 80 * 3_600_000).toISOString());
    expect(titles((await get(t, `/api/v1/activities?from=${from}&to=${to}`)).json())).toEqual([
      'far',
      'near1',
      'near2',
    ]);
    const seen: string[] = [];
    let cursor = '';
    for (let i = 0; i < 5; i++) {
      const page = (await get(t, `/api/v1/activities?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      seen.push(...titles(page));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(titles(all));
    expect((await get(t, '/api/v1/activities?limit=201')).statusCode).toBe(400);
    expect((await get(t, '/api/v1/activities?from=yesterday')).statusCode).toBe(400);
  });
});
