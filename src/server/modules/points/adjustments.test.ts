import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, type BearerClient } from '../../../../test/activity-factories.js';
import { makeRegions, makeUser, makeVolunteer, REGIONS } from '../../../../test/factories.js';
import { expectLedgerReconciles, makePerson, wallet } from '../../../../test/points-fixtures.js';
import type { Person } from '../checkin/checkin.test-helpers.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { DEFAULT_SETTINGS } from '../../../common/settings.js';
import { newId } from '../../ids.js';
import { setSetting } from '../../platform/settings/settings.service.js';
import { regionSystemAccount } from './adjustments.service.js';
import { balanceOf, postTransaction, walletOf } from './ledger.js';

type Role = 'region_admin' | 'system_admin';

describe.each(DIALECTS)('point adjustments: caps, approval, regions, keys on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await makeRegions(t.tdb.db);
  });
  afterAll(() => t.close());
  afterEach(async () => {
    await setSetting(t.tdb.db, 'adjustmentMaxPoints', DEFAULT_SETTINGS.adjustmentMaxPoints);
    await setSetting(t.tdb.db, 'adjustmentApprovalPoints', DEFAULT_SETTINGS.adjustmentApprovalPoints);
    await expectLedgerReconciles(t);
  });

  const admin = async (role: Role, scopeId: string): Promise<BearerClient & { userId: string }> => {
    const scopeType = role === 'system_admin' ? 'system' : 'region';
    const u = await makeUser(t.tdb.db, { roles: [{ role, scopeType, scopeId }] });
    return Object.assign(await clientFor(t.app, u.id), { userId: u.id });
  };
  const adjustUrl = (v: Person) => `/api/v1/volunteers/${v.volunteerId}/points/adjustments`;
  const adjust = (c: BearerClient, v: Person, amount: number, key = newId(), reason = '表彰奖励') =>
    c.post(adjustUrl(v), { amount, reason, idempotencyKey: key });
  const personIn = async (regionCode: string): Promise<Person> => {
    const v = await makeVolunteer(t.app, { regionCode });
    return { volunteerId: v.id, userId: v.userId, client: await clientFor(t.app, v.userId) };
  };
  const txCount = async (key: string) =>
    (await t.tdb.db.selectFrom('point_transactions').select('id').where('idempotency_key', '=', key).execute()).length;

  it('caps one adjustment by the setting (at it: allowed; over it: 422 naming amount, nothing kept)', async () => {
    const v = await makePerson(t);
    const yuzhong = await admin('region_admin', REGIONS.yuzhong);
    const max = DEFAULT_SETTINGS.adjustmentMaxPoints;
    for (const amount of [max + 1, -(max + 1), 999_999_999]) {
      const res = await adjust(yuzhong, v, amount);
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({
        code: 'RULE_VIOLATION',
        details: { field: 'amount', reason: 'adjustment_over_cap', max },
      });
      expect(res.json().error.message).toMatch(/amount/);
    }
    const atCap = await adjust(yuzhong, v, max);
    expect(atCap.statusCode).toBe(202);
    expect(atCap.json()).toMatchObject({ status: 'pending', id: null, amount: max, balanceAfter: 0, replayed: false });
    // at the approval threshold it applies at once; one point over, it waits
    const threshold = DEFAULT_SETTINGS.adjustmentApprovalPoints;
    expect((await adjust(yuzhong, v, threshold)).json()).toMatchObject({ status: 'applied', balanceAfter: threshold });
    expect((await adjust(yuzhong, v, -(threshold + 1))).statusCode).toBe(202);
    expect(await wallet(t, v)).toBe(threshold);
    const rows = await t.tdb.db
      .selectFrom('point_adjustments')
      .select(['amount', 'status'])
      .where('volunteer_id', '=', v.volunteerId)
      .orderBy('created_at')
      .execute();
    expect(rows.map((r) => `${r.amount}:${r.status}`).sort()).toEqual(
      [`${max}:pending`, `${threshold}:applied`, `${-(threshold + 1)}:pending`].sort(),
    );
    // a lower cap from the settings applies at once
    await setSetting(t.tdb.db, 'adjustmentMaxPoints', 50);
    expect((await adjust(yuzhong, v, 51)).json().error.details).toMatchObject({ max: 50 });
    expect((await adjust(yuzhong, v, 50)).statusCode).toBe(201);
  });

  it('refuses bad input with a 4xx naming the field, never a 500', async () => {
    const v = await makePerson(t);
    const yuzhong = await admin('region_admin', REGIONS.yuzhong);
    const bad = async (res: Awaited<ReturnType<BearerClient['post']>>, status: number, field: RegExp) => {
      expect(res.statusCode).toBe(status);
      expect(res.json().error.message).toMatch(field);
    };
    const body = { amount: 5, reason: '补发', idempotencyKey: newId() };
    await bad(await yuzhong.post(adjustUrl(v), { ...body, amount: 2 ** 31 }), 400, /amount/);
    await bad(await yuzhong.post(adjustUrl(v), { ...body, amount: Number.MAX_SAFE_INTEGER + 2 }), 400, /amount/);
    await bad(await yuzhong.post(adjustUrl(v), { ...body, amount: '12' }), 400, /amount/);
    await bad(await yuzhong.post(adjustUrl(v), { ...body, idempotencyKey: 'short' }), 400, /idempotencyKey/);
    await bad(await yuzhong.get('/api/v1/point-adjustments?status=maybe'), 400, /status/);
    await bad(await yuzhong.get('/api/v1/point-adjustments?cursor=garbage'), 400, /cursor/);
    await bad(await yuzhong.get('/api/v1/point-adjustments?limit=100000'), 400, /limit/);
    const pending = (await adjust(yuzhong, v, 20_000)).json().adjustmentId as string;
    const other = await admin('region_admin', REGIONS.yuzhong);
    await bad(
      await other.post(`/api/v1/point-adjustments/${pending}/reject`, { reason: 'x'.repeat(501) }),
      400,
      /reason/,
    );
    await bad(
      await other.post(`/api/v1/point-adjustments/${pending}/reject`, { colour: 1 }),
      400,
      /colour|unrecognized/i,
    );
    expect((await other.post('/api/v1/point-adjustments/nothing-here/approve')).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/point-adjustments' })).statusCode).toBe(401);
    expect((await v.client.get('/api/v1/point-adjustments')).statusCode).toBe(403);
    expect((await v.client.post(`/api/v1/point-adjustments/${pending}/approve`)).statusCode).toBe(403);
    expect(await wallet(t, v)).toBe(0);
  });

  it('applies a large adjustment only on a second admin’s approval, within the asker’s scope', async () => {
    const v = await makePerson(t); // lives in 解放碑, 渝中
    const asker = await admin('region_admin', REGIONS.yuzhong);
    const second = await admin('region_admin', REGIONS.yuzhong);
    const city = await admin('region_admin', REGIONS.city);
    const narrower = await admin('region_admin', REGIONS.jiefangbei);
    const shapingba = await admin('region_admin', REGIONS.shapingba);
    const askedKey = newId();
    const asked = await adjust(asker, v, 20_000, askedKey, '年度表彰');
    expect(asked.statusCode).toBe(202);
    const id = asked.json().adjustmentId as string;
    expect(await wallet(t, v)).toBe(0);

    // the lists: the asker sees it (not to decide), admins over the region may decide, others do not see it
    const listed = async (c: BearerClient) =>
      ((await c.get('/api/v1/point-adjustments')).json().items as { id: string; canDecide: boolean }[]).find(
        (a) => a.id === id,
      );
    expect(await listed(asker)).toMatchObject({ canDecide: false });
    expect(await listed(second)).toMatchObject({
      canDecide: true,
      amount: 20_000,
      reason: '年度表彰',
      status: 'pending',
      volunteerId: v.volunteerId,
      requestedBy: asker.userId,
    });
    expect(await listed(city)).toMatchObject({ canDecide: true });
    expect(await listed(narrower)).toMatchObject({ canDecide: false });
    expect(await listed(shapingba)).toBeUndefined();

    const approve = (c: BearerClient) => c.post(`/api/v1/point-adjustments/${id}/approve`);
    const own = await approve(asker);
    expect(own.statusCode).toBe(422);
    expect(own.json().error).toMatchObject({ code: 'SECOND_APPROVER_REQUIRED', details: { reason: 'own_adjustment' } });
    expect((await approve(shapingba)).statusCode).toBe(404);
    expect((await approve(narrower)).statusCode).toBe(403);
    expect((await asker.post(`/api/v1/point-adjustments/${id}/reject`)).statusCode).toBe(422);
    expect(await wallet(t, v)).toBe(0);

    const ok = await approve(second);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ id, status: 'applied', decidedBy: second.userId, canDecide: false });
    expect(ok.json().transactionId).toEqual(expect.any(String));
    expect(await wallet(t, v)).toBe(20_000);
    const again = await approve(city);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toMatchObject({ reason: 'adjustment_decided', status: 'applied' });
    expect((await city.post(`/api/v1/point-adjustments/${id}/reject`)).statusCode).toBe(409);
    expect(await wallet(t, v)).toBe(20_000);
    expect(await txCount(`adjustment:${id}`)).toBe(1);
    // the asker's repeat now answers the applied adjustment
    const replay = await adjust(asker, v, 20_000, askedKey, '年度表彰');
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ status: 'applied', id: ok.json().transactionId, adjustmentId: id });

    const audit = await t.tdb.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'details'])
      .where('entity_id', '=', v.volunteerId)
      .where('action', 'like', 'points.adjust%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.action, a.actor_user_id])).toEqual([
      ['points.adjust.request', asker.userId],
      ['points.adjust', second.userId],
    ]);
    expect(JSON.parse(audit[1]?.details ?? '{}')).toMatchObject({
      adjustmentId: id,
      amount: 20_000,
      requestedBy: asker.userId,
    });

    // a system admin's request waits for another system admin: no region admin's authority covers it
    const system = await admin('system_admin', 'system');
    const system2 = await admin('system_admin', 'system');
    const big = (await adjust(system, v, -15_000)).json().adjustmentId as string;
    expect((await city.post(`/api/v1/point-adjustments/${big}/approve`)).statusCode).toBe(403);
    expect((await system2.post(`/api/v1/point-adjustments/${big}/approve`)).json()).toMatchObject({
      status: 'applied',
    });
    expect(await wallet(t, v)).toBe(5_000);
  });

  it('rejection applies nothing; an approval the wallet can no longer cover leaves it pending', async () => {
    const v = await makePerson(t);
    const asker = await admin('region_admin', REGIONS.yuzhong);
    const second = await admin('region_admin', REGIONS.yuzhong);
    const id = (await adjust(asker, v, 30_000)).json().adjustmentId as string;
    const no = await second.post(`/api/v1/point-adjustments/${id}/reject`, { reason: '金额需核实' });
    expect(no.statusCode).toBe(200);
    expect(no.json()).toMatchObject({ status: 'rejected', note: '金额需核实', transactionId: null });
    expect((await second.post(`/api/v1/point-adjustments/${id}/approve`)).statusCode).toBe(409);
    expect(await wallet(t, v)).toBe(0);
    expect(await txCount(`adjustment:${id}`)).toBe(0);
    const rejected = (await second.get('/api/v1/point-adjustments?status=rejected')).json().items as { id: string }[];
    expect(rejected.map((a) => a.id)).toContain(id);

    const minus = (await adjust(asker, v, -12_000)).json().adjustmentId as string;
    const short = await second.post(`/api/v1/point-adjustments/${minus}/approve`);
    expect(short.statusCode).toBe(409);
    expect(short.json().error.code).toBe('INSUFFICIENT_POINTS');
    const still = (await second.get('/api/v1/point-adjustments')).json().items as { id: string }[];
    expect(still.map((a) => a.id)).toContain(minus);
  });

  it('approves exactly once under concurrent approvals and rejections', async () => {
    const v = await makePerson(t);
    const asker = await admin('region_admin', REGIONS.yuzhong);
    const deciders = await Promise.all([
      admin('region_admin', REGIONS.yuzhong),
      admin('region_admin', REGIONS.city),
      admin('system_admin', 'system'),
    ]);
    for (let round = 0; round < 3; round++) {
      const id = (await adjust(asker, v, 11_000)).json().adjustmentId as string;
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          (deciders[i % 3] as BearerClient).post(
            `/api/v1/point-adjustments/${id}/${i % 4 === 3 ? 'reject' : 'approve'}`,
          ),
        ),
      );
      const codes = answers.map((a) => a.statusCode);
      expect(codes.filter((c) => c === 200)).toHaveLength(1);
      expect(codes.filter((c) => c === 409)).toHaveLength(11);
      const status = answers.find((a) => a.statusCode === 200)?.json().status as string;
      expect(await txCount(`adjustment:${id}`)).toBe(status === 'applied' ? 1 : 0);
    }
    const applied = await t.tdb.db
      .selectFrom('point_adjustments')
      .select('id')
      .where('volunteer_id', '=', v.volunteerId)
      .where('status', '=', 'applied')
      .execute();
    expect(await wallet(t, v)).toBe(11_000 * applied.length);
  });

  it('keys belong to their issuer: two admins, one key, two adjustments; a changed body reveals nothing', async () => {
    const v = await makePerson(t);
    const a = await admin('region_admin', REGIONS.yuzhong);
    const b = await admin('region_admin', REGIONS.yuzhong);
    const key = `shared-${newId()}`;
    const first = await adjust(a, v, 40, key);
    const other = await adjust(b, v, 40, key);
    expect([first.statusCode, other.statusCode]).toEqual([201, 201]);
    expect(other.json().id).not.toBe(first.json().id);
    expect(other.json().adjustmentId).not.toBe(first.json().adjustmentId);
    expect(await wallet(t, v)).toBe(80);
    const repeat = await adjust(a, v, 40, key);
    expect(repeat.statusCode).toBe(200);
    expect(repeat.json()).toMatchObject({ id: first.json().id, replayed: true, status: 'applied' });
    const changed = await adjust(a, v, 41, key);
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error.code).toBe('IDEMPOTENCY_MISMATCH');
    for (const secret of [first.json().id, other.json().id, first.json().adjustmentId, other.json().adjustmentId]) {
      expect(changed.body).not.toContain(secret);
    }
    // another volunteer with the same key is another body too
    const w = await makePerson(t);
    expect((await adjust(a, w, 40, key)).statusCode).toBe(409);
    // a key another admin's request already holds is free for a third: concurrently too, once per issuer
    const c = await admin('system_admin', 'system');
    const racing = await Promise.all(Array.from({ length: 8 }, () => adjust(c, v, 7, key)));
    expect(racing.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(racing.map((r) => r.json().id)).size).toBe(1);
    expect(await wallet(t, v)).toBe(87);
    // a pending request repeated answers pending, then applied once approved
    const bigKey = newId();
    const pending = await adjust(a, v, 12_345, bigKey);
    expect((await adjust(a, v, 12_345, bigKey)).json()).toMatchObject({ status: 'pending', replayed: true, id: null });
    await b.post(`/api/v1/point-adjustments/${pending.json().adjustmentId}/approve`);
    expect((await adjust(a, v, 12_345, bigKey)).json()).toMatchObject({ status: 'applied', balanceAfter: 12_432 });
  });

  it("posts against the volunteer's region's own system account: one district cannot break another's", async () => {
    await setSetting(t.tdb.db, 'adjustmentMaxPoints', 1_000_000_000);
    await setSetting(t.tdb.db, 'adjustmentApprovalPoints', 1_000_000_000);
    const rich = await makePerson(t); // 解放碑, 渝中
    const other = await personIn(REGIONS.xiaolongkan); // 小龙坎, 沙坪坝
    const yuzhong = await admin('region_admin', REGIONS.yuzhong);
    const shapingba = await admin('region_admin', REGIONS.shapingba);
    const jiefangbei = () => balanceOf(t.tdb.db, regionSystemAccount(REGIONS.jiefangbei));
    const xiaolongkan = () => balanceOf(t.tdb.db, regionSystemAccount(REGIONS.xiaolongkan));
    const [jBefore, xBefore] = [await jiefangbei(), await xiaolongkan()];
    for (let i = 0; i < 3; i++) expect((await adjust(yuzhong, rich, 1_000_000_000)).statusCode).toBe(201);
    // far beyond int4 (2,147,483,647), exact both ways
    expect(await wallet(t, rich)).toBe(3_000_000_000);
    const statement = (await rich.client.get(`/api/v1/volunteers/${rich.volunteerId}/points`)).json();
    expect(statement.balance).toBe(3_000_000_000);
    expect(statement.items[0]).toMatchObject({ amount: 1_000_000_000, balanceAfter: 3_000_000_000 });
    expect(await jiefangbei()).toBe(jBefore - 3_000_000_000);
    const res = await adjust(shapingba, other, 5);
    expect(res.statusCode).toBe(201);
    expect(await xiaolongkan()).toBe(xBefore - 5);
    expect(await jiefangbei()).toBe(jBefore - 3_000_000_000);
    // the city account of old is not touched by new adjustments
    expect(await balanceOf(t.tdb.db, { kind: 'system', ownerId: 'city' })).toBe(0);
    expect((await adjust(yuzhong, rich, -1_000_000_000)).json()).toMatchObject({ balanceAfter: 2_000_000_000 });
  });

  it('keeps balances exact up to Number.MAX_SAFE_INTEGER and refuses to pass it', async () => {
    const v = await makePerson(t);
    const from = regionSystemAccount(REGIONS.liangjiang);
    const post = (amount: number) =>
      t.tdb.db.transaction().execute((trx) =>
        postTransaction(trx, {
          kind: 'adjust',
          idempotencyKey: `test-edge:${newId()}`,
          source: 'adjustment',
          postings: [
            { account: walletOf(v.volunteerId), amount },
            { account: from, amount: -amount },
          ],
        }),
      );
    await post(Number.MAX_SAFE_INTEGER - 1);
    await post(1);
    expect(await balanceOf(t.tdb.db, walletOf(v.volunteerId))).toBe(Number.MAX_SAFE_INTEGER);
    expect(await balanceOf(t.tdb.db, from)).toBe(-Number.MAX_SAFE_INTEGER);
    await expect(post(1)).rejects.toMatchObject({ code: 'RULE_VIOLATION', details: { reason: 'points_out_of_range' } });
    expect(await balanceOf(t.tdb.db, walletOf(v.volunteerId))).toBe(Number.MAX_SAFE_INTEGER);
    const statement = (await v.client.get(`/api/v1/volunteers/${v.volunteerId}/points`)).json();
    expect(statement.balance).toBe(Number.MAX_SAFE_INTEGER);
    // back to zero, so the ledger's sums stay exact for the checks after each test
    await post(-Number.MAX_SAFE_INTEGER);
  });
});
