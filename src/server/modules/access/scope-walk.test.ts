import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BearerClient } from '../../../../test/activity-factories.js';
import { rowsOf, tableNames } from '../../../../test/db-dump.js';
import { scopeWalkScene, type WriteCall } from '../../../../test/scope-walk-scene.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';

/**
 * Write endpoints a person calls on their own behalf only: logging in and out, registering,
 * their own settings, checking in with a code, proving a phone. An admin from elsewhere has no
 * other person's resource to name in them.
 */
const SELF_SERVICE = new Set([
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/logout-all',
  'POST /api/v1/auth/tokens',
  // One's own tokens only: another's answers 404 (tokens.routes.test.ts).
  'DELETE /api/v1/auth/tokens/{id}',
  'POST /api/v1/auth/password-reset',
  'POST /api/v1/verification-codes',
  'POST /api/v1/volunteers',
  'POST /api/v1/residents',
  'POST /api/v1/me/notifications/{id}/read',
  'POST /api/v1/me/notifications/read-all',
  'PUT /api/v1/me/notification-prefs',
  'PUT /api/v1/me/email',
  'POST /api/v1/me/calendar/reset',
  'PUT /api/v1/me/password',
  'POST /api/v1/me/close',
  'PUT /api/v1/me/guardian',
  'PUT /api/v1/me/pin',
  'POST /api/v1/checkins',
  'POST /api/v1/checkouts',
  // An import names no one's resource: it is the admin's own, and each row is held to the
  // admin's regions (a row from another district is refused; imports.routes.test.ts).
  'POST /api/v1/imports',
  // A resident posts their own need; every later step names it and is walked below.
  'POST /api/v1/needs',
  // Anyone sends a story tip; it names a region only, and lands with that region's organisation.
  'POST /api/v1/story-tips',
  // Anyone signed in sends their own report and uploads its photos; every later step is walked below.
  'POST /api/v1/reports',
  'POST /api/v1/reports/photos',
]);

describe.each(DIALECTS)('every write, as an admin from another district, on %s', (dialect) => {
  let t: TestApp;
  let outsider: BearerClient;
  let calls: WriteCall[] = [];

  /** Every row of every table, as text: what "nothing written" is checked against. */
  const snapshot = async (): Promise<string> => {
    const parts: string[] = [];
    for (const name of await tableNames(t.tdb.db, dialect)) {
      if (name === 'sessions' || name === 'kysely_migration' || name === 'kysely_migration_lock') continue;
      // A token's last use is noted (at most once a minute) whatever the answer: not a write of the call's.
      const rows = (await rowsOf(t.tdb.db, name)).map((r) =>
        name === 'api_tokens' ? { ...r, last_used_at: null } : r,
      );
      parts.push(`${name}:${JSON.stringify(rows.map((r) => JSON.stringify(r)).sort())}`);
    }
    return parts.join('\n');
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ outsider, calls } = await scopeWalkScene(t));
  });
  afterAll(() => t.close());

  it('covers every write endpoint of the OpenAPI document but those a person calls for themselves', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const writes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => m !== 'get' && m !== 'head')
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    const template = (c: WriteCall) => {
      const parts = c.path.split('/');
      return `${c.method} ${
        (c.path in doc.paths ? c.path : undefined) ??
        Object.keys(doc.paths).find((p) => {
          const q = p.split('/');
          return q.length === parts.length && q.every((s, i) => s === parts[i] || /^\{.+\}$/.test(s));
        }) ??
        c.path
      }`;
    };
    const walked = new Set(calls.map(template));
    expect(writes.filter((w) => !walked.has(w) && !SELF_SERVICE.has(w))).toEqual([]);
  });

  it('refuses each with 403 or 404 and writes nothing', async () => {
    const refused: string[] = [];
    for (const c of calls) {
      const before = await snapshot();
      const res = await outsider.request(c.method, c.path, c.body);
      if (res.statusCode !== 403 && res.statusCode !== 404)
        refused.push(`${c.method} ${c.path} → ${res.statusCode} ${res.body}`);
      expect(await snapshot(), `${c.method} ${c.path} wrote something`).toBe(before);
    }
    expect(refused).toEqual([]);
  });
});
