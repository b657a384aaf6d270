import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { commandConfig, withDatabase } from '../database.js';
import { newSecret, readSecretFile, secretFile, writeSecretFile } from '../../server/config.js';
import { cipherFor, keyIdOf } from '../../server/crypto.js';
import { rekeyPersonalData, staleByTable } from '../../server/modules/secrets/index.js';

const URL_OPTION = ['--database-url <url>', 'sqlite:<path> or postgres://… (env DATABASE_URL)'] as const;

/**
 * The secret file a rotation works on when SHANMEI_SECRET is unset: a new secret goes first, the
 * old ones stay after it until every value is re-encrypted. A file that already holds more than
 * one is a rotation that stopped half-way, taken up again.
 */
function startFileRotation(databaseUrl: string): { file: string; started: boolean } {
  const file = secretFile(databaseUrl);
  const secrets = existsSync(file) ? readSecretFile(file) : [];
  if (secrets.length === 1) {
    writeSecretFile(file, [newSecret(), ...secrets]);
    return { file, started: true };
  }
  return { file, started: false };
}

export function secretCommand(): Command {
  const secret = new Command('secret').description(
    'The key personal data is encrypted under (SHANMEI_SECRET or data/secret): rotate it, or see where data stands',
  );
  secret
    .command('rotate')
    .description(
      'Re-encrypt all personal data under a new key and recompute its look-up hashes. Stop the servers first. ' +
        'With SHANMEI_SECRET set: give the new secret there and the old one(s) in SHANMEI_SECRET_PREVIOUS, then ' +
        'remove SHANMEI_SECRET_PREVIOUS once this has finished. Otherwise a new secret is generated into the data ' +
        "folder's secret file and the old one dropped from it at the end. Safe to run again if interrupted.",
    )
    .option(...URL_OPTION)
    .action(async (opts: { databaseUrl?: string }) => {
      const fromEnv = Boolean(process.env.SHANMEI_SECRET);
      let config = commandConfig(opts.databaseUrl);
      let file: string | undefined;
      if (!fromEnv) {
        const r = startFileRotation(config.databaseUrl);
        file = r.file;
        console.log(r.started ? `A new secret is in ${file}.` : `Taking up the rotation already begun in ${file}.`);
        config = commandConfig(opts.databaseUrl);
      } else if (config.previousSecrets.length === 0) {
        console.log('SHANMEI_SECRET_PREVIOUS is empty: re-encrypting only what is not yet under SHANMEI_SECRET.');
      }
      const cipher = cipherFor(config);
      await withDatabase(
        'secret rotate',
        {},
        async ({ db }) => {
          const started = performance.now();
          let last = 0;
          const report = await rekeyPersonalData(db, cipher, (what, done) => {
            if (performance.now() - last > 2000) {
              last = performance.now();
              process.stderr.write(`  ${what}: ${done.toLocaleString('en')} rows\n`);
            }
          });
          for (const [what, n] of Object.entries(report.rekeyed)) console.log(`  ${what}: ${n} rows re-encrypted`);
          console.log(`  SMS codes: ${report.codesDropped} pending dropped, ${report.codesCleared} used ones unhashed`);
          const left = Object.values(await staleByTable(db, cipher)).reduce((a, b) => a + b, 0);
          if (left > 0) throw new Error(`${left} rows are still under an old key; run again`);
          if (file) writeSecretFile(file, [config.secret]);
          console.log(
            `All personal data is under key ${report.keyId} (${((performance.now() - started) / 1000).toFixed(1)} s).` +
              (file ? ` The old secret is gone from ${file}.` : ' Remove SHANMEI_SECRET_PREVIOUS now.'),
          );
        },
        config,
      );
    });
  secret
    .command('status')
    .description('The current key id, the ids still configured, and the rows not yet under the current key')
    .option(...URL_OPTION)
    .action(async (opts: { databaseUrl?: string }) => {
      const config = commandConfig(opts.databaseUrl);
      const cipher = cipherFor(config);
      await withDatabase(
        'secret status',
        {},
        async ({ db }) => {
          console.log(`current key: ${cipher.currentKeyId}`);
          if (config.previousSecrets.length > 0) {
            console.log(`previous keys: ${config.previousSecrets.map(keyIdOf).join(', ')}`);
          }
          for (const [what, n] of Object.entries(await staleByTable(db, cipher))) {
            console.log(`  ${what}: ${n} rows under an older key`);
          }
        },
        config,
      );
    });
  return secret;
}
