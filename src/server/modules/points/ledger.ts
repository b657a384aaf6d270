import type { Transaction } from 'kysely';
/**
 * The points ledger: double entry with one idempotency key per transaction. Every module
 * that moves points calls postTransaction inside its own database transaction; nothing
 * else writes point_accounts, point_transactions or point_entries.
 *
 * Guarantees: the postings of a transaction sum to zero; a wallet (or any account flagged
 * non-negative) never goes below zero, also under concurrency — the touched accounts are
 * locked in one global order (kind, owner) before the check, so concurrent transactions
 * neither overdraw nor deadlock each other; entries are only appended, each with its place
 * in its account (`seq`) and the balance after it; an account's cached balance changes only
 * here, in the transaction that writes its entries.
 */
import type { PointAccountKind, PointTransactionKind, PointTransactionSource } from '../../../common/enums.js';
import { AppError, refusal } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../ids.js';
import * as repo from './ledger.repository.js';
import type { DB } from '../../db/schema.js';

/**
 * wallet: volunteer id; budget: organisation id; supermarket: site id; expiry: 'city';
 * system: a region code (adjustments, per the volunteer's region) or 'city' (before 2026-12-06).
 */
export interface AccountRef {
  kind: PointAccountKind;
  ownerId: string;
}
export interface Posting {
  account: AccountRef;
  /** Integer points; the postings of one transaction sum to zero. */
  amount: number;
  /** Earned wallet credits: when they expire (ISO UTC). Expiry debits: the cutoff applied. */
  expiresAt?: string | null;
}
export interface TransactionInput {
  kind: PointTransactionKind;
  /** Unique across all transactions: a repeat returns the first one. */
  idempotencyKey: string;
  source: PointTransactionSource;
  sourceId?: string | null;
  memo?: string | null;
  actorUserId?: string | null;
  reversesId?: string | null;
  postings: Posting[];
}
export interface Posted {
  id: string;
  replayed: boolean;
}

/** Accounts that may never go below zero. Budgets may (unless a rule limits issuing itself). */
const NON_NEGATIVE: ReadonlySet<PointAccountKind> = new Set(['wallet']);

export const CITY = 'city';
export const walletOf = (volunteerId: string): AccountRef => ({ kind: 'wallet', ownerId: volunteerId });
export const budgetOf = (organisationId: string): AccountRef => ({ kind: 'budget', ownerId: organisationId });

const refKey = (r: { kind: string; ownerId?: string; owner_id?: string }) =>
  `${r.kind}\u0000${r.ownerId ?? r.owner_id}`;

/** Distinct refs in the one order every transaction locks accounts in. */
function lockOrder(refs: AccountRef[]): AccountRef[] {
  const byKey = new Map(refs.map((r) => [refKey(r), r]));
  return [...byKey.keys()].sort().map((k) => byKey.get(k) as AccountRef);
}

/**
 * Creates (on first use) and locks the accounts, in the global order, returning them by
 * key. Callers that must read a balance before deciding what to post (a budget cap, a
 * reversal limited to what is left) lock through here first, so the order stays global.
 */
export async function lockAccounts(trx: Transaction<DB>, refs: AccountRef[]): Promise<Map<string, repo.AccountRow>> {
  const out = new Map<string, repo.AccountRow>();
  for (const ref of lockOrder(refs)) {
    // Most accounts exist: lock first, create only when missing (a no-op if a concurrent
    // first use won the insert), then lock what is there.
    let row = await repo.lockAccount(trx, ref.kind, ref.ownerId);
    if (!row) {
      await repo.ensureAccount(trx, ref.kind, ref.ownerId, NON_NEGATIVE.has(ref.kind));
      row = await repo.lockAccount(trx, ref.kind, ref.ownerId);
    }
    if (!row) throw new Error(`point account ${ref.kind} vanished`);
    out.set(refKey(ref), row);
  }
  return out;
}

export const accountKey = (ref: AccountRef): string => refKey(ref);

function validate(tx: TransactionInput): Posting[] {
  if (!tx.idempotencyKey) throw new Error('a ledger transaction needs an idempotency key');
  const postings = tx.postings.filter((p) => p.amount !== 0);
  let sum = 0;
  for (const p of postings) {
    if (!Number.isSafeInteger(p.amount)) throw new Error(`posting amounts are integers, got ${p.amount}`);
    if (!p.account.ownerId) throw new Error('a posting needs an account owner');
    sum += p.amount;
  }
  if (sum !== 0) throw new Error(`postings of ${tx.idempotencyKey} sum to ${sum}, not zero`);
  return postings;
}

/** Net amount per account: what a repeated key is compared by. */
function netByAccount(rows: { kind: string; ownerId?: string; owner_id?: string; amount: number }[]): string {
  const m = new Map<string, number>();
  for (const r of rows) m.set(refKey(r), (m.get(refKey(r)) ?? 0) + r.amount);
  return [...m.entries()]
    .filter(([, v]) => v !== 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(';');
}

async function replay(db: Db, existing: repo.TransactionRow, tx: TransactionInput, postings: Posting[]) {
  const entries = await repo.entriesOfTransaction(db, existing.id);
  const requested = postings.map((p) => ({ kind: p.account.kind, ownerId: p.account.ownerId, amount: p.amount }));
  if (existing.kind !== tx.kind || netByAccount(entries) !== netByAccount(requested)) {
    throw new AppError(
      'IDEMPOTENCY_MISMATCH',
      `Idempotency key ${tx.idempotencyKey} was already used for a different request`,
      { idempotencyKey: tx.idempotencyKey, transactionId: existing.id },
    );
  }
  return { id: existing.id, replayed: true };
}

/**
 * Posts one transaction in the caller's database transaction. Throws AppError 409
 * INSUFFICIENT_POINTS before writing any entry if a non-negative account would go below
 * zero (the caller's transaction then rolls back), 409 IDEMPOTENCY_MISMATCH if the key was
 * used for different postings; a repeat of the same request returns the first transaction.
 */
export async function postTransaction(trx: Transaction<DB>, tx: TransactionInput): Promise<Posted> {
  const postings = validate(tx);
  const early = await repo.transactionByKey(trx, tx.idempotencyKey);
  if (early) return replay(trx, early, tx, postings);

  const accounts = await lockAccounts(
    trx,
    postings.map((p) => p.account),
  );
  // Re-read under the locks: a concurrent repeat of this key touching the same accounts has
  // committed by now (PostgreSQL READ COMMITTED reads a fresh snapshot per statement).
  const again = await repo.transactionByKey(trx, tx.idempotencyKey);
  if (again) return replay(trx, again, tx, postings);

  const next = new Map<string, { row: repo.AccountRow; balance: number; seq: number }>();
  for (const [k, row] of accounts) next.set(k, { row, balance: row.balance, seq: row.entry_seq });
  for (const p of postings) {
    const a = next.get(refKey(p.account)) as { row: repo.AccountRow; balance: number; seq: number };
    a.balance += p.amount;
  }
  for (const p of postings) {
    const a = next.get(refKey(p.account)) as { row: repo.AccountRow; balance: number };
    // Balances stay exact JS numbers (PostgreSQL's bigint holds more than a double counts exactly).
    if (!Number.isSafeInteger(a.balance)) {
      throw refusal(
        'RULE_VIOLATION',
        'points_out_of_range',
        `The ${p.account.kind} account's balance would leave the exact range`,
        {
          account: p.account.kind,
          max: Number.MAX_SAFE_INTEGER,
        },
      );
    }
    if (a.row.non_negative === 1 && a.balance < 0) {
      throw new AppError(
        'INSUFFICIENT_POINTS',
        `Not enough points: the ${p.account.kind} holds ${a.row.balance}, this needs ${a.row.balance - a.balance}`,
        { account: p.account.kind, balance: a.row.balance, needed: a.row.balance - a.balance },
      );
    }
  }

  const id = newId();
  const at = nowIso();
  await repo.insertTransaction(trx, {
    id,
    kind: tx.kind,
    idempotency_key: tx.idempotencyKey,
    source: tx.source,
    source_id: tx.sourceId ?? null,
    memo: tx.memo ?? null,
    actor_user_id: tx.actorUserId ?? null,
    reverses_id: tx.reversesId ?? null,
    created_at: at,
  });
  // Running balances per entry, in posting order within each account.
  const running = new Map<string, { balance: number; seq: number }>();
  for (const [k, row] of accounts) running.set(k, { balance: row.balance, seq: row.entry_seq });
  const entries: repo.EntryInsert[] = postings.map((p) => {
    const acc = accounts.get(refKey(p.account)) as repo.AccountRow;
    const r = running.get(refKey(p.account)) as { balance: number; seq: number };
    r.balance += p.amount;
    r.seq += 1;
    return {
      id: newId(),
      transaction_id: id,
      account_id: acc.id,
      seq: r.seq,
      amount: p.amount,
      balance_after: r.balance,
      expires_at: p.expiresAt ?? null,
      created_at: at,
    };
  });
  await repo.insertEntries(trx, entries);
  for (const [k, row] of accounts) {
    const r = running.get(k) as { balance: number; seq: number };
    if (r.seq !== row.entry_seq) await repo.setAccountBalance(trx, row.id, r.balance, r.seq);
  }
  return { id, replayed: false };
}

/** The cached balance of an account; 0 for one never used. */
export async function balanceOf(db: Db, ref: AccountRef): Promise<number> {
  return (await repo.findAccount(db, ref.kind, ref.ownerId))?.balance ?? 0;
}

export interface ReverseOptions {
  idempotencyKey: string;
  memo?: string | null;
  actorUserId?: string | null;
  /**
   * Reverse only what the wallets still hold (a partly spent earning): wallet debits are
   * clipped to the wallet's balance and the counter-postings shrink by the same amount.
   * Without it a reversal a wallet cannot cover is refused with INSUFFICIENT_POINTS.
   */
  clipToWallets?: boolean;
}

export interface Reversed extends Posted {
  /** Points the reversal could not take back (clipToWallets only). */
  shortfall: number;
}

/**
 * Posts the opposite of transaction `originalId` (kind 'reverse', source 'reversal').
 * A repeated key returns the first reversal.
 */
export async function reverseTransaction(
  trx: Transaction<DB>,
  originalId: string,
  opts: ReverseOptions,
): Promise<Reversed> {
  const original = await repo.transactionById(trx, originalId);
  if (!original) throw new AppError('NOT_FOUND', `Point transaction ${originalId} not found`);
  const existing = await repo.transactionByKey(trx, opts.idempotencyKey);
  if (existing) {
    if (existing.reverses_id !== originalId) {
      throw new AppError('IDEMPOTENCY_MISMATCH', `Idempotency key ${opts.idempotencyKey} was already used`, {
        idempotencyKey: opts.idempotencyKey,
      });
    }
    return { id: existing.id, replayed: true, shortfall: 0 };
  }
  const entries = await repo.entriesOfTransaction(trx, originalId);
  let postings: Posting[] = entries.map((e) => ({
    account: { kind: e.kind, ownerId: e.owner_id },
    amount: -e.amount,
  }));
  let shortfall = 0;
  if (opts.clipToWallets) {
    const locked = await lockAccounts(
      trx,
      postings.map((p) => p.account),
    );
    const clipped: Posting[] = [];
    for (const p of postings) {
      const row = locked.get(refKey(p.account)) as repo.AccountRow;
      if (p.account.kind === 'wallet' && p.amount < 0 && -p.amount > row.balance) {
        shortfall += -p.amount - row.balance;
        clipped.push({ ...p, amount: -row.balance });
      } else clipped.push(p);
    }
    // Shrink the counter-postings (positive ones) by the shortfall so the sum stays zero.
    let left = shortfall;
    postings = clipped.map((p) => {
      if (left === 0 || p.amount <= 0) return p;
      const cut = Math.min(left, p.amount);
      left -= cut;
      return { ...p, amount: p.amount - cut };
    });
  }
  const posted = await postTransaction(trx, {
    kind: 'reverse',
    idempotencyKey: opts.idempotencyKey,
    source: 'reversal',
    sourceId: original.source_id,
    memo: opts.memo ?? null,
    actorUserId: opts.actorUserId ?? null,
    reversesId: originalId,
    postings,
  });
  return { ...posted, shortfall };
}
