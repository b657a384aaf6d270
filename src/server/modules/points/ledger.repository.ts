import type { Transaction } from 'kysely';
import type { PointAccountKind } from '../../../common/enums.js';
import type { Db } from '../../db/database.js';
import type { DB, PointAccountsTable, PointTransactionsTable } from '../../db/schema.js';
import { newId, nowIso } from '../../ids.js';
import { forUpdateOnPostgres } from '../../platform/db.js';

/** Queries of the ledger tables. Entries are only ever inserted: nothing here updates or deletes one. */

export type AccountRow = Omit<PointAccountsTable, 'created_at'>;

export type TransactionRow = PointTransactionsTable;

const ACCOUNT_COLUMNS = ['id', 'kind', 'owner_id', 'balance', 'non_negative', 'entry_seq'] as const;

/** Creates the account unless it exists (a no-op on conflict, so concurrent first uses agree). */
export async function ensureAccount(
  db: Db,
  kind: PointAccountKind,
  ownerId: string,
  nonNegative: boolean,
): Promise<void> {
  await db
    .insertInto('point_accounts')
    .values({
      id: newId(),
      kind,
      owner_id: ownerId,
      balance: 0,
      non_negative: nonNegative ? 1 : 0,
      entry_seq: 0,
      created_at: nowIso(),
    })
    .onConflict((oc) => oc.columns(['kind', 'owner_id']).doNothing())
    .execute();
}

/** Reads an account, locking its row on PostgreSQL (SQLite's single writer serialises already). */
export async function lockAccount(
  trx: Transaction<DB>,
  kind: PointAccountKind,
  ownerId: string,
): Promise<AccountRow | undefined> {
  const q = trx
    .selectFrom('point_accounts')
    .select(ACCOUNT_COLUMNS)
    .where('kind', '=', kind)
    .where('owner_id', '=', ownerId);
  return forUpdateOnPostgres(trx, q).executeTakeFirst();
}

export async function findAccount(db: Db, kind: PointAccountKind, ownerId: string): Promise<AccountRow | undefined> {
  return db
    .selectFrom('point_accounts')
    .select(ACCOUNT_COLUMNS)
    .where('kind', '=', kind)
    .where('owner_id', '=', ownerId)
    .executeTakeFirst();
}

export async function setAccountBalance(
  trx: Transaction<DB>,
  id: string,
  balance: number,
  entrySeq: number,
): Promise<void> {
  await trx.updateTable('point_accounts').set({ balance, entry_seq: entrySeq }).where('id', '=', id).execute();
}

export async function transactionByKey(db: Db, key: string): Promise<TransactionRow | undefined> {
  return db.selectFrom('point_transactions').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
}

export async function transactionById(db: Db, id: string): Promise<TransactionRow | undefined> {
  return db.selectFrom('point_transactions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertTransaction(trx: Transaction<DB>, row: TransactionRow): Promise<void> {
  await trx.insertInto('point_transactions').values(row).execute();
}

export interface EntryInsert {
  id: string;
  transaction_id: string;
  account_id: string;
  seq: number;
  amount: number;
  balance_after: number;
  expires_at: string | null;
  created_at: string;
}

export async function insertEntries(trx: Transaction<DB>, rows: EntryInsert[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('point_entries').values(rows).execute();
}

/** A transaction's entries with their accounts, in the order they were written. */
export async function entriesOfTransaction(db: Db, transactionId: string) {
  return db
    .selectFrom('point_entries as e')
    .innerJoin('point_accounts as a', 'a.id', 'e.account_id')
    .select(['e.id', 'e.amount', 'e.expires_at', 'e.seq', 'a.kind', 'a.owner_id', 'a.id as account_id'])
    .where('e.transaction_id', '=', transactionId)
    .orderBy('e.id')
    .execute();
}
