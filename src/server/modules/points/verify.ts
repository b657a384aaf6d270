/**
 * Reconciliation: recomputes every account from its entries and checks the ledger's
 * invariants. Read-only; `shanmei points verify` prints the problems and exits 1 if any.
 */
import type { Db } from '../../db/database.js';
import { toNumber } from '../../db/database.js';
import * as repo from './verify.repository.js';

export interface VerifyReport {
  ok: boolean;
  accounts: number;
  problems: string[];
}

/**
 * Checks: each account's cached balance equals the sum of its entries, its entries are
 * numbered 1..n with running balances that add up, every transaction sums to zero, and no
 * non-negative account (a wallet) is below zero.
 */
export async function verifyLedger(db: Db): Promise<VerifyReport> {
  const problems: string[] = [];
  const accounts = await repo.accountTotals(db);
  for (const a of accounts) {
    const name = `${a.kind} ${a.owner_id}`;
    const sum = toNumber(a.sum);
    const balance = toNumber(a.balance);
    const n = toNumber(a.n);
    if (sum !== balance)
      problems.push(`${name}: balance ${balance}, entries sum to ${sum} (difference ${balance - sum})`);
    if (toNumber(a.non_negative) === 1 && balance < 0) problems.push(`${name}: balance ${balance} is below zero`);
    if (n !== toNumber(a.entry_seq) || (n > 0 && toNumber(a.max_seq) !== n)) {
      problems.push(`${name}: ${n} entries, numbered up to ${toNumber(a.max_seq)}, account says ${a.entry_seq}`);
    }
  }
  const names = new Map(accounts.map((a) => [a.id, `${a.kind} ${a.owner_id}`]));
  for (const e of await repo.runningBalanceMismatches(db)) {
    problems.push(
      `${names.get(e.account_id) ?? e.account_id}: entry ${e.seq} says balance ${e.balance_after}, entries up to it sum to ${toNumber(e.running)}`,
    );
  }
  for (const t of await repo.unbalancedTransactions(db)) {
    problems.push(`transaction ${t.transaction_id}: entries sum to ${toNumber(t.sum)}, not zero`);
  }
  return { ok: problems.length === 0, accounts: accounts.length, problems };
}
