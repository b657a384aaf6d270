import type { PointAccountKind, PointTransactionKind, PointTransactionSource } from '../../../../common/enums.js';
import * as repo from './scale.repository.js';
import type { ScaleRun } from './scale.run.js';

/**
 * The points ledger in memory, written the way points/ledger.ts `postTransaction` writes it:
 * accounts created on first use (wallets non-negative), a transaction per idempotency key, its
 * entries numbered within each account with the balance after each, in posting order. The
 * cached balances and entry counts are set once at the end, to what the entries add up to.
 */

interface Account {
  id: string;
  balance: number;
  seq: number;
  touched: boolean;
}

/** A posting: a generated volunteer's wallet by index, or another account by kind and owner. */
export type Posting =
  | { wallet: number; amount: number; expiresAt?: string | null }
  | { kind: Exclude<PointAccountKind, 'wallet'>; owner: string; amount: number };

export interface TransactionInput {
  kind: PointTransactionKind;
  idempotencyKey: string;
  source: PointTransactionSource;
  sourceId: string;
  memo: string;
  actorUserId: string | null;
  atMs: number;
  at: string;
  postings: Posting[];
}

export class ScaleLedger {
  private readonly walletIds: (string | undefined)[];
  readonly walletBalance: Int32Array;
  private readonly walletSeq: Int32Array;
  private readonly others = new Map<string, Account>();
  /** Generated volunteers with a wallet, in the order their wallets were opened. */
  readonly holders: number[] = [];

  private constructor(
    private readonly run: ScaleRun,
    private readonly volunteerIds: string[],
  ) {
    this.walletIds = new Array<string | undefined>(volunteerIds.length);
    this.walletBalance = new Int32Array(volunteerIds.length);
    this.walletSeq = new Int32Array(volunteerIds.length);
  }

  /** A ledger over the accounts already there (the demo's budgets and wallets continue). */
  static async open(run: ScaleRun, volunteerIds: string[]): Promise<ScaleLedger> {
    const ledger = new ScaleLedger(run, volunteerIds);
    for (const a of await repo.allPointAccounts(run.db)) {
      ledger.others.set(`${a.kind}:${a.owner_id}`, {
        id: a.id,
        balance: Number(a.balance),
        seq: Number(a.entry_seq),
        touched: false,
      });
    }
    return ledger;
  }

  /** The balance of a non-wallet account (0 for one never used). */
  balanceOf(kind: Exclude<PointAccountKind, 'wallet'>, owner: string): number {
    return this.others.get(`${kind}:${owner}`)?.balance ?? 0;
  }

  private wallet(v: number, ms: number, at: string): string {
    let id = this.walletIds[v];
    if (id === undefined) {
      id = this.run.ids.next('account', ms);
      this.walletIds[v] = id;
      this.holders.push(v);
      this.run.writer.add('point_accounts', {
        id,
        kind: 'wallet',
        owner_id: this.volunteerIds[v] as string,
        balance: 0,
        non_negative: 1,
        entry_seq: 0,
        created_at: at,
      });
    }
    return id;
  }

  private other(kind: Exclude<PointAccountKind, 'wallet'>, owner: string, ms: number, at: string): Account {
    const key = `${kind}:${owner}`;
    let a = this.others.get(key);
    if (!a) {
      a = { id: this.run.ids.next('account', ms), balance: 0, seq: 0, touched: true };
      this.others.set(key, a);
      this.run.writer.add('point_accounts', {
        id: a.id,
        kind,
        owner_id: owner,
        balance: 0,
        non_negative: 0,
        entry_seq: 0,
        created_at: at,
      });
    }
    a.touched = true;
    return a;
  }

  /** Posts a balanced transaction; answers its id. Throws if a wallet would go below zero. */
  post(tx: TransactionInput): string {
    let sum = 0;
    for (const p of tx.postings) sum += p.amount;
    if (sum !== 0) throw new Error(`postings of ${tx.idempotencyKey} sum to ${sum}`);
    const id = this.run.ids.next('transaction', tx.atMs);
    this.run.writer.add('point_transactions', {
      id,
      kind: tx.kind,
      idempotency_key: tx.idempotencyKey,
      source: tx.source,
      source_id: tx.sourceId,
      memo: tx.memo,
      actor_user_id: tx.actorUserId,
      reverses_id: null,
      created_at: tx.at,
    });
    for (const p of tx.postings) {
      let accountId: string;
      let seq: number;
      let balance: number;
      if ('wallet' in p) {
        accountId = this.wallet(p.wallet, tx.atMs, tx.at);
        balance = (this.walletBalance[p.wallet] as number) + p.amount;
        if (balance < 0) throw new Error(`wallet of volunteer ${p.wallet} would go below zero`);
        seq = (this.walletSeq[p.wallet] as number) + 1;
        this.walletBalance[p.wallet] = balance;
        this.walletSeq[p.wallet] = seq;
      } else {
        const a = this.other(p.kind, p.owner, tx.atMs, tx.at);
        a.balance += p.amount;
        a.seq += 1;
        accountId = a.id;
        balance = a.balance;
        seq = a.seq;
      }
      this.run.writer.add('point_entries', {
        id: this.run.ids.next('entry', tx.atMs),
        transaction_id: id,
        account_id: accountId,
        seq,
        amount: p.amount,
        balance_after: balance,
        expires_at: 'wallet' in p ? (p.expiresAt ?? null) : null,
        created_at: tx.at,
      });
    }
    return id;
  }

  /** [id, balance, entry_seq] of every account this load posted to: the cached totals to set. */
  finalBalances(): [string, number, number][] {
    const out: [string, number, number][] = [];
    for (const v of this.holders) {
      out.push([this.walletIds[v] as string, this.walletBalance[v] as number, this.walletSeq[v] as number]);
    }
    for (const a of this.others.values()) if (a.touched) out.push([a.id, a.balance, a.seq]);
    return out;
  }
}
