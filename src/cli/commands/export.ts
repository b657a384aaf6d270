import { createWriteStream, rmSync } from 'node:fs';
import { extname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Command } from 'commander';
import { EXPORT_KINDS, ExportQuery, type ExportKind } from '../../common/contract/exports.js';
import { loadConfig } from '../../server/config.js';
import { cipherFor } from '../../server/crypto.js';
import { openDatabase, type Database } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrator.js';
import { exportTable } from '../../server/modules/exports/index.js';
import { actingAdmin } from '../acting-admin.js';

interface ExportOptions {
  format?: string;
  region?: string;
  organisation?: string;
  status?: string;
  from?: string;
  to?: string;
  full?: boolean;
  as: string;
  lang?: string;
  databaseUrl?: string;
}

/** Exit codes: 0 the file is written, 2 the call is wrong (kind, filter, admin, scope). */
const fail = (message: string) => {
  console.error(`shanmei export: ${message}`);
  process.exitCode = 2;
};

/** The options as the API's query, so the CLI refuses exactly what the API refuses. */
function queryOf(file: string, o: ExportOptions) {
  const ext = extname(file).slice(1).toLowerCase();
  const raw: Record<string, string | undefined> = {
    format: o.format ?? (ext === 'csv' || ext === 'xlsx' ? ext : undefined),
    regionCode: o.region,
    organisationId: o.organisation,
    status: o.status,
    from: o.from,
    to: o.to,
    full: o.full ? 'true' : undefined,
    lang: o.lang,
  };
  return ExportQuery.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)));
}

async function runCli(kind: string, file: string, opts: ExportOptions): Promise<void> {
  if (!(EXPORT_KINDS as readonly string[]).includes(kind)) {
    return fail(`<kind> must be one of ${EXPORT_KINDS.join(', ')}, got "${kind}"`);
  }
  const parsed = queryOf(file, opts);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(`${issue?.path.join('.') ?? 'options'}: ${issue?.message ?? 'invalid'}`);
  }
  let database: Database | undefined;
  let writing = false;
  try {
    const config = loadConfig(process.env, opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {});
    database = openDatabase(config.databaseUrl);
    await migrateToLatest(database.db);
    const actor = await actingAdmin(database.db, opts.as);
    if (!actor) return fail(`no user "${opts.as}" (--as names the admin the export acts for)`);
    let rows = 0;
    const out = await exportTable({ database, cipher: cipherFor(config) }, actor, kind as ExportKind, parsed.data, {
      onDone: (n) => (rows = n),
    });
    writing = true;
    await pipeline(out.stream, createWriteStream(file));
    console.log(`${rows} rows written to ${file}.`);
  } catch (err) {
    // A file cut short is not left behind to be taken for the whole.
    if (writing) rmSync(file, { force: true });
    fail(err instanceof Error ? err.message : String(err));
  } finally {
    await database?.close();
  }
}

export function exportCommand(): Command {
  return new Command('export')
    .description(
      `Export what an admin's scope holds as .xlsx or .csv, as GET /api/v1/exports/:kind does; kinds: ${EXPORT_KINDS.join(', ')}. ` +
        'Exit 0: written; 2: the kind, a filter, the admin or the scope is wrong',
    )
    .argument('<kind>', EXPORT_KINDS.join(' | '))
    .argument('<file>', 'where the file goes (.xlsx or .csv; the extension picks the format)')
    .option('--format <format>', 'xlsx or csv (default: from the file name, else xlsx)')
    .option('--region <code>', 'only this region and below (within the admin’s scope)')
    .option('--organisation <id>', 'only what lies under this organisation')
    .option('--status <status>', "the kind's status")
    .option('--from <YYYY-MM-DD>', 'first local day')
    .option('--to <YYYY-MM-DD>', 'last local day, included')
    .option('--full', 'volunteers: ID numbers and phones in full (system and region admins; audited)')
    .option('--as <username>', 'the admin the export acts for (their scope bounds it)', 'admin')
    .option('--lang <locale>', 'language of the headers: zh-CN or en (default: the admin’s)')
    .option('--database-url <url>', 'sqlite:<path> or postgres://… (env DATABASE_URL)')
    .action(runCli);
}
