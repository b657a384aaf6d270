import { readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRegions, makeVolunteer, type MadeVolunteer } from '../../../test/factories.js';
import { runCommand } from '../../../test/cli.js';
import { TEST_SECRET } from '../../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { loadConfig, readSecretFile, secretFile } from '../../server/config.js';
import { cipherFor, keyIdOf, PersonalDataCipher } from '../../server/crypto.js';
import { secretCommand } from './secret.js';

const run = (args: string[]) => runCommand(secretCommand, args);
const NEXT = 'the-next-secret-the-next-secret-0123456789';

/** The CLI on a SQLite file (the rotation itself runs on both dialects in secrets.rotate.test.ts). */
describe('shanmei secret', () => {
  let tdb: TestDatabase;
  const env = { ...process.env };
  let v: MadeVolunteer;
  const idNumberEnc = async () =>
    (await tdb.db.selectFrom('volunteers').select('id_number_enc').where('id', '=', v.id).executeTakeFirstOrThrow())
      .id_number_enc;

  beforeAll(async () => {
    delete process.env.SHANMEI_SECRET;
    delete process.env.SHANMEI_SECRET_PREVIOUS;
    tdb = await createTestDatabase('sqlite');
    await makeRegions(tdb.db);
    // No SHANMEI_SECRET: the data folder's secret file is made, as on a first `npm start`.
    v = await makeVolunteer({
      ctx: { database: tdb, cipher: cipherFor(loadConfig(process.env, { databaseUrl: tdb.url })) },
    });
  });
  afterAll(async () => {
    process.env = env;
    await tdb.drop();
  });

  it('rotates the secret file: a new secret, every value re-encrypted, the old one dropped', async () => {
    const file = secretFile(tdb.url);
    const [old] = readSecretFile(file);
    const before = await run(['status', '--database-url', tdb.url]);
    expect(before.out).toContain(`current key: ${keyIdOf(old ?? '')}`);
    expect(before.out).toContain('volunteers.id_number_enc: 0 rows under an older key');

    const r = await run(['rotate', '--database-url', tdb.url]);
    expect(r).toMatchObject({ code: 0, err: '' });
    const secrets = readSecretFile(file);
    expect(secrets).toHaveLength(1);
    expect(secrets[0]).not.toBe(old);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(r.out).toContain(`A new secret is in ${file}.`);
    expect(r.out).toContain('volunteers.id_number_enc: 1 rows re-encrypted');
    expect(r.out).toContain(`All personal data is under key ${keyIdOf(secrets[0] ?? '')}`);
    expect(r.out).not.toContain(v.idNumber);
    expect(new PersonalDataCipher(secrets[0] ?? '').decrypt(await idNumberEnc())).toBe(v.idNumber);
    expect(readFileSync(file, 'utf8')).not.toContain(old);
  });

  it('takes up a rotation that stopped half-way (the file still holds the old secret after the new)', async () => {
    const file = secretFile(tdb.url);
    const [current] = readSecretFile(file);
    const { writeSecretFile } = await import('../../server/config.js');
    writeSecretFile(file, [NEXT, current ?? '']);
    const r = await run(['rotate', '--database-url', tdb.url]);
    expect(r.out).toContain(`Taking up the rotation already begun in ${file}.`);
    expect(readSecretFile(file)).toEqual([NEXT]);
    expect(new PersonalDataCipher(NEXT).decrypt(await idNumberEnc())).toBe(v.idNumber);
  });

  it('with SHANMEI_SECRET set, re-encrypts under it and reads the old data with SHANMEI_SECRET_PREVIOUS', async () => {
    process.env.SHANMEI_SECRET = TEST_SECRET;
    process.env.SHANMEI_SECRET_PREVIOUS = `short, ${NEXT}`;
    const refused = await run(['status', '--database-url', tdb.url]).catch((e: Error) => e.message);
    expect(refused).toMatch(/each of SHANMEI_SECRET_PREVIOUS must be at least 32 characters/);
    process.env.SHANMEI_SECRET_PREVIOUS = NEXT;
    const status = await run(['status', '--database-url', tdb.url]);
    expect(status.out).toContain(`previous keys: ${keyIdOf(NEXT)}`);
    expect(status.out).toContain('volunteers.id_number_enc: 1 rows under an older key');
    const r = await run(['rotate', '--database-url', tdb.url]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('Remove SHANMEI_SECRET_PREVIOUS now.');
    expect(new PersonalDataCipher(TEST_SECRET).decrypt(await idNumberEnc())).toBe(v.idNumber);
    // Without the previous secret, data under an unknown key is reported, not garbled.
    process.env.SHANMEI_SECRET = NEXT;
    delete process.env.SHANMEI_SECRET_PREVIOUS;
    const lost = await run(['rotate', '--database-url', tdb.url]);
    expect(lost.code).toBe(1);
    expect(lost.err).toMatch(/encrypted under key .{8}, which is not configured \(see SHANMEI_SECRET_PREVIOUS\)/);
  });
});
