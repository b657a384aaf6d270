import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { dialectOf } from './database.js';

/** What a backup or a restore did, for the operator. */
export interface BackupResult {
  file: string;
  bytes: number;
  dialect: 'sqlite' | 'postgres';
}

const sqlitePath = (url: string) => resolve(url.slice('sqlite:'.length));

/**
 * A PostgreSQL URL as the arguments and environment of its client tools: the password goes
 * in PGPASSWORD, never on a command line that `ps` shows.
 */
function pgTarget(url: string): { dbUrl: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env = { ...process.env };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = '';
  return { dbUrl: u.toString(), env };
}

/** Runs a PostgreSQL client tool; rejects with its own last words (which name no secret). */
function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    child.on('error', (e) => fail(new Error(`${tool} could not start (${e.message}); install the PostgreSQL client`)));
    child.on('close', (code) => (code === 0 ? ok() : fail(new Error(`${tool} failed (exit ${code}): ${err.trim()}`))));
  });
}

/**
 * Writes a consistent copy of the live database to `file` while the server keeps serving.
 * SQLite: the online backup API, copying every page in one step (one read snapshot, so writers
 * that commit meanwhile neither restart nor tear it). PostgreSQL: pg_dump's custom format,
 * which reads in one repeatable-read snapshot. The file appears only once it is complete.
 */
export async function backupDatabase(url: string, file: string): Promise<BackupResult> {
  const target = resolve(file);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const dialect = dialectOf(url);
  try {
    if (dialect === 'sqlite') {
      const source = new SQLite(sqlitePath(url), { readonly: true, fileMustExist: true });
      try {
        await source.backup(partial, { progress: () => Number.MAX_SAFE_INTEGER });
      } finally {
        source.close();
      }
    } else {
      const { dbUrl, env } = pgTarget(url);
      await run('pg_dump', ['--format=custom', '--no-owner', `--file=${partial}`, `--dbname=${dbUrl}`], env);
    }
    renameSync(partial, target);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
  return { file: target, bytes: statSync(target).size, dialect };
}

/**
 * Replaces the database's contents with a backup's, all or nothing. Stop the server first.
 * SQLite: the backup is checked (integrity and migrations table) before it replaces the file
 * in one rename. PostgreSQL: pg_restore --clean in a single transaction.
 */
export async function restoreDatabase(url: string, file: string): Promise<BackupResult> {
  const source = resolve(file);
  if (!existsSync(source)) throw new Error(`no backup at ${source}`);
  const dialect = dialectOf(url);
  if (dialect === 'sqlite') {
    const target = sqlitePath(url);
    const staged = `${target}.restoring`;
    rmSync(staged, { force: true });
    const backup = new SQLite(source, { readonly: true, fileMustExist: true });
    try {
      const check = backup.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(`the backup is damaged: ${String(check)}`);
      const migrated = backup.prepare("SELECT 1 FROM sqlite_master WHERE name = 'kysely_migration'").get();
      if (!migrated) throw new Error('the file is not a Shanmei database (no migrations table)');
      await backup.backup(staged, { progress: () => Number.MAX_SAFE_INTEGER });
    } catch (err) {
      rmSync(staged, { force: true });
      throw err;
    } finally {
      backup.close();
    }
    for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
    renameSync(staged, target);
  } else {
    const { dbUrl, env } = pgTarget(url);
    await run(
      'pg_restore',
      ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', `--dbname=${dbUrl}`, source],
      env,
    );
  }
  return { file: source, bytes: statSync(source).size, dialect };
}
