import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../ids.js';
import { countUsers, insertUser } from '../auth/index.js';
import { hashPassword } from '../../platform/passwords.js';
import { passwordProblem } from '../../platform/password-policy.js';
import { insertGrant } from '../access/index.js';
import { DEFAULT_FIELDS } from '../../../common/enums.js';
import { anyServiceField, insertServiceFields } from '../fields/index.js';
import { countRegions, seedProvince } from '../regions/index.js';

/**
 * On an empty database: the system admin `admin` with SHANMEI_ADMIN_PASSWORD, or a random
 * password that the caller prints once. Answers the password it set, or null when users exist.
 */
export async function bootstrapAdmin(
  db: Db,
  password: string | undefined,
): Promise<{ password: string; generated: boolean } | null> {
  if ((await countUsers(db)) > 0) return null;
  const problem = password ? passwordProblem(password) : null;
  // A chosen password meets the same policy as every other; the start-up stops and says why.
  if (problem) throw new Error(`SHANMEI_ADMIN_PASSWORD ${problem.message} (the password policy)`);
  const generated = !password;
  const pw = password ?? randomBytes(12).toString('base64url');
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await insertUser(trx, {
      id,
      username: 'admin',
      display_name: '系统管理员',
      phone_enc: null,
      phone_hash: null,
      phone_masked: null,
      password_hash: await hashPassword(pw),
      region_code: null,
      locale: 'zh-CN',
      status: 'active',
      created_at: nowIso(),
    });
    await insertGrant(trx, {
      userId: id,
      role: 'system_admin',
      scopeType: 'system',
      scopeId: 'system',
      grantedBy: null,
    });
  });
  return { password: pw, generated };
}

/** The default service fields, where the table is empty. */
export async function seedServiceFields(db: Db): Promise<void> {
  if (await anyServiceField(db)) return;
  await insertServiceFields(
    db,
    DEFAULT_FIELDS.map((f, i) => ({ code: f.code, name_zh: f.zh, name_en: f.en, sort: i })),
  );
}

/**
 * A new installation starts with the regions of its province, so registration and the
 * organisation forms have places to offer from the first minute. Only on a database without
 * any region; answers how many were added (0: there were regions already).
 */
export async function seedRegionsIfNone(db: Db, province: string): Promise<number> {
  if ((await countRegions(db)) > 0) return 0;
  return db.transaction().execute((trx) => seedProvince(trx, province));
}

/**
 * The line that tells where the generated admin password is: on a terminal, the password itself
 * (printed once); anywhere else (a service's journal, a log file) only the path of a file in
 * the data folder that this user alone can read.
 */
export function initialAdminPassword(dataFolder: string, password: string, terminal: boolean): string {
  const tail = 'set SHANMEI_ADMIN_PASSWORD to choose it';
  if (terminal) return `System admin: admin / ${password}  (printed once; ${tail})`;
  mkdirSync(dataFolder, { recursive: true, mode: 0o700 });
  const file = join(dataFolder, 'initial-admin-password');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return `System admin: admin; the password is in ${file} (readable by this user only; ${tail})`;
}
