import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeActivity,
  makeOrganisationTree,
  makeSignup,
  shiftAt,
  type OrganisationTree,
} from '../../../../test/activity-factories.js';
import { DIALECTS } from '../../../../test/test-db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';

// Whatever an organiser sends, the answer is a 4xx with a message, never a 500.
describe.each(DIALECTS)('bad input to activities, shifts and sign-ups on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;
  let ids: { activity: string; shift: string; signup: string };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
    const a = await makeActivity(t.app, { orgId: tree.teamId, shifts: [shiftAt(-1, 3)] });
    const s = await makeSignup(t.app, { shiftId: a.shiftIds[0] as string });
    ids = { activity: a.id, shift: a.shiftIds[0] as string, signup: s.id };
  });
  afterAll(() => t.close());

  const junk: unknown[] = [
    null,
    [],
    'text',
    42,
    { shifts: 'many' },
    { capacity: '10' },
    { start: 'tomorrow', end: 'later' },
    { count: 1.5 },
    { reason: '' },
    { reason: 'x'.repeat(10_000) },
    { organisationId: ['a'], title: { zh: 'x' } },
    { kind: null },
    { insurer: 'x', policyNumber: 'y', startsOn: '2026-02-30', endsOn: '2026-03-01', organisationId: 'o' },
  ];

  it('answers 4xx with a message for every malformed body', async () => {
    const admin = tree.teamAdmin.client;
    const targets: [string, string][] = [
      ['POST', '/api/v1/activities'],
      ['POST', `/api/v1/activities/${ids.activity}/cancel`],
      ['PATCH', `/api/v1/activities/${ids.activity}`],
      ['PATCH', `/api/v1/shifts/${ids.shift}`],
      ['POST', `/api/v1/shifts/${ids.shift}/people-served`],
      ['POST', `/api/v1/signups/${ids.signup}/reject`],
      ['POST', '/api/v1/projects'],
      ['POST', '/api/v1/insurance-policies'],
      ['POST', `/api/v1/volunteers/${tree.teamId}/qualifications`],
    ];
    for (const [method, url] of targets) {
      for (const body of junk) {
        if (body === null && url.endsWith('/reject')) continue; // no body is a valid rejection
        const res = await admin.request(method as 'POST', url, body);
        const label = `${method} ${url} ${JSON.stringify(body).slice(0, 60)}`;
        expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, label).toBeLessThan(500);
        expect(res.json().error.message, label).toEqual(expect.any(String));
      }
    }
    const queries = [
      '/api/v1/activities?near=91,0',
      '/api/v1/activities?radiusKm=-1',
      '/api/v1/activities?from=2026-13-01T00:00:00Z',
      '/api/v1/activities?limit=abc',
      '/api/v1/activities?field=' + 'x'.repeat(100),
      '/api/v1/activities?unknown=1',
      `/api/v1/shifts/${ids.shift}/signups?limit=0`,
      '/api/v1/me/signups?status=maybe',
      '/api/v1/projects?parentId=' + 'x'.repeat(100),
    ];
    for (const url of queries) {
      const res = await admin.get(url);
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
    }
  });
});
