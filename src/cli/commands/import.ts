import { createWriteStream, existsSync, statSync } from 'node:fs';
import { Command } from 'commander';
import { IMPORT_KINDS, type ImportKind } from '../../common/contract/imports.js';
import type { Locale } from '../../common/enums.js';
import { loadConfig } from '../../server/config.js';
import { cipherFor } from '../../server/crypto.js';
import { openDatabase, type Database } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrator.js';
import { grantsOfUser } from '../../server/platform/access/access.repository.js';
import { userByUsername } from '../../server/modules/auth/index.js';
import {
  createImport,
  importView,
  refusals,
  REPORT_LABELS,
  runImportInThread,
  writeReportCsv,
  type RunProgress,
} from '../../server/modules/imports/index.js';

interface ImportOptions {
  report?: string;
  allOrNothing?: boolean;
  as: string;
  lang: string;
  databaseUrl?: string;
}

/** Exit codes of API.md: 0 every row accepted, 1 some refused (see the report), 2 the file or the call is wrong. */
const fail = (message: string) => {
  console.error(`shanmei import: ${message}`);
  process.exitCode = 2;
};

/** A progress line: a bar on a terminal (redrawn), a line per tenth otherwise. */
function progressPrinter(bytes: number): (p: RunProgress) => void {
  let lastTenth = -1;
  return (p) => {
    const share = bytes > 0 ? Math.min(1, p.bytes / bytes) : 0;
    const text = `${(share * 100).toFixed(0).padStart(3)}% ${p.done} rows: ${p.accepted} accepted, ${p.rejected} refused`;
    if (process.stdout.isTTY) {
      const width = 30;
      const filled = Math.round(share * width);
      process.stdout.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}`);
    } else if (Math.floor(share * 10) > lastTenth) {
      lastTenth = Math.floor(share * 10);
      console.log(text);
    }
  };
}

async function runCli(kind: string, file: string, opts: ImportOptions): Promise<void> {
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) {
    return fail(`<kind> must be one of ${IMPORT_KINDS.join(', ')}, got "${kind}"`);
  }
  if (!existsSync(file) || !statSync(file).isFile()) return fail(`cannot read the file "${file}"`);
  if (opts.lang !== 'zh-CN' && opts.lang !== 'en') return fail(`--lang must be zh-CN or en, got "${opts.lang}"`);
  const locale = opts.lang as Locale;
  let database: Database | undefined;
  try {
    const config = loadConfig(process.env, opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {});
    database = openDatabase(config.databaseUrl);
    await migrateToLatest(database.db);
    const ctx = { config, database, cipher: cipherFor(config) };
    const user = await userByUsername(database.db, opts.as);
    if (!user) return fail(`no user "${opts.as}" (--as names the admin the import acts for)`);
    const actor = {
      userId: user.id,
      via: 'session' as const,
      sessionId: null,
      csrfToken: null,
      grants: await grantsOfUser(database.db, user.id),
    };
    const { id } = await createImport(
      ctx,
      actor,
      { kind: kind as ImportKind, allOrNothing: !!opts.allOrNothing, filename: file },
      { path: file },
    );
    // In a thread with a capped heap, as the server runs it.
    const ended = await runImportInThread(ctx, id, `cli:${process.pid}`, {
      onProgress: progressPrinter(statSync(file).size),
    });
    if (process.stdout.isTTY) process.stdout.write('\n');
    if (!ended) return fail('another process is running this import');
    const view = importView(ended, locale);
    if (view.failure) return fail(view.failure.message);
    console.log(`${view.done} rows: ${view.accepted} imported, ${view.rejected} refused.`);
    if (view.rejected > 0) {
      const out = opts.report ?? `${file}.report.csv`;
      await writeReportCsv(refusals(database.db, id, locale), REPORT_LABELS[locale], createWriteStream(out));
      console.log(`The refused rows, with row, column and reason: ${out}`);
      process.exitCode = 1;
    }
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  } finally {
    await database?.close();
  }
}

export function importCommand(): Command {
  return new Command('import')
    .description(
      `Import a spreadsheet (.xlsx or .csv) as the API does; kinds: ${IMPORT_KINDS.join(', ')}. ` +
        'Exit 0: every row imported; 1: some refused (see the report); 2: the file cannot be read',
    )
    .argument('<kind>', IMPORT_KINDS.join(' | '))
    .argument('<file>', 'the .xlsx or .csv file')
    .option('--report <out.csv>', 'where the refused rows go (default: <file>.report.csv)')
    .option('--all-or-nothing', 'write nothing if any row is refused')
    .option('--as <username>', 'the admin the import acts for (their regions bound it)', 'admin')
    .option('--lang <locale>', 'language of the messages and the report: zh-CN or en', 'zh-CN')
    .option('--database-url <url>', 'sqlite:<path> or postgres://… (env DATABASE_URL)')
    .action(runCli);
}
