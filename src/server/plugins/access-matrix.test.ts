import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor } from '../../../test/activity-factories.js';
import { probeOf, type Scope } from '../../../test/fuzz/probes.js';
import { readOperations, type Operation } from '../../../test/fuzz/operations.js';
import { makeScene, ROLES, type FuzzRole, type Scene } from '../../../test/fuzz/scene.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { DIALECTS } from '../../../test/test-db.js';
import { withTable, type Cell, type Outcome, type Row } from './access-matrix.format.js';
import { ACCESS_MATRIX } from './access-matrix.js';

/** What an answer says about access: let through (2xx, 409, 422), refused input (400), or refused. */
function outcomeOf(status: number): Outcome {
  if (status < 300 || status === 409 || status === 422) return 'allowed';
  if (status === 400) return 'invalid';
  return String(status) as Outcome;
}

const cellOf = (inScope: Outcome, outOfScope: Outcome): Cell =>
  inScope === outOfScope ? inScope : (`${inScope}/${outOfScope}` as Cell);

describe.each(DIALECTS)(
  'the access matrix: every operation × role × scope against access-matrix.ts, on %s',
  (dialect) => {
    let t: TestApp;
    let scene: Scene;
    let ops: Operation[];
    beforeAll(async () => {
      // Rate limits off: the matrix asks who may call, not how often.
      t = await createTestApp(dialect, { env: { SHANMEI_RATE_LIMITS: 'off' } });
      scene = await makeScene(t);
      ops = (await readOperations(t)).ops;
    });
    afterAll(() => t.close());

    it('answers each role in and out of scope as the table declares, and the table names every operation', async () => {
      const observed: Record<string, Row> = {};
      const tokens = Object.fromEntries(Object.entries(scene.clients).map(([role, c]) => [role, c.token])) as Record<
        Exclude<FuzzRole, 'anonymous'>,
        string
      >;
      /** Why a probe was refused as input, per operation: what to improve in probes.ts. */
      const invalid = new Map<string, string>();
      for (const op of ops) {
        const row = {} as Record<FuzzRole, Cell>;
        for (const role of ROLES) {
          const outcomes = {} as Record<Scope, Outcome>;
          for (const scope of ['in', 'out'] as const) {
            const probe = probeOf(scene, op, scope);
            const headers: Record<string, string> =
              role === 'anonymous' ? {} : { authorization: `Bearer ${tokens[role]}` };
            const res = await t.app.inject({
              method: probe.method,
              url: probe.url,
              headers,
              ...(probe.body === undefined ? {} : { payload: probe.body as Record<string, unknown> }),
            });
            // A probe of logout or of a password change ends the token it came with: a new one for what follows.
            if (role !== 'anonymous' && ['postAuthLogout', 'postMePassword'].includes(op.operationId))
              tokens[role] = (await clientFor(t.app, scene.userIds[role])).token;
            outcomes[scope] = outcomeOf(res.statusCode);
            if (res.statusCode === 400) invalid.set(op.operationId, `${probe.url} ${res.body.slice(0, 200)}`);
          }
          row[role] = cellOf(outcomes.in, outcomes.out);
        }
        observed[op.operationId] = row;
      }
      if (process.env.SHANMEI_ACCESS_MATRIX_WRITE === '1') {
        writeMatrix(observed);
        console.log([...invalid].map(([id, why]) => `${id}: ${why}`).join('\n'));
      }

      const declared: Record<string, Row> = ACCESS_MATRIX;
      const missing = ops.map((op) => op.operationId).filter((id) => !(id in declared));
      expect(missing, 'operations without a row in access-matrix.ts').toEqual([]);
      const gone = Object.keys(declared).filter((id) => !(id in observed));
      expect(gone, 'rows of access-matrix.ts for operations that no longer exist').toEqual([]);
      const wrong: string[] = [];
      for (const [id, row] of Object.entries(observed)) {
        for (const role of ROLES) {
          if (declared[id]?.[role] !== row[role])
            wrong.push(`${id} as ${role}: declared ${declared[id]?.[role]}, answered ${row[role]}`);
        }
      }
      expect(wrong).toEqual([]);
    }, 240_000);
  },
);

/**
 * SHANMEI_ACCESS_MATRIX_WRITE=1 rewrites the table's rows from what the server answers: review every
 * changed cell against ../shared/API.md (git diff) before keeping it.
 */
function writeMatrix(observed: Record<string, Row>): void {
  const file = join(import.meta.dirname, 'access-matrix.ts');
  writeFileSync(file, withTable(readFileSync(file, 'utf8'), observed));
}
