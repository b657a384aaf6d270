import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientFor,
  closeAfterMany,
  makeActivity,
  makeOrganisationTree,
  makeSignup,
  shiftAt,
  type OrganisationTree,
} from '../../../../test/activity-factories.js';
import { makeVolunteer } from '../../../../test/factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';

// Races other than the big one: many cancellations at once, and one person clicking many times.
describe.each(DIALECTS)('sign-up races on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
  });
  afterAll(() => closeAfterMany(t));

  it('20 concurrent cancellations promote exactly the 20 first of the wait-list', async () => {
    const a = await makeActivity(t.app, { orgId: tree.teamId, shifts: [shiftAt(24, 2, { capacity: 30 })] });
    const shiftId = a.shiftIds[0] as string;
    const approved = [];
    for (let i = 0; i < 30; i++) approved.push(await makeSignup(t.app, { shiftId }));
    const waiting = [];
    for (let i = 0; i < 30; i++) waiting.push(await makeSignup(t.app, { shiftId, status: 'waitlisted' }));
    const leavers = approved.slice(0, 20);
    const clients = await Promise.all(leavers.map((s) => clientFor(t.app, s.volunteer?.userId as string)));
    const answers = await Promise.all(leavers.map((s, i) => clients[i]?.del(`/api/v1/signups/${s.id}`)));
    expect(answers.map((r) => r?.statusCode)).toEqual(leavers.map(() => 204));

    const rows = await t.tdb.db
      .selectFrom('signups')
      .select(['id', 'status'])
      .where('shift_id', '=', shiftId)
      .orderBy('seq')
      .execute();
    const status = new Map(rows.map((r) => [r.id, r.status]));
    expect(waiting.slice(0, 20).map((s) => status.get(s.id))).toEqual(Array(20).fill('approved'));
    expect(waiting.slice(20).map((s) => status.get(s.id))).toEqual(Array(10).fill('waitlisted'));
    expect(rows.filter((r) => r.status === 'approved')).toHaveLength(30);
    const shift = await t.tdb.db
      .selectFrom('shifts')
      .select('taken')
      .where('id', '=', shiftId)
      .executeTakeFirstOrThrow();
    expect(shift.taken).toBe(30);
  });

  it('one volunteer clicking ten times, or on ten overlapping shifts at once, holds one place', async () => {
    const v = await makeVolunteer(t.app);
    const c = await clientFor(t.app, v.userId);
    const a = await makeActivity(t.app, { orgId: tree.teamId, shifts: [shiftAt(30, 2, { capacity: 5 })] });
    const same = await Promise.all(
      Array.from({ length: 10 }, () => c.post(`/api/v1/shifts/${a.shiftIds[0]}/signups`, {})),
    );
    expect(same.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(same.filter((r) => r.statusCode === 409).map((r) => r.json().error.code)).toEqual(
      Array(9).fill('ALREADY_SIGNED_UP'),
    );

    const many = await makeActivity(t.app, {
      orgId: tree.teamId,
      shifts: Array.from({ length: 10 }, (_, i) => shiftAt(60 + i * 0.1, 2)),
    });
    const overlapping = await Promise.all(many.shiftIds.map((id) => c.post(`/api/v1/shifts/${id}/signups`, {})));
    expect(overlapping.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(new Set(overlapping.filter((r) => r.statusCode !== 201).map((r) => r.json().error.code))).toEqual(
      new Set(['SHIFT_OVERLAP']),
    );
    const live = await t.tdb.db
      .selectFrom('signups')
      .select('id')
      .where('volunteer_id', '=', v.id)
      .where('status', '=', 'approved')
      .execute();
    expect(live).toHaveLength(2);
  });
});
