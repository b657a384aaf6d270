import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, type BearerClient } from '../activity-factories.js';
import { PASSWORD } from '../factories.js';
import { rememberSecret } from '../log-scan.js';
import { createTestApp, type TestApp } from '../test-app.js';
import { DIALECTS } from '../test-db.js';
import { wrongAnswer, type SentInput } from './answers.js';
import { fuzzSettings } from './fuzz-settings.js';
import { verifyInvariants } from './invariants.js';
import { readOperations, type Operation } from './operations.js';
import { requestFor, type FuzzRequest } from './requests.js';
import { makeScene, type Scene } from './scene.js';

const { seed, runs } = fuzzSettings();
// First, so that a run cut short still tells how to replay it.
console.log(
  `fuzz: seed ${seed}, ${runs} requests per dialect; replay with SHANMEI_FUZZ_SEED=${seed} SHANMEI_FUZZ_RUNS=${runs}`,
);

/** The query parameter names and top-level body keys a request sent. */
function sentInput(req: FuzzRequest): SentInput {
  const search = req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
  const query = search.split('&').map((p) => {
    const name = p.split('=')[0] ?? '';
    try {
      return decodeURIComponent(name);
    } catch {
      return name;
    }
  });
  let json = req.body && 'json' in req.body ? req.body.json : undefined;
  if (req.body && 'raw' in req.body) {
    try {
      json = JSON.parse(req.body.raw);
    } catch {
      // not JSON: no keys
    }
  }
  const body = json && typeof json === 'object' ? Object.keys(json) : [];
  return { query, body };
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…(${s.length} chars)` : s);

/** A request and its answer, short enough to read in a failure. */
function describeFinding(req: FuzzRequest, why: string, res?: LightMyRequestResponse): string {
  const body = req.body === undefined ? '' : 'json' in req.body ? JSON.stringify(req.body.json) : req.body.raw;
  const type = req.body && 'raw' in req.body ? ` [${req.body.contentType}]` : '';
  return [
    `${req.operationId}: ${why}`,
    `  as ${req.role} (${req.transport}): ${req.method} ${clip(req.url, 200)}${type} ${clip(body ?? '', 300)}`,
    `  headers ${clip(JSON.stringify(req.headers), 200)}`,
    res ? `  → ${res.statusCode} ${clip(res.body, 300)}` : '',
  ].join('\n');
}

describe.each(DIALECTS)('every operation of the API document under fuzz, on %s', (dialect) => {
  let t: TestApp;
  let scene: Scene;
  let ops: Operation[];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    scene = await makeScene(t);
    ops = (await readOperations(t)).ops;
  });
  afterAll(() => t.close());

  it(
    `answers ${runs} requests (seed ${seed}) below 500, every refusal with the error body, and keeps the ledger, statistics and capacities`,
    async () => {
      expect(await verifyInvariants(t.tdb.db)).toEqual([]);
      const clients: Partial<Record<FuzzRequest['role'], BearerClient>> = { ...scene.clients };
      const findings = new Map<string, { count: number; example: string }>();
      const note = (key: string, example: string) => {
        const seen = findings.get(key);
        if (seen) seen.count++;
        else findings.set(key, { count: 1, example });
      };

      type Role = Exclude<FuzzRequest['role'], 'anonymous'>;
      const sessions: Partial<Record<Role, { cookie: string; csrf: string } | null>> = {};
      /** A session of the role, logged in once; null once its password changed under it. */
      const sessionOf = async (role: Role) => {
        if (sessions[role] !== undefined) return sessions[role];
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { login: scene.logins[role], password: PASSWORD },
        });
        const set = res.headers['set-cookie'];
        const cookie = (Array.isArray(set) ? set[0] : set)?.split(';')[0];
        if (res.statusCode !== 200 || !cookie) return (sessions[role] = null);
        const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
        const csrf = (me.json() as { csrfToken: string }).csrfToken;
        rememberSecret(cookie.slice(cookie.indexOf('=') + 1));
        return (sessions[role] = { cookie, csrf });
      };

      const send = async (req: FuzzRequest): Promise<LightMyRequestResponse | undefined> => {
        const auth: Record<string, string> = {};
        if (req.role !== 'anonymous') {
          const session = req.transport === 'bearer' ? null : await sessionOf(req.role);
          if (session) {
            auth.cookie = session.cookie;
            if (req.transport === 'session') auth['x-csrf-token'] = session.csrf;
          } else {
            auth.authorization = `Bearer ${(clients[req.role] as BearerClient).token}`;
          }
        }
        const headers: Record<string, string> = { ...auth, ...req.headers };
        let payload: string | undefined;
        if (req.body && 'json' in req.body && req.body.json !== undefined) {
          payload = JSON.stringify(req.body.json);
          headers['content-type'] = 'application/json';
        } else if (req.body && 'raw' in req.body) {
          payload = req.body.raw;
          headers['content-type'] = req.body.contentType;
        }
        try {
          return await t.app.inject({ method: req.method, url: req.url, headers, payload });
        } catch (err) {
          // A header no HTTP client could send (light-my-request refuses it as Node's would).
          if (/header/i.test((err as Error).message)) return undefined;
          throw err;
        }
      };

      const answered = new Map<string, number>();
      /** Operations that answered at least one request with a 2xx: how far past validation the fuzz got. */
      const reached = new Set<string>();
      const started = performance.now();
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...ops).chain((op) => requestFor(scene, op).map((req) => ({ op, req }))),
          async ({ op, req }) => {
            let res: LightMyRequestResponse | undefined;
            try {
              res = await send(req);
            } catch (err) {
              note(`${req.operationId} threw`, describeFinding(req, `inject threw ${(err as Error).message}`));
              return true;
            }
            if (!res) return true;
            const statusClass = `${Math.floor(res.statusCode / 100)}xx`;
            answered.set(statusClass, (answered.get(statusClass) ?? 0) + 1);
            if (res.statusCode < 300) reached.add(req.operationId);
            const why = wrongAnswer(res, req.rerouted ? undefined : { op, sent: sentInput(req) });
            if (why) note(`${req.operationId} ${why}`, describeFinding(req, why, res));
            // A token or session the request itself ended (a password change, a logout): new ones for the role.
            if (
              req.role !== 'anonymous' &&
              !('authorization' in req.headers) &&
              !('cookie' in req.headers) &&
              res.statusCode === 401 &&
              (res.json() as { error?: { code?: string } }).error?.code === 'UNAUTHENTICATED'
            ) {
              clients[req.role] = await clientFor(t.app, scene.userIds[req.role]);
              delete sessions[req.role];
            }
            return true;
          },
        ),
        { seed, numRuns: runs },
      );
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `fuzz on ${dialect}: ${runs} requests in ${seconds} s, seed ${seed}` +
          ` (replay: SHANMEI_FUZZ_SEED=${seed} SHANMEI_FUZZ_RUNS=${runs} npx vitest run test/fuzz/api.fuzz.test.ts);` +
          ` answers ${JSON.stringify(Object.fromEntries([...answered].sort()))}, ${reached.size} of ${ops.length} operations answered 2xx`,
      );
      const report = [...findings.entries()].map(([key, f]) => `${key} (×${f.count})\n${f.example}`);
      expect(report, `seed ${seed}`).toEqual([]);
      expect(await verifyInvariants(t.tdb.db)).toEqual([]);
    },
    Math.max(120_000, runs * 250),
  );
});
