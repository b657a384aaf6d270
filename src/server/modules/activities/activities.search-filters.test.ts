import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  JIEFANGBEI,
  makeActivity,
  makeOrganisationTree,
  makeSignup,
  shiftAt,
} from '../../../../test/activity-factories.js';
import { freezeClock, testNow } from '../../../../test/clock.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';

const HOUR = 3_600_000;
const get = (t: TestApp, url: string) => t.app.inject({ method: 'GET', url });
const search = async (t: TestApp, query: string) => {
  const res = await get(t, `/api/v1/activities?limit=200&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { title: string; placesLeft: number }[] };
};
const titles = (body: { items: { title: string }[] }) => body.items.map((i) => i.title).sort();

describe.each(DIALECTS)('activity search by keyword and free places on %s', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const tree = await makeOrganisationTree(t.app);
    const make = (title: string, over: Parameters<typeof makeActivity>[1] = {}) =>
      makeActivity(t.app, { orgId: tree.teamId, title, address: '渝中区解放碑步行街', description: '', ...over });
    const full = await make('River Walk 长江岸线', { shifts: [shiftAt(24, 2, { capacity: 2 })] });
    await makeSignup(t.app, { shiftId: full.shiftIds[0] as string });
    await makeSignup(t.app, { shiftId: full.shiftIds[0] as string });
    const lecture = await make('普法讲座', {
      description: 'Safety first: 100%_safe 用电',
      shifts: [shiftAt(30, 2, { capacity: 5 })],
    });
    await makeSignup(t.app, { shiftId: lecture.shiftIds[0] as string });
    // Sign-up closed a minute ago, though the shift is still to come.
    await make('截止报名', {
      shifts: [shiftAt(40, 2, { capacity: 10, signupDeadline: new Date(testNow() - 60_000).toISOString() })],
    });
    const two = await make('两个班次', {
      address: '沙坪坝区磁器口古镇',
      shifts: [shiftAt(50, 2, { capacity: 3 }), shiftAt(74, 2, { capacity: 2 }), shiftAt(98, 2, { capacity: 4 })],
    });
    await t.tdb.db
      .updateTable('shifts')
      .set({ status: 'cancelled' })
      .where('id', '=', two.shiftIds[2] as string)
      .execute();
    await makeActivity(t.app, {
      orgId: tree.otherTeamId,
      title: '江边植树',
      address: '渝中区朝天门',
      shifts: [shiftAt(60, 2, { capacity: 1, signupDeadline: new Date(testNow() + 3 * HOUR).toISOString() })],
    });
  });
  afterAll(() => t.close());

  it('shows the places left on each card: free places over shifts that still take sign-ups', async () => {
    const places = Object.fromEntries((await search(t, '')).items.map((i) => [i.title, i.placesLeft]));
    expect(places).toEqual({ 'River Walk 长江岸线': 0, 普法讲座: 4, 截止报名: 0, 两个班次: 5, 江边植树: 1 });
    const one = await search(t, `near=${JIEFANGBEI.lat},${JIEFANGBEI.lng}&radiusKm=30&q=${encodeURIComponent('讲座')}`);
    expect(one.items).toMatchObject([{ title: '普法讲座', placesLeft: 4 }]);
  });

  it('finds every keyword in the title, description, address or organisation name, in any case', async () => {
    const q = async (words: string) => titles(await search(t, `q=${encodeURIComponent(words)}`));
    expect(await q('river')).toEqual(['River Walk 长江岸线']);
    expect(await q('  SAFETY  ')).toEqual(['普法讲座']);
    expect(await q('磁器口')).toEqual(['两个班次']);
    expect(await q('沙坪坝区生态')).toEqual(['江边植树']);
    expect(await q('walk 长江')).toEqual(['River Walk 长江岸线']);
    expect(await q('walk 讲座')).toEqual([]);
    expect(await q('')).toHaveLength(5);
  });

  it('takes % and _ literally', async () => {
    const q = async (words: string) => titles(await search(t, `q=${encodeURIComponent(words)}`));
    expect(await q('%')).toEqual(['普法讲座']);
    expect(await q('_')).toEqual(['普法讲座']);
    expect(await q('0%_s')).toEqual(['普法讲座']);
    expect(await q('!')).toEqual([]);
    expect(await q('100%x')).toEqual([]);
  });

  it('lists only activities with a place left and sign-up open, by the clock', async () => {
    expect(titles(await search(t, 'hasPlaces=true'))).toEqual(['两个班次', '普法讲座', '江边植树']);
    expect(titles(await search(t, 'hasPlaces=false'))).toHaveLength(5);
    expect(titles(await search(t, `hasPlaces=true&q=${encodeURIComponent('长江')}`))).toEqual([]);
    const clock = freezeClock(testNow());
    try {
      // 江边植树 stops taking sign-ups three hours from now.
      clock.advance(4 * HOUR);
      expect(titles(await search(t, 'hasPlaces=true'))).toEqual(['两个班次', '普法讲座']);
      const places = Object.fromEntries((await search(t, '')).items.map((i) => [i.title, i.placesLeft]));
      expect(places['江边植树']).toBe(0);
    } finally {
      clock.restore();
    }
  });

  it('refuses a bad query with the field named and lists nothing', async () => {
    const refused = async (query: string, field: string) => {
      const res = await get(t, `/api/v1/activities?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.details.field).toBe(field);
      expect(res.json().error.message).toContain(field);
    };
    await refused(`q=${'长'.repeat(61)}`, 'querystring.q');
    await refused(`q=${encodeURIComponent('a b c d e f')}`, 'query.q');
    await refused('hasPlaces=yes', 'querystring.hasPlaces');
    await refused('q=a&q=b', 'querystring.q');
  });
});
