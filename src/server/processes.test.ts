import { request, type ClientRequest } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/test-db.js';
import { moreAnswers, once, startServe, steadyLoad, type ServerProcess } from '../../test/server-process.js';

/**
 * The server as its operator runs it: `shanmei serve` in processes of its own, stopped,
 * restarted and overloaded while requests keep coming.
 */
describe.each(DIALECTS)('server processes (%s)', (dialect) => {
  const databases: TestDatabase[] = [];
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    for (const d of databases) await d.drop();
  });
  const fresh = async () => {
    const d = await createTestDatabase(dialect);
    databases.push(d);
    return d;
  };
  const serve = async (url: string, args: string[] = [], env: Record<string, string> = {}) => {
    const s = await startServe(url, args, env);
    servers.push(s);
    return s;
  };

  it('finishes the requests in flight on SIGTERM, then closes the database and exits 0', async () => {
    const d = await fresh();
    const s = await serve(d.url);
    const load = steadyLoad(() => once(`${s.url}/api/v1/activities`));
    await moreAnswers(load, 50);
    // A request in flight: its headers and half its body are sent before the signal.
    const body = JSON.stringify({ login: 'admin', password: 'not-the-password' });
    let inFlight: ClientRequest | undefined;
    const pending = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${s.url}/api/v1/auth/login`, {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.write(body.slice(0, 10));
      inFlight = req;
    });
    await moreAnswers(load, 50);
    s.child.kill('SIGTERM');
    // Once nobody listens any more, the rest of the body goes: the server still answers it.
    while (
      await once(`${s.url}/api/v1/health`).then(
        () => true,
        () => false,
      )
    );
    inFlight?.end(body.slice(10));
    const answer = await pending;
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
    expect(await s.exited).toBe(0);
    await load.stop();
    // Every request the server read was answered in full: no 503 while closing, no 500 from a
    // database closed too early. (Connections still in the kernel's queue when the port closed
    // are refused or reset, unread: a single process cannot hand them on; two workers do.)
    expect([...load.statuses.keys()]).toEqual([200]);
    expect([...load.errors.keys()].filter((e) => e !== 'ECONNREFUSED' && e !== 'ECONNRESET')).toEqual([]);
    expect(s.output()).not.toMatch(/destroyed|error/i);
  }, 60_000);

  it('restarts two workers one at a time on SIGHUP without losing a request', async () => {
    const d = await fresh();
    const s = await serve(d.url, ['--workers', '2']);
    expect(s.output()).toContain('2 worker processes');
    const load = steadyLoad(() => once(`${s.url}/api/v1/activities`));
    await moreAnswers(load, 100);
    s.child.kill('SIGHUP');
    await s.printed('worker 2 restarted');
    await moreAnswers(load, 100);
    await load.stop();
    expect(Object.fromEntries(load.errors)).toEqual({});
    expect([...load.statuses.keys()]).toEqual([200]);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  }, 180_000);

  it("counts failed logins across workers: the account's limit holds wherever the attempts land", async () => {
    const d = await fresh();
    const s = await serve(d.url, ['--workers', '2'], { SHANMEI_RATE_LIMITS: 'on' });
    const attempt = () => once(`${s.url}/api/v1/auth/login`, 'POST', { login: 'admin', password: 'wrong-wrong' });
    const answers: number[] = [];
    for (let i = 0; i < 7; i++) answers.push((await attempt()).status);
    // Five failures per account, then a wait — though the attempts went to both workers in turn
    // (the counts are in the database, shared by every process).
    expect(answers.slice(0, 5)).toEqual(Array(5).fill(401));
    expect(answers.slice(5)).toEqual([429, 429]);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  }, 180_000);
});
