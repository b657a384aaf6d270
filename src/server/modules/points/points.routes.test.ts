import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientFor } from '../../../../test/activity-factories.js';
import { makeUser, REGIONS } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { newId } from '../../ids.js';
import { earn, expectLedgerReconciles, makePerson, makePointsScene, wallet } from '../../../../test/points-fixtures.js';

describe.each(DIALECTS)('points endpoints on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());
  afterEach(() => expectLedgerReconciles(t));

  const anon = (method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
    t.app.inject({ method, url, ...(payload ? { payload } : {}) });
  const admin = async (role: 'region_admin' | 'system_admin', scopeType: 'region' | 'system', scopeId: string) =>
    clientFor(t.app, (await makeUser(t.tdb.db, { roles: [{ role, scopeType, scopeId }] })).id);

  it('POST /point-rules: the access checklist, validation, defaults, then the list', async () => {
    const s = await makePointsScene(t, null);
    const body = { scopeType: 'organisation', scopeId: s.tree.departmentId, pointsPerHour: 10 };
    expect((await anon('POST', '/api/v1/point-rules', body)).statusCode).toBe(401);
    expect((await anon('GET', '/api/v1/point-rules')).statusCode).toBe(401);
    expect((await s.volunteer.client.post('/api/v1/point-rules', body)).statusCode).toBe(403);
    expect((await s.volunteer.client.get('/api/v1/point-rules')).statusCode).toBe(403);
    expect((await s.tree.teamAdmin.client.post('/api/v1/point-rules', body)).statusCode).toBe(403);
    const other = await makePointsScene(t, null);
    expect((await other.tree.departmentAdmin.client.post('/api/v1/point-rules', body)).statusCode).toBe(404);
    const region = { scopeType: 'region', scopeId: REGIONS.yuzhong, pointsPerHour: 5 };
    expect((await s.tree.departmentAdmin.client.post('/api/v1/point-rules', region)).statusCode).toBe(404);
    const shapingbaAdmin = await admin('region_admin', 'region', REGIONS.shapingba);
    expect((await shapingbaAdmin.post('/api/v1/point-rules', region)).statusCode).toBe(404);
    expect((await shapingbaAdmin.post('/api/v1/point-rules', { ...region, scopeId: 'nope' })).statusCode).toBe(404);
    // bad input names the field
    const bad = async (b: Record<string, unknown>, field: RegExp) => {
      const res = await s.tree.departmentAdmin.client.post('/api/v1/point-rules', b);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(field);
    };
    await bad({ scopeType: 'organisation', scopeId: s.tree.departmentId }, /pointsPerHour/);
    await bad({ ...body, pointsPerHour: -1 }, /pointsPerHour/);
    await bad({ ...body, sources: ['telepathy'] }, /sources/);
    await bad({ ...body, expiry: { mode: 'years' } }, /years/);
    await bad({ ...body, dailyCap: 1.5 }, /dailyCap/);
    await bad({ ...body, bonuses: { starReached: { ten: 5 } } }, /starReached/);
    await bad({ ...body, colour: 'red' }, /colour|unrecognized/i);
    const res = await s.tree.departmentAdmin.client.post('/api/v1/point-rules', body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      ...body,
      sources: ['self', 'organiser_scan'],
      pointsPerActivity: 0,
      dailyCap: null,
      expiry: { mode: 'end_of_following_year' },
      budgetLimited: false,
    });
    const yuzhongAdmin = await admin('region_admin', 'region', REGIONS.yuzhong);
    const r2 = await yuzhongAdmin.post('/api/v1/point-rules', {
      ...region,
      monthlyCap: 200,
      expiry: { mode: 'years', years: 2 },
    });
    expect(r2.statusCode).toBe(201);
    const list = await s.tree.teamAdmin.client.get(`/api/v1/point-rules?scopeId=${s.tree.departmentId}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((r: { id: string }) => r.id)).toEqual([res.json().id]);
    const audit = await t.tdb.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', res.json().id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['point_rule.create']);
  });

  it('GET /volunteers/:id/points: the access checklist, running balance, cursor pages', async () => {
    const s = await makePointsScene(t, { pointsPerHour: 10 });
    for (const minutes of [60, 120, 180]) await earn(t, s, { minutes });
    const u = `/api/v1/volunteers/${s.volunteer.volunteerId}/points`;
    expect((await anon('GET', u)).statusCode).toBe(401);
    const stranger = await makePerson(t);
    expect((await stranger.client.get(u)).statusCode).toBe(404);
    expect((await s.tree.teamAdmin.client.get('/api/v1/volunteers/nobody/points')).statusCode).toBe(404);
    const own = await s.volunteer.client.get(`${u}?limit=2`);
    expect(own.statusCode).toBe(200);
    const p1 = own.json();
    expect(p1.balance).toBe(60);
    expect(p1.items.map((i: { amount: number; balanceAfter: number }) => [i.amount, i.balanceAfter])).toEqual([
      [30, 60],
      [20, 30],
    ]);
    expect(p1.items[0]).toMatchObject({
      kind: 'earn',
      earning: expect.objectContaining({ minutes: 180, perHour: 10, hourly: 30, points: 30 }),
    });
    const p2 = (await s.volunteer.client.get(`${u}?limit=2&cursor=${p1.nextCursor}`)).json();
    expect(p2.items.map((i: { amount: number; balanceAfter: number }) => [i.amount, i.balanceAfter])).toEqual([
      [10, 10],
    ]);
    expect(p2.nextCursor).toBeNull();
    expect((await s.volunteer.client.get(`${u}?cursor=garbage`)).statusCode).toBe(400);
    const yuzhongAdmin = await admin('region_admin', 'region', REGIONS.yuzhong);
    expect((await yuzhongAdmin.get(u)).statusCode).toBe(200);
    // the volunteer's answer shows the wallet
    const v = (await s.volunteer.client.get(`/api/v1/volunteers/${s.volunteer.volunteerId}`)).json();
    expect(v.pointsBalance).toBe(60);
  });

  it('POST /volunteers/:id/points/adjustments: the access checklist, reason in the audit log, once per key', async () => {
    const s = await makePointsScene(t, null);
    const v = s.volunteer;
    const u = `/api/v1/volunteers/${v.volunteerId}/points/adjustments`;
    const body = { amount: 50, reason: '线下活动补发', idempotencyKey: newId() };
    expect((await anon('POST', u, body)).statusCode).toBe(401);
    expect((await v.client.post(u, body)).statusCode).toBe(403);
    expect((await s.tree.teamAdmin.client.post(u, body)).statusCode).toBe(403);
    expect((await s.tree.departmentAdmin.client.post(u, body)).statusCode).toBe(403);
    const shapingbaAdmin = await admin('region_admin', 'region', REGIONS.shapingba);
    expect((await shapingbaAdmin.post(u, body)).statusCode).toBe(404);
    const yuzhongAdmin = await admin('region_admin', 'region', REGIONS.yuzhong);
    expect((await yuzhongAdmin.post(`/api/v1/volunteers/nobody/points/adjustments`, body)).statusCode).toBe(404);
    expect((await yuzhongAdmin.post(u, { ...body, amount: 0 })).statusCode).toBe(400);
    expect((await yuzhongAdmin.post(u, { ...body, amount: 1.5 })).statusCode).toBe(400);
    expect((await yuzhongAdmin.post(u, { amount: 5, idempotencyKey: newId() })).json().error.message).toMatch(/reason/);
    const ok = await yuzhongAdmin.post(u, body);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ amount: 50, balanceAfter: 50, replayed: false });
    const again = await yuzhongAdmin.post(u, body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: ok.json().id, balanceAfter: 50, replayed: true });
    const changed = await yuzhongAdmin.post(u, { ...body, amount: 60 });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error.code).toBe('IDEMPOTENCY_MISMATCH');
    const under = await yuzhongAdmin.post(u, { amount: -51, reason: '纠正', idempotencyKey: newId() });
    expect(under.statusCode).toBe(409);
    expect(under.json().error.code).toBe('INSUFFICIENT_POINTS');
    const system = await admin('system_admin', 'system', 'system');
    const minus = await system.post(u, { amount: -20, reason: '重复发放', idempotencyKey: newId() });
    expect(minus.statusCode).toBe(201);
    expect(await wallet(t, v)).toBe(30);
    const audit = await t.tdb.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('entity_type', '=', 'volunteer')
      .where('entity_id', '=', v.volunteerId)
      .where('action', '=', 'points.adjust')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => JSON.parse(a.details) as { amount: number; reason: string })).toEqual([
      expect.objectContaining({ amount: 50, reason: '线下活动补发' }),
      expect.objectContaining({ amount: -20, reason: '重复发放' }),
    ]);
    const statement = (await v.client.get(`/api/v1/volunteers/${v.volunteerId}/points`)).json();
    // An admin's reason is free text, shown as typed; it has no earning breakdown.
    expect(
      statement.items.map((i: { kind: string; memo: string; earning: unknown }) => `${i.kind}:${i.memo}:${i.earning}`),
    ).toEqual(['adjust:重复发放:null', 'adjust:线下活动补发:null']);
  });

  it('never takes a wallet below zero under concurrent adjustments; each key applies once', async () => {
    const s = await makePointsScene(t, null);
    const v = s.volunteer;
    const u = `/api/v1/volunteers/${v.volunteerId}/points/adjustments`;
    const yuzhongAdmin = await admin('region_admin', 'region', REGIONS.yuzhong);
    expect((await yuzhongAdmin.post(u, { amount: 100, reason: '初始', idempotencyKey: newId() })).statusCode).toBe(201);
    const shared = newId();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        yuzhongAdmin.post(u, { amount: -7, reason: '并发扣减', idempotencyKey: i % 4 === 0 ? shared : newId() }),
      ),
    );
    const codes = answers.map((a) => a.statusCode);
    expect(codes.every((c) => c === 201 || c === 200 || c === 409)).toBe(true);
    expect(
      answers.filter((a) => a.statusCode === 409).every((a) => a.json().error.code === 'INSUFFICIENT_POINTS'),
    ).toBe(true);
    const applied = codes.filter((c) => c === 201).length;
    // 31 distinct keys, 14 of them fit in 100 points
    expect(applied).toBe(14);
    expect(await wallet(t, v)).toBe(2);
    const kept = await t.tdb.db
      .selectFrom('point_adjustments')
      .select('transaction_id')
      .where('idempotency_key', '=', shared)
      .execute();
    expect(kept.length).toBeLessThanOrEqual(1);
    const shares = answers.filter((_, i) => i % 4 === 0 && answers[i]?.statusCode !== 409);
    expect(new Set(shares.map((a) => a.json().id)).size).toBeLessThanOrEqual(1);
  });
});
