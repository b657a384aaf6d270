import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeOrganisationTree, type BearerClient } from '../../../../test/activity-factories.js';
import { testNow } from '../../../../test/clock.js';
import { makeAdmin, makeVolunteer, REGIONS, type MadeVolunteer } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { localDate } from '../../../common/zoned-time.js';

interface Entry {
  id: string;
  action: string;
  actorUserId: string | null;
  actorName: string | null;
  entityType: string;
  entityId: string;
  regionCode: string | null;
}

describe.each(DIALECTS)('reading the audit log on %s', (dialect) => {
  let t: TestApp;
  let person: MadeVolunteer;
  const admins = {} as Record<'yuzhong' | 'shapingba' | 'system', { id: string; client: BearerClient }>;

  const audit = async (c: BearerClient, q = '') => c.get(`/api/v1/audit${q ? `?${q}` : ''}`);
  const entries = async (c: BearerClient, q = '') => (await audit(c, q)).json().items as Entry[];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await makeOrganisationTree(t.app);
    person = await makeVolunteer(t.app, { regionCode: REGIONS.jiefangbei });
    const admin = async (role: 'region_admin' | 'system_admin', scopeId: string) => {
      const u = await makeAdmin(t.tdb.db, role, scopeId, { displayName: `${scopeId} 管理员` });
      return { id: u.id, client: await clientFor(t.app, u.id) };
    };
    admins.yuzhong = await admin('region_admin', REGIONS.yuzhong);
    admins.shapingba = await admin('region_admin', REGIONS.shapingba);
    admins.system = await admin('system_admin', 'system');
    // The 渝中 admin reads the person's profile, records, points and qualifications.
    const c = admins.yuzhong.client;
    for (const path of ['', '/points', '/qualifications']) {
      expect((await c.get(`/api/v1/volunteers/${person.id}${path}`)).statusCode).toBe(200);
    }
    expect((await c.get(`/api/v1/records?volunteerId=${person.id}`)).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it("writes every admin read of another person's data, and shows it to the admins over the region", async () => {
    const about = `entityType=volunteer&entityId=${person.id}`;
    // Her own registration is there too; what the admin did is filtered by actor.
    expect((await entries(admins.yuzhong.client, about)).map((e) => e.action)).toContain('volunteer.register');
    const mine = await entries(admins.yuzhong.client, `${about}&actorUserId=${admins.yuzhong.id}`);
    expect(mine.map((e) => e.action).sort()).toEqual([
      'volunteer.points_read',
      'volunteer.qualifications_read',
      'volunteer.read',
      'volunteer.records_read',
    ]);
    for (const e of mine) {
      expect(e).toMatchObject({
        actorUserId: admins.yuzhong.id,
        actorName: `${REGIONS.yuzhong} 管理员`,
        regionCode: REGIONS.jiefangbei,
      });
    }
    expect(await entries(admins.system.client, `${about}&actorUserId=${admins.yuzhong.id}`)).toHaveLength(4);
    // 沙坪坝's admin has no duty over 解放碑: nothing of it, and no way to ask for it.
    expect(await entries(admins.shapingba.client, `entityType=volunteer&entityId=${person.id}`)).toEqual([]);
    expect((await audit(admins.shapingba.client, `regionCode=${REGIONS.yuzhong}`)).statusCode).toBe(403);
  });

  it('filters by action, actor and days, pages newest first, and holds no personal data', async () => {
    const c = admins.yuzhong.client;
    const points = await entries(c, 'action=volunteer.points_read');
    expect(points.map((e) => e.entityId)).toEqual([person.id]);
    const byActor = await entries(c, `actorUserId=${admins.yuzhong.id}&limit=200`);
    expect(byActor.length).toBeGreaterThanOrEqual(4);
    const today = localDate(testNow(), 'Asia/Shanghai');
    expect(await entries(c, `action=volunteer.read&from=${today}&to=${today}`)).toHaveLength(1);
    expect(await entries(c, `action=volunteer.read&to=2020-01-01`)).toEqual([]);

    const first = (
      await audit(c, `entityType=volunteer&entityId=${person.id}&actorUserId=${admins.yuzhong.id}&limit=3`)
    ).json();
    expect(first.items).toHaveLength(3);
    const rest = (
      await audit(
        c,
        `entityType=volunteer&entityId=${person.id}&actorUserId=${admins.yuzhong.id}&limit=3&cursor=${first.nextCursor}`,
      )
    ).json();
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    const ids = [...first.items, ...rest.items].map((e: Entry) => e.id);
    expect(ids).toEqual([...ids].sort().reverse());

    const raw = (await audit(admins.system.client, 'limit=200')).body;
    for (const secret of [person.idNumber, person.phone, person.idNumber.slice(6, 14)])
      expect(raw).not.toContain(secret);
  });

  it('follows the access checklist and refuses bad filters naming them', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(401);
    const self = await clientFor(t.app, person.userId);
    expect((await audit(self)).statusCode).toBe(403);
    const c = admins.yuzhong.client;
    const cases: [string, number, string][] = [
      ['from=2026-13-01', 400, 'from'],
      ['from=2026-12-02&to=2026-12-01', 400, 'to'],
      ['entityId=x', 400, 'entityType'],
      ['regionCode=999999', 404, 'regionCode'],
      ['cursor=not-a-cursor', 400, 'cursor'],
      ['limit=0', 400, 'limit'],
      ['colour=red', 400, 'colour'],
    ];
    for (const [q, status, field] of cases) {
      const res = await audit(c, q);
      expect(res.statusCode, q).toBe(status);
      expect(res.json().error.message, q).toContain(field);
    }
  });
});
