import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { makeActivity, makeOrganisationTree, makeSignup, shiftAt } from '../../../../test/activity-factories.js';

// The shared factories other suites build on: they must write consistent rows.
describe.each(DIALECTS)('activity factories on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('makes a tree, an activity with shifts and sign-ups that move the taken counter', async () => {
    const tree = await makeOrganisationTree(t.app);
    const again = await makeOrganisationTree(t.app);
    expect(again.teamId).not.toBe(tree.teamId);
    const a = await makeActivity(t.app, { orgId: tree.teamId, shifts: [shiftAt(1), shiftAt(48, 3, { capacity: 2 })] });
    expect(a.shiftIds).toHaveLength(2);
    const s1 = await makeSignup(t.app, { shiftId: a.shiftIds[1] as string });
    const s2 = await makeSignup(t.app, { shiftId: a.shiftIds[1] as string, status: 'waitlisted' });
    expect([s1.seq, s2.seq]).toEqual([1, 2]);
    const shift = await t.tdb.db
      .selectFrom('shifts')
      .select('taken')
      .where('id', '=', a.shiftIds[1] as string)
      .executeTakeFirstOrThrow();
    expect(shift.taken).toBe(1);
    const me = await tree.teamAdmin.client.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
  });
});
