import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { JIEFANGBEI } from '../../../../test/activity-factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { setSetting } from '../../platform/settings/settings.service.js';
import { at, makePerson, makeScene, type Scene } from '../checkin/checkin.test-helpers.js';
import { freezeClock, type FrozenClock } from '../../../../test/clock.js';

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The whole path over HTTP: an organiser creates and publishes an activity, a volunteer
 * signs up, checks in on site, checks out hours later (the clock is moved forward; only
 * Date is faked, timers stay real), the organiser confirms, and the volunteer's hours and
 * star level show on GET /volunteers/:id.
 */
describe.each(DIALECTS)('from activity to confirmed hours on %s', (dialect) => {
  let t: TestApp;
  let s: Scene;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    s = await makeScene(t);
    await setSetting(t.tdb.db, 'starThresholdsHours', [1, 2, 3, 4, 5]);
  });
  let clock: FrozenClock | undefined;
  afterEach(() => clock?.restore());
  afterAll(() => t.close());

  it('create → publish → sign up → check in → check out → confirm → hours and stars', async () => {
    clock = freezeClock();
    const t0 = clock.now();
    const start = t0 + 10 * MIN;
    const end = start + 180 * MIN;
    const created = await s.organiser.post('/api/v1/activities', {
      organisationId: s.tree.teamId,
      title: '长江岸线清洁行动',
      field: 'ecology',
      description: '清理朝天门岸线垃圾',
      location: { address: '渝中区解放碑', ...JIEFANGBEI },
      radiusM: 200,
      requiresApproval: false,
      shifts: [{ start: iso(start), end: iso(end), capacity: 20, breakMinutes: 30 }],
    });
    expect(created.statusCode).toBe(201);
    const activity = created.json();
    const shiftId = activity.shifts[0].id as string;
    expect((await s.organiser.post(`/api/v1/activities/${activity.id}/publish`, {})).statusCode).toBe(200);

    const v = await makePerson(t);
    const signup = await v.client.post(`/api/v1/shifts/${shiftId}/signups`, {});
    expect(signup.statusCode).toBe(201);
    expect(signup.json().status).toBe('approved');

    const code = (await s.organiser.get(`/api/v1/shifts/${shiftId}/checkin-code`)).json();
    const inn = await v.client.post('/api/v1/checkins', at(code.token, 25));
    expect(inn.statusCode).toBe(201);

    // 2 h 50 min later, ten minutes before the end
    clock.set(t0 + 170 * MIN);
    const later = (await s.organiser.get(`/api/v1/shifts/${shiftId}/checkin-code`)).json();
    expect(later.token).not.toBe(code.token);
    const out = await v.client.post('/api/v1/checkouts', at(later.token, 25));
    expect(out.statusCode).toBe(200);
    expect(out.json().id).toBe(inn.json().id);
    const recordId = out.json().recordId as string;

    const pending = (await v.client.get('/api/v1/records')).json().items;
    expect(pending).toHaveLength(1);
    // clipped to the shift start: 160 min, less the 30-minute break = 130 → 120 (step 30)
    expect(pending[0]).toMatchObject({ id: recordId, status: 'pending', source: 'self', hours: 2 });
    expect((await v.client.get(`/api/v1/volunteers/${v.volunteerId}`)).json()).toMatchObject({
      hours: 0,
      starLevel: 0,
    });

    const confirmed = await s.organiser.post(`/api/v1/records/${recordId}/confirm`);
    expect(confirmed.statusCode).toBe(200);
    const me = (await v.client.get(`/api/v1/volunteers/${v.volunteerId}`)).json();
    expect(me).toMatchObject({ hours: 2, starLevel: 2 });
  });
});
