import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrator.js';
/**
 * The dialects the integration suites run on: SQLite always, PostgreSQL whenever
 * DATABASE_URL names one (as .ci/run sets it).
 */
export const DIALECTS = process.env.DATABASE_URL?.startsWith('postgres')
    ? ['sqlite', 'postgres']
    : ['sqlite'];
/**
 * A fresh database of the given dialect (a temp SQLite file or a new PG database), migrated to
 * the latest unless `migrate: false` (for tests of a migration over older rows).
 */
export async function createTestDatabase(dialect, opts = {}) {
    const migrate = opts.migrate === false ? async () => [] : migrateToLatest;
    if (dialect === 'sqlite') {
        const dir = mkdtempSync(join(tmpdir(), 'shanmei-test-'));
        const url = `sqlite:${join(dir, 'test.db')}`;
        const database = openDatabase(url);
        await migrate(database.db);
        return {
            ...database,
            url,
            drop: async () => {
                await database.close();
                rmSync(dir, { recursive: true, force: true });
            },
        };
    }
    const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    const name = `shanmei_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: base.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base.toString());
    url.pathname = `/${name}`;
    const database = openDatabase(url.toString());
    await migrate(database.db);
    return {
        ...database,
        url: url.toString(),
        drop: async () => {
            await database.close();
            const c = new pg.Client({ connectionString: base.toString() });
            await c.connect();
            try {
                // The pool has ended on our side; wait until the server has let its backends go,
                // so FORCE has nobody left to kill (a killed idle client raises 57P01 in the suite).
                for (let i = 0; i < 100; i++) {
                    const r = await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
                    if (r.rows[0].n === 0)
                        break;
                    await new Promise((resolve) => setTimeout(resolve, 50));
                }
                await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            }
            finally {
                await c.end();
            }
        },
    };
}
//# sourceMappingURL=test-db.js.map