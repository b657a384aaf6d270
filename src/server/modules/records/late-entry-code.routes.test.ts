import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeVolunteer } from '../../../../test/factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { makeScene, makeShift, type Scene } from '../checkin/checkin.test-helpers.js';
import { testNow } from '../../../../test/clock.js';

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

// The console's "by volunteer code" late entry: the code stands for the id, exactly one of them.
describe.each(DIALECTS)('late entry by volunteer code on %s', (dialect) => {
  let t: TestApp;
  let s: Scene;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    s = await makeScene(t);
  });
  afterAll(() => t.close());

  it('takes a volunteer code instead of an id, and names the field it refuses', async () => {
    const v = await makeVolunteer(t.app);
    const start = testNow() - 26 * 60 * MIN;
    const sh = await makeShift(t, s, { start: iso(start), end: iso(start + 120 * MIN) });
    const body = {
      activityId: sh.activityId,
      start: iso(start),
      end: iso(start + 120 * MIN),
      content: '岸线清洁（纸质签到补录）',
      evidence: '签到表照片',
    };
    const count = async () =>
      (await t.tdb.db.selectFrom('service_records').select('id').where('volunteer_id', '=', v.id).execute()).length;

    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/records',
          payload: { ...body, volunteerCode: v.volunteerCode },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (await s.tree.otherTeamAdmin.client.post('/api/v1/records', { ...body, volunteerCode: v.volunteerCode }))
        .statusCode,
    ).toBe(404);
    const cases: [Record<string, unknown>, number, string][] = [
      [body, 400, 'volunteerId'],
      [{ ...body, volunteerId: v.id, volunteerCode: v.volunteerCode }, 400, 'volunteerId'],
      [{ ...body, volunteerCode: '' }, 400, 'volunteerCode'],
      [{ ...body, volunteerCode: 'NO-SUCH-CODE' }, 422, 'volunteerCode'],
    ];
    for (const [b, status, field] of cases) {
      const res = await s.organiser.post('/api/v1/records', b);
      expect(res.statusCode, JSON.stringify(b)).toBe(status);
      expect(res.json().error.message).toContain(field);
    }
    expect(await count()).toBe(0);

    const ok = await s.organiser.post('/api/v1/records', { ...body, volunteerCode: v.volunteerCode });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ volunteerId: v.id, source: 'late', status: 'pending', hours: 2 });
    expect(await count()).toBe(1);
  });
});
