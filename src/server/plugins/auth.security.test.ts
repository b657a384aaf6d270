import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOperations, type Operation } from '../../../test/fuzz/operations.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { DIALECTS } from '../../../test/test-db.js';
import { SECURITY_SCHEMES, admitsAnonymous, signedInSecurity } from './auth.js';
import { operationIdOf } from './openapi.js';

/**
 * The operations anonymous callers may use (API.md "anyone"); those marked * answer a signed-in
 * caller more. Any other operation answers them 401: a new public route is added here on purpose.
 */
const ANYONE = [
  'GET /api/v1/health',
  'GET /api/v1/config',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/password-reset',
  'POST /api/v1/verification-codes *',
  'POST /api/v1/volunteers',
  'POST /api/v1/residents',
  'GET /api/v1/regions',
  'GET /api/v1/regions/{code}/path',
  'GET /api/v1/fields',
  'GET /api/v1/need-types',
  'GET /api/v1/qualification-kinds',
  'GET /api/v1/organisations',
  'GET /api/v1/organisations/{id}',
  'GET /api/v1/sites',
  'GET /api/v1/sites/{id}',
  'GET /api/v1/sites/{id}/activities *',
  'GET /api/v1/supermarkets/{siteId}/goods *',
  'GET /api/v1/projects',
  'GET /api/v1/projects/{id}',
  'GET /api/v1/honours *',
  'GET /api/v1/honours/summary',
  'GET /api/v1/plans/progress',
  'GET /api/v1/stories',
  'GET /api/v1/stories/{id} *',
  'POST /api/v1/story-tips',
  'GET /api/v1/files/{id} *',
  'GET /api/v1/files/{id}/thumbnail *',
  'GET /api/v1/reports/stats/public',
  'GET /api/v1/reports/stats/public.xlsx',
  'GET /api/v1/activities',
  'GET /api/v1/activities/{id} *',
  'GET /api/v1/calendar/{token}.ics',
  'GET /api/v1/certificates/verify/{code}',
  'GET /api/v1/stats/overview',
  'GET /api/v1/stats/overview.xlsx',
  'GET /api/v1/stats/projects',
  'GET /api/v1/stats/today',
];

/** Fills each path parameter with an id that names nothing. */
const urlOf = (path: string) => path.replace(/\{[^}]+\}/g, '01a00000-0000-7000-8000-000000000000');
const label = (op: Operation) => `${op.method} ${op.path}`;

describe('operationIdOf', () => {
  it('camel-cases the method and the path after /api/v1/, each parameter as By<Name>', () => {
    expect(operationIdOf('GET', '/api/v1/activities')).toBe('getActivities');
    expect(operationIdOf('GET', '/api/v1/activities/:id')).toBe('getActivitiesById');
    expect(operationIdOf('POST', '/api/v1/shifts/:id/signups')).toBe('postShiftsByIdSignups');
    expect(operationIdOf('GET', '/api/v1/calendar/:token.ics')).toBe('getCalendarByTokenIcs');
    expect(operationIdOf('PUT', '/api/v1/me/notification-prefs')).toBe('putMeNotificationPrefs');
    expect(operationIdOf('GET', '/api/v1/supermarkets/:siteId/redemptions.xlsx')).toBe(
      'getSupermarketsBySiteIdRedemptionsXlsx',
    );
  });
});

describe.each(DIALECTS)('how each operation of the API document is authenticated, on %s', (dialect) => {
  let t: TestApp;
  let ops: Operation[];
  beforeAll(async () => {
    t = await createTestApp(dialect);
    ops = (await readOperations(t)).ops;
  });
  afterAll(async () => {
    await t.close();
  });
  const isPublic = (op: Operation) => admitsAnonymous(op.security);

  it('declares on every operation its security, with known schemes, and a unique operationId', () => {
    expect(ops.length).toBeGreaterThan(100);
    const schemes = new Set(Object.keys(SECURITY_SCHEMES));
    const wrong = ops.filter((op) => {
      if (!Array.isArray(op.security) || !op.operationId) return true;
      if (op.security.length === 0) return false;
      const signedIn = signedInSecurity(op.method);
      const expected = op.security.some((r) => Object.keys(r).length === 0) ? [{}, ...signedIn] : signedIn;
      return (
        JSON.stringify(op.security) !== JSON.stringify(expected) ||
        op.security.some((r) => Object.keys(r).some((s) => !schemes.has(s)))
      );
    });
    expect(wrong.map(label)).toEqual([]);
    const anyone = ops
      .filter(isPublic)
      .map((op) => `${label(op)}${op.security?.length ? ' *' : ''}`)
      .sort();
    expect(anyone).toEqual([...ANYONE].sort());
    const ids = ops.map((op) => op.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('lists a 4xx answer on every operation, and 401 on each that needs a caller', () => {
    const without4xx = ops.filter((op) => !Object.keys(op.responses).some((s) => /^4\d\d$/.test(s)));
    expect(without4xx.map(label)).toEqual([]);
    const without401 = ops.filter((op) => !isPublic(op) && !('401' in op.responses));
    expect(without401.map(label)).toEqual([]);
  });

  it('answers an anonymous call to each operation that needs a caller with 401 before looking at its input', async () => {
    const wrong: string[] = [];
    for (const op of ops.filter((o) => !isPublic(o))) {
      const res = await t.app.inject({
        method: op.method,
        // Every one of these would be a 400 to a signed-in caller.
        url: `${urlOf(op.path)}?limit=-1&cursor=%7B%7D&from=yesterday&unknown=%00`,
        ...(op.method === 'GET' ? {} : { payload: { unknown: ['\u0000'], limit: 'many', nested: { a: { b: [] } } } }),
      });
      const code = res.statusCode === 401 ? (res.json() as { error?: { code?: string } }).error?.code : undefined;
      if (code !== 'UNAUTHENTICATED') wrong.push(`${label(op)} → ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
    const head = await t.app.inject({ method: 'HEAD', url: '/api/v1/me?unknown=%00' });
    expect(head.statusCode).toBe(401);
  });

  it('lets an anonymous caller reach each public operation, and answers it with the error body when it refuses', async () => {
    const wrong: string[] = [];
    for (const op of ops.filter(isPublic)) {
      const res = await t.app.inject({
        method: op.method,
        url: urlOf(op.path),
        ...(op.method === 'GET' ? {} : { payload: {} }),
      });
      const refused = res.statusCode >= 400;
      const hasErrorBody = !refused || typeof (res.json() as { error?: { code?: unknown } }).error?.code === 'string';
      if (res.statusCode === 401 || res.statusCode >= 500 || !hasErrorBody)
        wrong.push(`${label(op)} → ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
  });
});
