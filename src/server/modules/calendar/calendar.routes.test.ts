import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientFor,
  JIEFANGBEI,
  makeActivity,
  makeOrganisationTree,
  makeSignup,
  shiftAt,
  type BearerClient,
  type OrganisationTree,
} from '../../../../test/activity-factories.js';
import { makeRegions, makeVolunteer } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { testNow } from '../../../../test/clock.js';

const DAY_H = 24;
/** iCalendar times have whole seconds. */
const sec = (iso: string | undefined) => iso?.replace(/\.\d{3}Z$/, '.000Z');

describe.each(DIALECTS)('calendar feed on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;
  let volunteerId: string;
  let me: BearerClient;

  const fetchFeed = (url: string) => t.app.inject({ method: 'GET', url: new URL(url).pathname });
  const events = async (url: string) => {
    const res = await fetchFeed(url);
    expect(res.statusCode).toBe(200);
    return ical.sync.parseICS(res.body);
  };
  const event = (cal: ical.CalendarResponse, signupId: string) => cal[`${signupId}@shanmei`] as ical.VEvent | undefined;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
    const v = await makeVolunteer(t.app);
    volunteerId = v.id;
    me = await clientFor(t.app, v.userId);
  });
  afterAll(() => t.close());

  it('follows the access checklist and keeps the URL until it is reset', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/calendar' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/me/calendar/reset', payload: {} })).statusCode).toBe(
      401,
    );
    expect((await tree.teamAdmin.client.get('/api/v1/me/calendar')).statusCode).toBe(403);
    expect((await tree.teamAdmin.client.post('/api/v1/me/calendar/reset')).statusCode).toBe(403);
    const unknown = await t.app.inject({ method: 'GET', url: `/api/v1/calendar/${'x'.repeat(43)}.ics` });
    expect(unknown.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/calendar/short.ics' })).statusCode).toBe(400);

    const first = await me.get('/api/v1/me/calendar');
    expect(first.statusCode).toBe(200);
    const { url } = first.json() as { url: string };
    expect(url).toMatch(/^http:\/\/[^/]+\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect((await me.get('/api/v1/me/calendar')).json().url).toBe(url);
    const row = await t.tdb.db
      .selectFrom('calendar_feeds')
      .selectAll()
      .where('volunteer_id', '=', volunteerId)
      .executeTakeFirstOrThrow();
    const token = /calendar\/(.+)\.ics$/.exec(url)?.[1] as string;
    expect(row.token_hash).not.toContain(token);
    expect(row.token_enc).not.toContain(token);

    const reset = await me.post('/api/v1/me/calendar/reset');
    expect(reset.statusCode).toBe(200);
    const next = reset.json().url as string;
    expect(next).not.toBe(url);
    expect((await fetchFeed(url)).statusCode).toBe(404);
    expect((await fetchFeed(next)).statusCode).toBe(200);
    expect((await me.get('/api/v1/me/calendar')).json().url).toBe(next);
  });

  it('lists live sign-ups, keeps recent cancellations as CANCELLED, and parses independently', async () => {
    const a = await makeActivity(t.app, {
      orgId: tree.teamId,
      title: '长江岸线清洁行动, 第一期',
      address: '渝中区民族路 1 号',
      shifts: [shiftAt(DAY_H), shiftAt(2 * DAY_H), shiftAt(3 * DAY_H), shiftAt(-40 * DAY_H), shiftAt(-3 * DAY_H)],
    });
    const [s1, s2, s3, sOld, sPast] = a.shiftIds as [string, string, string, string, string];
    const approved = await makeSignup(t.app, { shiftId: s1, volunteerId });
    const waitlisted = await makeSignup(t.app, { shiftId: s2, volunteerId, status: 'waitlisted' });
    const cancelled = await makeSignup(t.app, { shiftId: s3, volunteerId, status: 'cancelled' });
    const old = await makeSignup(t.app, { shiftId: sOld, volunteerId });
    const past = await makeSignup(t.app, { shiftId: sPast, volunteerId });
    const b = await makeActivity(t.app, { orgId: tree.teamId, title: '社区义诊', shifts: [shiftAt(5 * DAY_H)] });
    const ofCancelledActivity = await makeSignup(t.app, { shiftId: b.shiftIds[0] as string, volunteerId });
    await t.tdb.db
      .updateTable('activities')
      .set({ status: 'cancelled', cancelled_at: new Date(testNow()).toISOString() })
      .where('id', '=', b.id)
      .execute();
    // Someone else's sign-up never shows.
    const stranger = await makeSignup(t.app, { shiftId: s1 });

    const { url } = (await me.get('/api/v1/me/calendar')).json() as { url: string };
    const res = await fetchFeed(url);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const cal = ical.sync.parseICS(res.body);
    const vevents = Object.values(cal).filter((c) => c?.type === 'VEVENT');
    expect(vevents).toHaveLength(5);
    expect(event(cal, old.id)).toBeUndefined();
    expect(event(cal, stranger.id)).toBeUndefined();

    const e1 = event(cal, approved.id);
    expect(e1).toMatchObject({
      summary: '长江岸线清洁行动, 第一期',
      status: 'CONFIRMED',
      location: '渝中区民族路 1 号',
    });
    expect(e1?.start.toISOString()).toBe(sec(a.shifts[0]?.start));
    expect(e1?.end?.toISOString()).toBe(sec(a.shifts[0]?.end));
    expect(e1?.geo).toMatchObject({ lat: JIEFANGBEI.lat, lon: JIEFANGBEI.lng });
    expect(event(cal, waitlisted.id)).toMatchObject({
      summary: '长江岸线清洁行动, 第一期（候补）',
      status: 'TENTATIVE',
    });
    expect(event(cal, cancelled.id)?.status).toBe('CANCELLED');
    expect(event(cal, ofCancelledActivity.id)).toMatchObject({ status: 'CANCELLED', summary: '已取消：社区义诊' });
    expect(event(cal, past.id)?.status).toBe('CONFIRMED');
  });

  it('changes the event, its SEQUENCE and LAST-MODIFIED when the shift changes', async () => {
    const a = await makeActivity(t.app, { orgId: tree.teamId, title: '口述电影', shifts: [shiftAt(4 * DAY_H)] });
    const shiftId = a.shiftIds[0] as string;
    const s = await makeSignup(t.app, { shiftId, volunteerId });
    const { url } = (await me.get('/api/v1/me/calendar')).json() as { url: string };
    const before = event(await events(url), s.id);
    expect(Number(before?.sequence)).toBe(0);
    // Unchanged: the same version on a second fetch.
    expect(Number(event(await events(url), s.id)?.sequence)).toBe(0);

    const start = new Date(Date.parse(a.shifts[0]?.start as string) + 3_600_000).toISOString();
    const end = new Date(Date.parse(a.shifts[0]?.end as string) + 3_600_000).toISOString();
    await t.tdb.db.updateTable('shifts').set({ start_at: start, end_at: end }).where('id', '=', shiftId).execute();
    const after = event(await events(url), s.id);
    expect(after?.start.toISOString()).toBe(sec(start));
    expect(after?.end?.toISOString()).toBe(sec(end));
    expect(Number(after?.sequence)).toBe(1);
    expect(after?.lastmodified?.getTime()).toBeGreaterThanOrEqual(before?.lastmodified?.getTime() as number);

    await t.tdb.db.updateTable('signups').set({ status: 'cancelled' }).where('id', '=', s.id).execute();
    const gone = event(await events(url), s.id);
    expect(gone).toMatchObject({ status: 'CANCELLED' });
    expect(Number(gone?.sequence)).toBe(2);
  });

  it('never writes the token to the log', async () => {
    const { url } = (await me.get('/api/v1/me/calendar')).json() as { url: string };
    const token = /calendar\/(.+)\.ics$/.exec(url)?.[1] as string;
    const from = t.logs.lines.length;
    expect((await fetchFeed(url)).statusCode).toBe(200);
    expect((await fetchFeed(url.replace(token, token.slice(0, -2) + 'zz'))).statusCode).toBe(404);
    const logged = t.logs.lines.slice(from).join('');
    expect(logged).toContain('/api/v1/calendar/:token.ics');
    expect(logged).not.toContain(token);
    expect(logged).not.toContain(token.slice(0, 20));
    expect(t.logs.text()).not.toContain(token);
  });

  it('builds the URL on SHANMEI_PUBLIC_URL when it is set, whatever Host the request names', async () => {
    const other = await createTestApp(dialect, { env: { SHANMEI_PUBLIC_URL: 'https://zyz.example.org/' } });
    try {
      await makeRegions(other.tdb.db);
      const v = await makeVolunteer(other.app);
      const client = await clientFor(other.app, v.userId);
      const res = await other.app.inject({
        method: 'GET',
        url: '/api/v1/me/calendar',
        headers: { authorization: `Bearer ${client.token}`, host: 'evil.example.net' },
      });
      expect(res.statusCode).toBe(200);
      expect((res.json() as { url: string }).url).toMatch(
        /^https:\/\/zyz\.example\.org\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/,
      );
    } finally {
      await other.close();
    }
  });
});
