/**
 * Lints the API document as clients receive it: builds the app in-process on a throwaway SQLite
 * database, writes GET /api/v1/openapi.json to a temp file and runs Redocly CLI over it with the
 * recommended rules (redocly.yaml). Exits non-zero when the linter finds any error. Offline: the
 * rules ship inside the package, telemetry and update checks are off. `npm run lint:openapi`,
 * part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestApp } from './test-app.js';

const t = await createTestApp('sqlite');
const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
await t.close();
if (res.statusCode !== 200) throw new Error(`GET /api/v1/openapi.json answered ${res.statusCode}`);

const dir = mkdtempSync(join(tmpdir(), 'shanmei-openapi-'));
try {
  const file = join(dir, 'openapi.json');
  writeFileSync(file, res.body);
  const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
  const config = fileURLToPath(new URL('../redocly.yaml', import.meta.url));
  const run = spawnSync(process.execPath, [cli, 'lint', file, '--config', config], {
    stdio: 'inherit',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
