import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientFor,
  closeAfterMany,
  makeActivity,
  makeOrganisationTree,
  shiftAt,
  type BearerClient,
  type OrganisationTree,
} from '../../../../test/activity-factories.js';
import { makeVolunteer } from '../../../../test/factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';

// 200 volunteers race for 50 places: capacity holds, the rest wait in arrival order, and a
// cancellation hands the freed place to the first of the wait-list.
describe.each(DIALECTS)('concurrent sign-ups on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;
  let shiftId: string;
  const people: { volunteerId: string; userId: string; client: BearerClient }[] = [];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
    const a = await makeActivity(t.app, { orgId: tree.teamId, shifts: [shiftAt(24, 2, { capacity: 50 })] });
    shiftId = a.shiftIds[0] as string;
    const made = await Promise.all(Array.from({ length: 200 }, () => makeVolunteer(t.app)));
    for (const v of made)
      people.push({ volunteerId: v.id, userId: v.userId, client: await clientFor(t.app, v.userId) });
  });
  afterAll(() => closeAfterMany(t));

  it('approves exactly 50, wait-lists 150 in arrival order, and promotes on cancellation', async () => {
    const answers = await Promise.all(people.map((p) => p.client.post(`/api/v1/shifts/${shiftId}/signups`, {})));
    expect(answers.map((r) => r.statusCode).every((s) => s === 201)).toBe(true);
    const statuses = answers.map((r) => r.json().status as string);
    expect(statuses.filter((s) => s === 'approved')).toHaveLength(50);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(150);

    const shift = await t.tdb.db
      .selectFrom('shifts')
      .select(['taken', 'capacity'])
      .where('id', '=', shiftId)
      .executeTakeFirstOrThrow();
    expect(shift.taken).toBe(50);

    // Arrival order is the seq order: every approved one arrived before every wait-listed one.
    const rows = await t.tdb.db
      .selectFrom('signups')
      .select(['id', 'seq', 'status', 'volunteer_id'])
      .where('shift_id', '=', shiftId)
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(rows.slice(0, 50).every((r) => r.status === 'approved')).toBe(true);
    expect(rows.slice(50).every((r) => r.status === 'waitlisted')).toBe(true);
    const bySeq = new Map(answers.map((r) => [r.json().id as string, r.json().seq as number]));
    for (const r of rows) expect(bySeq.get(r.id)).toBe(r.seq);

    // The organiser's list shows the wait-list in order.
    const list = (await tree.teamAdmin.client.get(`/api/v1/shifts/${shiftId}/signups?limit=200`)).json();
    const waitSeqs = list.items
      .filter((i: { status: string }) => i.status === 'waitlisted')
      .map((i: { seq: number }) => i.seq);
    expect(waitSeqs).toEqual([...waitSeqs].sort((a: number, b: number) => a - b));
    expect(waitSeqs).toHaveLength(150);

    // One approved volunteer cancels: the lowest-seq wait-listed one takes the place and is told.
    const leaver = rows[7];
    const first = rows[50];
    if (!leaver || !first) throw new Error('rows missing');
    const owner = people.find((p) => p.volunteerId === leaver.volunteer_id);
    const promoted = people.find((p) => p.volunteerId === first.volunteer_id);
    if (!owner || !promoted) throw new Error('people missing');
    expect((await owner.client.del(`/api/v1/signups/${leaver.id}`)).statusCode).toBe(204);
    const after = await t.tdb.db
      .selectFrom('signups')
      .select(['id', 'status'])
      .where('id', 'in', [leaver.id, first.id])
      .execute();
    expect(Object.fromEntries(after.map((r) => [r.id, r.status]))).toEqual({
      [leaver.id]: 'cancelled',
      [first.id]: 'approved',
    });
    const taken = await t.tdb.db
      .selectFrom('shifts')
      .select('taken')
      .where('id', '=', shiftId)
      .executeTakeFirstOrThrow();
    expect(taken.taken).toBe(50);
    const notes = await t.tdb.db
      .selectFrom('notifications')
      .select(['kind', 'data'])
      .where('user_id', '=', promoted.userId)
      .orderBy('id') // ids are time-ordered (UUIDv7); without an order PostgreSQL may return either first
      .execute();
    expect(notes.map((n) => n.kind)).toEqual(['signup_result', 'waitlist_promoted']);
    expect(JSON.parse(notes[1]?.data ?? '{}')).toMatchObject({ signupId: first.id });
    const mine = (await promoted.client.get('/api/v1/me/signups')).json();
    expect(mine.items).toEqual([
      expect.objectContaining({ id: first.id, shiftId, status: 'approved', activityTitle: '长江岸线清洁行动' }),
    ]);
  });
});
