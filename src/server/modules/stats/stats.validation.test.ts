import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisationTree, type OrganisationTree } from '../../../../test/activity-factories.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';

describe.each(DIALECTS)('stats overview input on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;
  const get = (qs = '') => t.app.inject({ method: 'GET', url: `/api/v1/stats/overview${qs ? `?${qs}` : ''}` });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses bad input with a message naming the field', async () => {
    const cases: [string, number, string][] = [
      ['regionCode=999999', 404, 'regionCode'],
      [`departmentId=${tree.teamId}`, 404, 'departmentId'],
      ['departmentId=nope', 404, 'departmentId'],
      ['from=2026-13-01', 400, 'from'],
      ['from=2026-02-30', 400, 'from'],
      ['to=yesterday', 400, 'to'],
      ['from=2026-03-01T09:00:00', 400, 'from'],
      ['from=2026-05-01&to=2026-04-01', 422, 'to'],
      ['from=2020-01-01&to=2026-01-01', 422, 'to'],
      ['secret=1', 400, 'secret'],
    ];
    for (const [qs, status, field] of cases) {
      const res = await get(qs);
      expect(res.statusCode, qs).toBe(status);
      expect(res.json().error.message, qs).toContain(field);
    }
  });
});
