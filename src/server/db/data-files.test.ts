import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { initialAdminPassword } from '../modules/bootstrap/index.js';
import { openDatabase } from './database.js';
import { migrateToLatest } from './migrator.js';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the files a server keeps', () => {
  const root = mkdtempSync(join(tmpdir(), 'shanmei-files-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('creates the data folder and the SQLite database (with its WAL) for this user only', async () => {
    const folder = join(root, 'data');
    const file = join(folder, 'shanmei.db');
    const database = openDatabase(`sqlite:${file}`);
    await migrateToLatest(database.db);
    expect(modeOf(folder)).toBe(0o700);
    expect(modeOf(file)).toBe(0o600);
    expect(modeOf(`${file}-wal`)).toBe(0o600);
    await database.close();
  });

  it('puts a generated admin password on a terminal only; elsewhere into a file only this user reads', () => {
    const folder = join(root, 'pg-data');
    const onTerminal = initialAdminPassword(folder, 'secret-Password-1', true);
    expect(onTerminal).toContain('secret-Password-1');
    const inLog = initialAdminPassword(folder, 'secret-Password-2', false);
    expect(inLog).not.toContain('secret-Password-2');
    const file = join(folder, 'initial-admin-password');
    expect(inLog).toContain(file);
    expect(readFileSync(file, 'utf8')).toBe('secret-Password-2\n');
    expect(modeOf(file)).toBe(0o600);
  });
});
