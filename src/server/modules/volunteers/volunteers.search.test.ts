import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeRegions,
  makeUser,
  makeVolunteer,
  PASSWORD,
  REGIONS,
  type MadeVolunteer,
} from '../../../../test/factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { Client, createTestApp, type TestApp } from '../../../../test/test-app.js';
import { auditOf } from '../../platform/audit/audit.repository.js';

interface Page {
  items: { id: string; name: string; phone: string | null; idNumber: string }[];
  nextCursor: string | null;
}

describe.each(DIALECTS)('searching volunteers on %s', (dialect) => {
  let t: TestApp;
  let chunhua: MadeVolunteer; // 李春花 in 解放碑, under 渝中
  let chunming: MadeVolunteer; // 李春明 in 渝中
  let wangli: MadeVolunteer; // 王李 in 渝中: 李 inside the name, not at its start
  let far: MadeVolunteer; // 李春生 in 小龙坎, under 沙坪坝
  let yuzhong: Client;
  let shapingba: Client;
  let system: Client;
  let resident: Client;
  let anon: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const db = t.tdb.db;
    await makeRegions(db);
    chunhua = await makeVolunteer(t.app, { name: '李春花', regionCode: REGIONS.jiefangbei });
    chunming = await makeVolunteer(t.app, { name: '李春明', regionCode: REGIONS.yuzhong });
    wangli = await makeVolunteer(t.app, { name: '王李', regionCode: REGIONS.yuzhong });
    far = await makeVolunteer(t.app, { name: '李春生', regionCode: REGIONS.xiaolongkan });
    const login = async (role: 'region_admin' | 'system_admin' | 'resident', scopeId: string) => {
      const scopeType = role === 'region_admin' ? 'region' : 'system';
      const u = await makeUser(db, { roles: [{ role, scopeType, scopeId }] });
      return new Client(t.app).login(u.username, PASSWORD);
    };
    yuzhong = await login('region_admin', REGIONS.yuzhong);
    shapingba = await login('region_admin', REGIONS.shapingba);
    system = await login('system_admin', 'system');
    resident = await login('resident', 'system');
    anon = new Client(t.app);
  });
  afterAll(() => t.close());

  const byQ = (c: Client, q: string, region: string = REGIONS.yuzhong) =>
    c.get(`/api/v1/volunteers?regionCode=${region}&q=${encodeURIComponent(q)}`);
  const search = (c: Client, body: Record<string, unknown>) => c.post('/api/v1/volunteers/search', body);
  const names = (res: { json: () => unknown }) => (res.json() as Page).items.map((v) => v.name).sort();

  describe('access', () => {
    it('answers 401 to the anonymous', async () => {
      expect((await byQ(anon, '李')).statusCode).toBe(401);
      const res = await search(anon, { regionCode: REGIONS.yuzhong, phone: chunhua.phone });
      expect(res.statusCode).toBe(401);
    });

    it('answers 403 to volunteers, residents and the admin of another district', async () => {
      const self = await new Client(t.app).login(chunhua.phone, PASSWORD);
      for (const c of [self, resident, shapingba]) {
        expect((await byQ(c, '李')).statusCode).toBe(403);
        expect((await search(c, { regionCode: REGIONS.yuzhong, phone: chunhua.phone })).statusCode).toBe(403);
      }
    });

    it('finds no one outside the searching admin’s region, even by their exact phone or code', async () => {
      const phone = await search(yuzhong, { regionCode: REGIONS.yuzhong, phone: far.phone });
      expect(phone.statusCode).toBe(200);
      expect(phone.json()).toEqual({ items: [], nextCursor: null });
      expect(names(await byQ(yuzhong, far.volunteerCode))).toEqual([]);
      expect(names(await byQ(shapingba, '李', REGIONS.shapingba))).toEqual(['李春生']);
    });
  });

  describe('by name prefix or volunteer code', () => {
    it('matches names that start with q, within the region and below it', async () => {
      expect(names(await byQ(yuzhong, '李春'))).toEqual(['李春明', '李春花']);
      expect(names(await byQ(yuzhong, '李'))).toEqual(['李春明', '李春花']);
      expect(names(await byQ(yuzhong, '王'))).toEqual(['王李']);
      expect(names(await byQ(yuzhong, '春'))).toEqual([]);
      expect(names(await byQ(system, '李春', REGIONS.city))).toEqual(['李春明', '李春生', '李春花']);
      const all = await system.get(`/api/v1/volunteers?q=${encodeURIComponent('李春')}`);
      expect(names(all)).toEqual(['李春明', '李春生', '李春花']);
      // In name order (code point order, as the name index keeps them), not the order of registration.
      const inOrder = (await byQ(system, '李', REGIONS.city)).json() as Page;
      expect(inOrder.items.map((v) => v.name)).toEqual(['李春明', '李春生', '李春花']);
    });

    it('matches a whole volunteer code, in either case, and no part of one', async () => {
      expect(names(await byQ(yuzhong, chunming.volunteerCode))).toEqual(['李春明']);
      expect(names(await byQ(yuzhong, chunming.volunteerCode.toLowerCase()))).toEqual(['李春明']);
      expect(names(await byQ(yuzhong, chunming.volunteerCode.slice(0, 6)))).toEqual([]);
      const body = await search(yuzhong, { regionCode: REGIONS.yuzhong, q: wangli.volunteerCode });
      expect(names(body)).toEqual(['王李']);
    });

    it('treats LIKE wildcards as nothing to match', async () => {
      expect(names(await byQ(yuzhong, '%'))).toEqual([]);
      expect(names(await byQ(yuzhong, '_春'))).toEqual([]);
    });

    it('pages a search with its cursor, masked', async () => {
      const first = await byQ(yuzhong, '李');
      const one = await yuzhong.get(
        `/api/v1/volunteers?regionCode=${REGIONS.yuzhong}&q=${encodeURIComponent('李')}&limit=1`,
      );
      const p1 = one.json() as Page;
      expect(p1.items).toHaveLength(1);
      expect(p1.nextCursor).not.toBeNull();
      const p2 = (
        await search(yuzhong, { regionCode: REGIONS.yuzhong, q: '李', limit: 1, cursor: p1.nextCursor })
      ).json() as Page;
      expect(p2.items).toHaveLength(1);
      expect([...p1.items, ...p2.items].map((v) => v.id)).toEqual((first.json() as Page).items.map((v) => v.id));
      for (const v of p1.items) {
        expect(v.idNumber).toMatch(/^5\*{16}[\dX]$/);
        expect(v.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
      }
    });
  });

  describe('by phone', () => {
    it('finds the volunteer with exactly that phone, through its keyed hash', async () => {
      const res = await search(yuzhong, { regionCode: REGIONS.yuzhong, phone: chunhua.phone });
      expect(res.statusCode).toBe(200);
      expect((res.json() as Page).items.map((v) => v.id)).toEqual([chunhua.id]);
      const other = `${chunhua.phone.slice(0, 10)}${(Number(chunhua.phone.slice(-1)) + 1) % 10}`;
      expect(names(await search(yuzhong, { regionCode: REGIONS.yuzhong, phone: other }))).toEqual([]);
      expect(names(await search(system, { phone: far.phone }))).toEqual(['李春生']);
    });

    it('never writes the phone to the log, the audit trail or an answer', async () => {
      const before = t.logs.text().length;
      const found = await search(yuzhong, { regionCode: REGIONS.yuzhong, phone: chunming.phone });
      const inUrl = await byQ(yuzhong, chunming.phone);
      const bad = await search(yuzhong, { regionCode: REGIONS.yuzhong, phone: `${chunming.phone}0` });
      expect(found.statusCode).toBe(200);
      expect(inUrl.statusCode).toBe(400);
      expect(bad.statusCode).toBe(400);
      const logged = t.logs.text().slice(before);
      expect(logged).toContain('/api/v1/volunteers/search');
      for (const text of [logged, found.body, inUrl.body, bad.body]) {
        expect(text).not.toContain(chunming.phone);
        expect(text).not.toContain(chunming.phone.slice(-8));
      }
      const audit = await auditOf(t.tdb.db, 'region', REGIONS.yuzhong);
      const last = audit.filter((e) => e.action === 'volunteer.list').at(-1);
      expect(JSON.parse(last?.details ?? '{}')).toEqual({ count: 1, search: 'phone' });
      expect(audit.map((e) => e.details ?? '').join()).not.toContain(chunming.phone);
    });
  });

  it('audits every page read with the kind of search, not its words', async () => {
    const count = async () =>
      (await auditOf(t.tdb.db, 'region', REGIONS.yuzhong)).filter((e) => e.action === 'volunteer.list').length;
    const n = await count();
    await byQ(yuzhong, '李春');
    await search(yuzhong, { regionCode: REGIONS.yuzhong });
    const audit = (await auditOf(t.tdb.db, 'region', REGIONS.yuzhong)).slice(-2);
    expect(await count()).toBe(n + 2);
    expect(audit.map((e) => JSON.parse(e.details ?? '{}'))).toEqual([
      { count: 2, search: 'name_or_code' },
      { count: 3 },
    ]);
    expect(audit.map((e) => e.details).join()).not.toContain('李春');
  });

  describe('bad input', () => {
    it.each([
      ['a phone in q', () => `q=13912345678`, 'phone'],
      ['an empty q', () => 'q=', 'q'],
      ['a long q', () => `q=${'李'.repeat(51)}`, 'q'],
      ['a phone parameter', () => 'phone=13912345678', 'phone'],
    ])('refuses %s in the URL with 400 naming the field', async (_, query, words) => {
      const res = await yuzhong.get(`/api/v1/volunteers?regionCode=${REGIONS.yuzhong}&${encodeURI(query())}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain(words);
      expect(res.body).not.toContain('13912345678');
    });

    it.each([
      [{ phone: '12345' }, 'phone'],
      [{ phone: 13912345678 }, 'phone'],
      [{ q: '李', phone: '13912345678' }, 'not both'],
      [{ q: '' }, 'q'],
      [{ limit: 201 }, 'limit'],
      [{ limit: '5' }, 'limit'],
      [{ cursor: 'not-a-cursor' }, 'cursor'],
      [{ name: '李' }, 'name'],
    ])('refuses the body %j with 400 naming the field', async (body, words) => {
      const res = await search(yuzhong, { regionCode: REGIONS.yuzhong, ...body });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain(words);
      expect(res.body).not.toContain('13912345678');
    });

    it('asks a region admin to name a region, and answers 404 for one that does not exist', async () => {
      const none = await search(yuzhong, { q: '李' });
      expect(none.statusCode).toBe(400);
      expect(none.json().error.message).toContain('regionCode');
      expect((await search(system, { regionCode: '999999', q: '李' })).statusCode).toBe(404);
    });

    // Found by the API fuzz (test/fuzz): the search's refusals named the query string it has none of.
    it('names the body, where the search sent them, in its refusals of the region, organisation and cursor', async () => {
      const fieldOf = async (body: Record<string, unknown>) => (await search(yuzhong, body)).json().error.details.field;
      expect(await fieldOf({ q: '李' })).toBe('body.regionCode');
      expect(await fieldOf({ regionCode: REGIONS.yuzhong, organisationId: chunhua.id })).toBe('body.organisationId');
      expect(await fieldOf({ regionCode: REGIONS.yuzhong, cursor: 'e30' })).toBe('body.cursor');
      const inUrl = await yuzhong.get(`/api/v1/volunteers?regionCode=${REGIONS.yuzhong}&organisationId=${chunhua.id}`);
      expect(inUrl.json().error.details.field).toBe('querystring.organisationId');
    });
  });
});
