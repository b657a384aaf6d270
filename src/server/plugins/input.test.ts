import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { DIALECTS } from '../../../test/test-db.js';
import { findBadInput, MAX_NESTING } from './input.js';

const cursor = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('findBadInput', () => {
  it('finds a control character in any string or key, and allows tab, line feed and return', () => {
    expect(findBadInput({ a: 'line one\nline two\ttab\r\n' }, 'body')).toBeNull();
    expect(findBadInput({ a: [{ b: 'x\u0000y' }] }, 'body')).toEqual({ field: 'body.a.0.b', problem: 'control' });
    expect(findBadInput({ a: 'bell\u0007' }, 'body')).toEqual({ field: 'body.a', problem: 'control' });
    expect(findBadInput({ a: 'del\u007f' }, 'body')).toEqual({ field: 'body.a', problem: 'control' });
    expect(findBadInput({ 'k\u0000': 1 }, 'body')).toEqual({ field: 'body', problem: 'control' });
    expect(findBadInput('\u001b[31m', 'params')).toEqual({ field: 'params', problem: 'control' });
    expect(findBadInput({ name: '陈善美', n: 5, ok: true, none: null }, 'body')).toBeNull();
  });

  it('stops at a nesting deeper than any schema, without recursion', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findBadInput(deep, 'body')?.problem).toBe('nesting');
    let ok: unknown = 'x';
    for (let i = 0; i < MAX_NESTING - 1; i++) ok = { a: ok };
    expect(findBadInput(ok, 'body')).toBeNull();
  });
});

describe.each(DIALECTS)('hostile input answered with 4xx and the error body on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  const expectRefused = async (
    req: InjectOptions & { method: 'GET' | 'POST'; url: string },
    status: number,
    field?: string,
  ) => {
    const res = await t.app.inject(req);
    expect(res.statusCode, `${req.method} ${req.url.slice(0, 80)}: ${res.body.slice(0, 200)}`).toBe(status);
    const body = res.json() as { error: { code: string; message: string; details?: { field?: string } } };
    expect(typeof body.error.code).toBe('string');
    expect(typeof body.error.message).toBe('string');
    if (field) expect(body.error.details?.field).toBe(field);
    return body.error;
  };

  it('refuses a NUL byte or another control character in a query, a path or a body, before the database', async () => {
    await expectRefused({ method: 'GET', url: '/api/v1/activities?field=%00' }, 400, 'querystring.field');
    await expectRefused({ method: 'GET', url: '/api/v1/activities/a%00b' }, 400, 'params.id');
    const login = await expectRefused(
      { method: 'POST', url: '/api/v1/auth/login', payload: { login: 'x\u0000y', password: 'whatever-it-is' } },
      400,
      'body.login',
    );
    expect(login.message).toContain('control character');
    await expectRefused(
      { method: 'POST', url: '/api/v1/auth/login', payload: { login: 'alice', password: 'p\u001bw' } },
      400,
      'body.password',
    );
    // The value itself is never echoed or logged.
    expect(t.logs.text()).not.toContain('p\u001bw');
  });

  it('refuses a body nested far deeper than any schema', async () => {
    const depth = 100_000;
    const payload = '['.repeat(depth) + ']'.repeat(depth);
    await expectRefused(
      { method: 'POST', url: '/api/v1/auth/login', payload, headers: { 'content-type': 'application/json' } },
      400,
    );
  });

  it('refuses cursors holding objects, arrays, huge or negative numbers, or nothing like a cursor', async () => {
    for (const bad of [
      cursor({ s: { a: 1 }, id: [1] }),
      cursor({ s: 'x', id: 'x\u0000' }),
      cursor({ s: 'x' }),
      cursor([1, 2]),
      cursor(null),
      'not-base64-json',
    ]) {
      await expectRefused({ method: 'GET', url: `/api/v1/activities?cursor=${bad}` }, 400, 'query.cursor');
    }
    for (const bad of [cursor({ offset: 1e308 }), cursor({ offset: -5 }), cursor({ offset: '3' })]) {
      await expectRefused({ method: 'GET', url: `/api/v1/sites?near=29.56,106.55&cursor=${bad}` }, 400, 'query.cursor');
    }
    // A cursor the list gave out still works.
    const ok = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sites?near=29.56,106.55&cursor=${cursor({ offset: 0 })}`,
    });
    expect(ok.statusCode).toBe(200);
  });

  it("answers the router's own refusals in the error body: broken escapes, over-long parts, unknown routes", async () => {
    expect((await expectRefused({ method: 'GET', url: '/api/v1/activities/%E0%A4%A' }, 400, 'url')).code).toBe(
      'VALIDATION_ERROR',
    );
    await expectRefused({ method: 'GET', url: '/%E0%A4%A' }, 400, 'url');
    await expectRefused({ method: 'GET', url: '/api/docs/%E0%A4%A' }, 400, 'url');
    expect((await expectRefused({ method: 'GET', url: `/api/v1/activities/${'a'.repeat(500)}` }, 414)).code).toBe(
      'URI_TOO_LONG',
    );
    expect((await expectRefused({ method: 'GET', url: '/api/v1/no-such-thing' }, 404)).code).toBe('NOT_FOUND');
    // Found by the API fuzz (test/fuzz): a control character in a path no route matches was
    // refused naming `params.*`, Fastify's own name for the unmatched path.
    const unmatched = await expectRefused({ method: 'GET', url: '/api/v1/calendar/%0D%0A%0B.ics' }, 400, 'url');
    expect(unmatched.message).toMatch(/^url: /);
    await expectRefused({ method: 'GET', url: '/api/v1/no-such-thing/%00' }, 400, 'url');
  });
});
