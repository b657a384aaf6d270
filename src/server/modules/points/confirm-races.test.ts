import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { makePerson, makePointsScene, pendingRecord } from '../../../../test/points-fixtures.js';

describe.each(DIALECTS)('concurrent bulk and single confirmations on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());
  it('never deadlock when both earn points from one budget', async () => {
    const s = await makePointsScene(t, { pointsPerHour: 10 });
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) {
      const a = await makePerson(t);
      const b = await makePerson(t);
      const rA = await pendingRecord(t, s, { minutes: 60, volunteer: a });
      const rB1 = await pendingRecord(t, s, { minutes: 60, volunteer: b });
      const rB2 = await pendingRecord(t, s, { minutes: 60, volunteer: b });
      const [x, y] = await Promise.all([
        s.tree.teamAdmin.client.post('/api/v1/records/confirm', { ids: [rA, rB1] }),
        s.tree.departmentAdmin.client.post(`/api/v1/records/${rB2}/confirm`),
      ]);
      statuses.push(x.statusCode, y.statusCode);
    }
    expect(statuses.filter((c) => c !== 200)).toEqual([]);
  });
});
