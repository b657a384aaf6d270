/**
 * What is left of each credit in a wallet, computed from its entries alone (FIFO): spending
 * takes the oldest credits first; an expiry debit takes the credits that had expired by its
 * cutoff; a reversal of an earning takes that earning's credit first, then the oldest.
 * Points a reversed debit gives back (a redemption undone) come back with the expiry dates
 * of the credits that debit used, so undoing a redemption cannot make points immortal.
 * The remainders always sum to the wallet's balance.
 */
import type { WalletEntry } from './expiry.repository.js';

export interface Lot {
  seq: number;
  transactionId: string;
  /** null: never expires (adjustments, and what a reversal gives back beyond known credits). */
  expiresAt: string | null;
  remaining: number;
}

interface Piece {
  expiresAt: string | null;
  n: number;
}

function take(lots: Lot[], amount: number, eligible: (l: Lot) => boolean, used: Piece[]): number {
  let left = amount;
  for (const lot of lots) {
    if (left === 0) break;
    if (lot.remaining === 0 || !eligible(lot)) continue;
    const n = Math.min(lot.remaining, left);
    lot.remaining -= n;
    left -= n;
    used.push({ expiresAt: lot.expiresAt, n });
  }
  return left;
}

export function lotsOf(entries: WalletEntry[]): Lot[] {
  const lots: Lot[] = [];
  // What each debit transaction took, so reversing it gives the same credits back.
  const consumed = new Map<string, Piece[]>();
  for (const e of entries) {
    if (e.amount > 0) {
      const pieces = e.kind === 'reverse' && e.reverses_id ? consumed.get(e.reverses_id) : undefined;
      if (!pieces) {
        lots.push({ seq: e.seq, transactionId: e.transaction_id, expiresAt: e.expires_at, remaining: e.amount });
        continue;
      }
      let left = e.amount;
      for (const p of pieces) {
        const n = Math.min(p.n, left);
        if (n > 0) lots.push({ seq: e.seq, transactionId: e.transaction_id, expiresAt: p.expiresAt, remaining: n });
        left -= n;
      }
      if (left > 0) lots.push({ seq: e.seq, transactionId: e.transaction_id, expiresAt: null, remaining: left });
      continue;
    }
    const used: Piece[] = consumed.get(e.transaction_id) ?? [];
    consumed.set(e.transaction_id, used);
    let left = -e.amount;
    if (e.kind === 'expire' && e.expires_at) {
      const cutoff = e.expires_at;
      left = take(lots, left, (l) => l.expiresAt !== null && l.expiresAt <= cutoff, used);
    } else if (e.kind === 'reverse' && e.reverses_id) {
      const original = e.reverses_id;
      left = take(lots, left, (l) => l.transactionId === original, used);
    }
    take(lots, left, () => true, used);
  }
  return lots;
}

/** The unspent part of the credits that expired by `cutoff`. */
export const expiringAmount = (lots: Lot[], cutoff: string): number =>
  lots.filter((l) => l.expiresAt !== null && l.expiresAt <= cutoff).reduce((s, l) => s + l.remaining, 0);
