import { isoIn } from '../../../../test/clock.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makePhone,
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
import { insertMembership } from '../organisations/memberships.repository.js';
import { insertOrganisation } from '../organisations/organisations.repository.js';

describe.each(DIALECTS)('volunteer access on %s', (dialect) => {
  let t: TestApp;
  let a: MadeVolunteer; // in 解放碑, under 渝中
  let b: MadeVolunteer; // in 小龙坎, under 沙坪坝
  const admins: Record<'yuzhong' | 'shapingba' | 'city' | 'system' | 'resident', Client> = {} as never;
  let anon: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const db = t.tdb.db;
    await makeRegions(db);
    a = await makeVolunteer(t.app, { regionCode: REGIONS.jiefangbei, skills: ['急救'] });
    b = await makeVolunteer(t.app, { regionCode: REGIONS.xiaolongkan });
    for (let i = 0; i < 3; i++) await makeVolunteer(t.app, { regionCode: REGIONS.yuzhong });
    const users = {
      yuzhong: await makeUser(db, { roles: [{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.yuzhong }] }),
      shapingba: await makeUser(db, {
        roles: [{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.shapingba }],
      }),
      city: await makeUser(db, { roles: [{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.city }] }),
      system: await makeUser(db, { roles: [{ role: 'system_admin', scopeType: 'system', scopeId: 'system' }] }),
      resident: await makeUser(db, { roles: [{ role: 'resident', scopeType: 'system', scopeId: 'system' }] }),
    };
    for (const [k, u] of Object.entries(users)) {
      admins[k as keyof typeof admins] = await new Client(t.app).login(u.username, PASSWORD);
    }
    anon = new Client(t.app);
  });
  afterAll(() => t.close());

  /** A code for a phone change, asked for by the logged-in volunteer and read from the SMS file. */
  const phoneCode = async (c: Client, phone: string) => {
    const before = t.sms.to(phone).length;
    expect((await c.request('POST', '/api/v1/verification-codes', { phone, purpose: 'phone_change' })).statusCode).toBe(
      202,
    );
    return t.sms.to(phone).length > before ? t.sms.lastCode(phone) : null;
  };

  const as = (v: MadeVolunteer) => new Client(t.app).login(v.phone, PASSWORD);
  const reads = async (id: string) =>
    (await auditOf(t.tdb.db, 'volunteer', id)).filter((e) => e.action === 'volunteer.read');
  /** A logged-in team admin of a new team in `regionCode`, with `memberId` as its member. */
  const teamAdminOf = async (regionCode: string, memberId: string | null): Promise<Client> => {
    const db = t.tdb.db;
    const fields = ['elderly'];
    const team = await insertOrganisation(db, {
      name: '测试队',
      kind: 'team',
      level: 'community',
      regionCode,
      parentId: null,
      departmentId: null,
      fields,
    });
    if (memberId) {
      await insertMembership(db, {
        organisationId: team,
        volunteerId: memberId,
        role: 'member',
        status: 'active',
        at: isoIn(0),
      });
    }
    const u = await makeUser(db, { roles: [{ role: 'team_admin', scopeType: 'organisation', scopeId: team }] });
    return new Client(t.app).login(u.username, PASSWORD);
  };
  const patch = (c: Client, id: string, body: unknown) => c.request('PATCH', `/api/v1/volunteers/${id}`, body);

  describe('GET /volunteers/:id', () => {
    it('answers 401 to the anonymous', async () => {
      const res = await anon.get(`/api/v1/volunteers/${a.id}`);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    });

    it('answers 404 to those out of scope, exactly as for an id that does not exist', async () => {
      const missing = await admins.shapingba.get('/api/v1/volunteers/01a00000-0000-7000-8000-000000000000');
      const other = await admins.shapingba.get(`/api/v1/volunteers/${a.id}`);
      const peer = await (await as(b)).get(`/api/v1/volunteers/${a.id}`);
      const resident = await admins.resident.get(`/api/v1/volunteers/${a.id}`);
      for (const res of [other, peer, resident]) {
        expect(res.statusCode).toBe(404);
        expect(res.json()).toEqual(missing.json());
      }
      expect(await reads(a.id)).toEqual([]);
    });

    it('shows a member to the admin of their team, wherever the team is, and no one to other teams', async () => {
      const v = await makeVolunteer(t.app, { regionCode: REGIONS.jiefangbei });
      const own = await teamAdminOf(REGIONS.shapingba, v.id);
      const other = await teamAdminOf(REGIONS.jiefangbei, null);
      expect((await own.get(`/api/v1/volunteers/${v.id}`)).statusCode).toBe(200);
      expect((await other.get(`/api/v1/volunteers/${v.id}`)).statusCode).toBe(404);
      expect(await reads(v.id)).toHaveLength(1);
    });

    it('shows the volunteer to themself, without an audit entry', async () => {
      const res = await (await as(a)).get(`/api/v1/volunteers/${a.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: a.id, volunteerCode: a.volunteerCode, skills: ['急救'] });
      expect(await reads(a.id)).toEqual([]);
    });

    it('shows hours and star level from the confirmed-service cache', async () => {
      const v = await makeVolunteer(t.app, { regionCode: REGIONS.yuzhong });
      await t.tdb.db
        .updateTable('volunteers')
        .set({ confirmed_minutes: 100 * 60 + 45, star_level: 1 })
        .where('id', '=', v.id)
        .execute();
      const res = await (await as(v)).get(`/api/v1/volunteers/${v.id}`);
      expect(res.json()).toMatchObject({ hours: 100.7, starLevel: 1, pointsBalance: 0 });
    });

    it('shows the volunteer to admins in scope, and audits each read', async () => {
      for (const c of [admins.yuzhong, admins.city, admins.system]) {
        const res = await c.get(`/api/v1/volunteers/${a.id}`);
        expect(res.statusCode).toBe(200);
        expect(res.json().idNumber).toBe(`5${'*'.repeat(16)}${a.idNumber.slice(-1)}`);
      }
      const entries = await reads(a.id);
      expect(entries).toHaveLength(3);
      expect(entries.every((e) => e.actor_user_id !== a.userId)).toBe(true);
    });
  });

  describe('PATCH /volunteers/:id', () => {
    it('answers 401 to the anonymous, 404 out of scope and 403 to admins who may only look', async () => {
      expect((await patch(anon, a.id, { skills: ['x'] })).statusCode).toBe(401);
      expect((await patch(await as(b), a.id, { skills: ['x'] })).statusCode).toBe(404);
      expect((await patch(admins.shapingba, a.id, { skills: ['x'] })).statusCode).toBe(404);
      const admin = await patch(admins.yuzhong, a.id, { skills: ['x'] });
      expect(admin.statusCode).toBe(403);
      expect(admin.json().error.code).toBe('FORBIDDEN');
    });

    it('lets the volunteer change phone and skills, auditing the field names only', async () => {
      const c = await as(a);
      const oldPhone = a.phone;
      const phone = makePhone();
      const noCode = await patch(c, a.id, { phone, currentPassword: PASSWORD });
      expect(noCode.statusCode).toBe(400);
      expect(noCode.json().error.details.field).toBe('body.verificationCode');
      const res = await patch(c, a.id, {
        phone,
        skills: ['急救', '手语'],
        fields: [],
        currentPassword: PASSWORD,
        verificationCode: await phoneCode(c, phone),
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ phone: `139****${phone.slice(-4)}`, skills: ['急救', '手语'], fields: [] });
      const updates = (await auditOf(t.tdb.db, 'volunteer', a.id)).filter((e) => e.action === 'volunteer.update');
      expect(updates).toHaveLength(1);
      expect(JSON.parse(updates[0]?.details ?? '{}')).toEqual({ fields: ['phone', 'skills'] });
      expect(updates[0]?.details).not.toContain(phone);
      await new Client(t.app).login(phone, PASSWORD);
      await expect(new Client(t.app).login(oldPhone, PASSWORD)).rejects.toThrow(/401/);
      a.phone = phone;
    });

    it('asks for the current password before a new phone becomes a login, counting wrong answers', async () => {
      const v = await makeVolunteer(t.app, { regionCode: REGIONS.yuzhong });
      const c = await as(v);
      const phone = makePhone();
      const missing = await patch(c, v.id, { phone });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.details.field).toBe('body.currentPassword');
      for (let i = 0; i < 5; i += 1) {
        const wrong = await patch(c, v.id, { phone, currentPassword: 'not-the-password' });
        expect(wrong.statusCode).toBe(422);
        expect(wrong.json().error).toMatchObject({
          code: 'WRONG_PASSWORD',
          details: { field: 'body.currentPassword' },
        });
        expect(wrong.body).not.toContain(phone);
      }
      const limited = await patch(c, v.id, { phone, currentPassword: PASSWORD });
      expect(limited.statusCode).toBe(429);
      await expect(new Client(t.app).login(phone, PASSWORD)).rejects.toThrow(/401/);
      // The same phone again, or no phone at all, needs no password.
      expect((await patch(c, v.id, { phone: v.phone, skills: ['摄影'] })).statusCode).toBe(200);
      expect(t.logs.text()).not.toContain(phone);
    });

    it('writes no audit entry when nothing changes', async () => {
      const c = await as(a);
      const before = (await auditOf(t.tdb.db, 'volunteer', a.id)).length;
      const res = await patch(c, a.id, { phone: a.phone, skills: ['急救', '手语'] });
      expect(res.statusCode).toBe(200);
      expect((await auditOf(t.tdb.db, 'volunteer', a.id)).length).toBe(before);
    });

    it.each([
      [{ name: '改名' }, 'name'],
      [{ idNumber: '500103199003071239' }, 'idNumber'],
      [{}, 'at least one'],
      [{ currentPassword: PASSWORD }, 'at least one'],
      [{ phone: '12345' }, 'phone'],
      [{ availability: [{ day: 8, from: '09:00', to: '10:00' }] }, 'availability'],
    ])('refuses %j with 400', async (body, words) => {
      const res = await patch(await as(a), a.id, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain(words);
    });

    it('refuses a phone another person holds (no code is sent to it), and an unknown region with 422', async () => {
      const c = await as(a);
      expect(await phoneCode(c, b.phone)).toBeNull();
      expect(t.sms.to(b.phone).at(-1)).toContain('已有账号');
      const dup = await patch(c, a.id, { phone: b.phone, currentPassword: PASSWORD, verificationCode: '000000' });
      expect(dup.statusCode).toBe(422);
      expect(dup.json().error.code).toBe('VERIFICATION_FAILED');
      expect(dup.body).not.toContain(b.phone);
      const region = await patch(c, a.id, { regionCode: '999999' });
      expect(region.statusCode).toBe(422);
      expect(region.json().error.message).toContain('regionCode');
    });

    it('moves the volunteer to another region, out of the old admin’s sight', async () => {
      const moved = await makeVolunteer(t.app, { regionCode: REGIONS.yuzhong });
      const res = await patch(await as(moved), moved.id, { regionCode: REGIONS.shapingba });
      expect(res.statusCode).toBe(200);
      expect(res.json().regionCode).toBe(REGIONS.shapingba);
      expect((await admins.yuzhong.get(`/api/v1/volunteers/${moved.id}`)).statusCode).toBe(404);
      expect((await admins.shapingba.get(`/api/v1/volunteers/${moved.id}`)).statusCode).toBe(200);
    });
  });

  describe('GET /volunteers', () => {
    const list = (c: Client, q: string) => c.get(`/api/v1/volunteers${q}`);

    it('answers 403 to team admins, who see members one by one but do not list regions', async () => {
      const teamAdmin = await teamAdminOf(REGIONS.yuzhong, null);
      expect((await list(teamAdmin, `?regionCode=${REGIONS.yuzhong}`)).statusCode).toBe(403);
    });

    it('answers 401 to the anonymous and 403 to other roles and other regions', async () => {
      expect((await list(anon, `?regionCode=${REGIONS.yuzhong}`)).statusCode).toBe(401);
      expect((await list(await as(a), `?regionCode=${REGIONS.yuzhong}`)).statusCode).toBe(403);
      expect((await list(admins.resident, `?regionCode=${REGIONS.yuzhong}`)).statusCode).toBe(403);
      expect((await list(admins.shapingba, `?regionCode=${REGIONS.yuzhong}`)).statusCode).toBe(403);
    });

    it('asks a region admin to name a region, and refuses bad paging', async () => {
      const none = await list(admins.yuzhong, '');
      expect(none.statusCode).toBe(400);
      expect(none.json().error.message).toContain('regionCode');
      expect((await list(admins.yuzhong, `?regionCode=${REGIONS.yuzhong}&limit=201`)).statusCode).toBe(400);
      expect((await list(admins.yuzhong, `?regionCode=${REGIONS.yuzhong}&limit=0`)).statusCode).toBe(400);
      expect((await list(admins.yuzhong, `?regionCode=${REGIONS.yuzhong}&sort=name`)).statusCode).toBe(400);
      expect((await list(admins.system, '?regionCode=999999')).statusCode).toBe(404);
      const junk = await list(admins.yuzhong, `?regionCode=${REGIONS.yuzhong}&cursor=not-a-cursor`);
      expect(junk.statusCode).toBe(400);
      expect(junk.json().error.message).toContain('cursor');
    });

    it('pages through the volunteers under the region in id order, masked', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const q: string = `?regionCode=${REGIONS.yuzhong}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const res = await list(admins.yuzhong, q);
        expect(res.statusCode).toBe(200);
        const page = res.json() as {
          items: { id: string; regionCode: string; idNumber: string }[];
          nextCursor: string | null;
        };
        expect(page.items.length).toBeLessThanOrEqual(2);
        for (const v of page.items) {
          expect([REGIONS.yuzhong, REGIONS.jiefangbei]).toContain(v.regionCode);
          expect(v.idNumber).toMatch(/^5\*{16}[\dX]$/);
          seen.push(v.id);
        }
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toContain(a.id);
      expect(seen).not.toContain(b.id);
      const under = await t.tdb.db
        .selectFrom('volunteers')
        .select('id')
        .where('region_code', 'in', [REGIONS.yuzhong, REGIONS.jiefangbei])
        .execute();
      expect(new Set(seen)).toEqual(new Set(under.map((r) => r.id)));
      expect(seen.length).toBeGreaterThanOrEqual(4);
      expect([...seen].sort()).toEqual(seen);
    });

    it('lets a system admin list everyone, and a city admin the whole city', async () => {
      const all = (await list(admins.system, '?limit=200')).json();
      const city = (await list(admins.city, `?regionCode=${REGIONS.city}&limit=200`)).json();
      expect(all.items.map((v: { id: string }) => v.id)).toEqual(city.items.map((v: { id: string }) => v.id));
      expect(all.items.length).toBeGreaterThanOrEqual(6);
      expect(all.nextCursor).toBeNull();
    });
  });
});
