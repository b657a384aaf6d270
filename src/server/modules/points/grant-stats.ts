/**
 * Points given outside service records (GRANT_SOURCES) or a reversal of them, counted by the
 * statistics in the transaction that posts them: the wallets' net change, at the region whose
 * system account paid, on the local day of the original grant (so a reversal lands where the
 * grant did, as `shanmei stats rebuild` places it).
 */
import type { Transaction } from 'kysely';
import { GRANT_SOURCES } from '../../../common/points.js';
import type { DB } from '../../db/schema.js';
import { pointsGranted } from '../stats/index.js';
import { entriesOfTransaction, transactionById } from './ledger.repository.js';

const GRANTS: ReadonlySet<string> = new Set(GRANT_SOURCES);

export async function countGrant(trx: Transaction<DB>, transactionId: string): Promise<void> {
  const tx = await transactionById(trx, transactionId);
  const original = tx?.reverses_id ? await transactionById(trx, tx.reverses_id) : tx;
  if (!tx || !original || !GRANTS.has(original.source)) return;
  const entries = await entriesOfTransaction(trx, tx.id);
  const payer = (tx === original ? entries : await entriesOfTransaction(trx, original.id)).find(
    (e) => e.kind === 'system',
  );
  if (!payer) return;
  const points = entries.filter((e) => e.kind === 'wallet').reduce((n, e) => n + e.amount, 0);
  await pointsGranted(trx, { regionCode: payer.owner_id, givenAt: original.created_at }, points);
}
