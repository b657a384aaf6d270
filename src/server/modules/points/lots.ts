/**
 * What is left of each credit in a wallet, computed from its entries alone (FIFO): spending
 * takes the oldest credits first; an expiry debit takes the credits that had expired by its
 * cutoff; a reversal takes the credit its original transaction made first, then the oldest.
 * The remainders always sum to the wallet's balance.
 */
import type { WalletEntry } from './expiry.repository.js';

export interface Lot {
  seq: number;
  transactionId: string;
  /** null: never expires (adjustments, points returned by a reversed redemption). */
  expiresAt: string | null;
  remaining: number;
}

function take(lots: Lot[], amount: number, eligible: (l: Lot) => boolean): number {
  let left = amount;
  for (const lot of lots) {
    if (left === 0) break;
    if (lot.remaining === 0 || !eligible(lot)) continue;
    const n = Math.min(lot.remaining, left);
    lot.remaining -= n;
    left -= n;
  }
  return left;
}

export function lotsOf(entries: WalletEntry[]): Lot[] {
  const lots: Lot[] = [];
  for (const e of entries) {
    if (e.amount > 0) {
      lots.push({ seq: e.seq, transactionId: e.transaction_id, expiresAt: e.expires_at, remaining: e.amount });
      continue;
    }
    let left = -e.amount;
    if (e.kind === 'expire' && e.expires_at) {
      const cutoff = e.expires_at;
      left = take(lots, left, (l) => l.expiresAt !== null && l.expiresAt <= cutoff);
    } else if (e.kind === 'reverse' && e.reverses_id) {
      const original = e.reverses_id;
      left = take(lots, left, (l) => l.transactionId === original);
    }
    take(lots, left, () => true);
  }
  return lots;
}

/** The unspent part of the credits that expired by `cutoff`. */
export const expiringAmount = (lots: Lot[], cutoff: string): number =>
  lots.filter((l) => l.expiresAt !== null && l.expiresAt <= cutoff).reduce((s, l) => s + l.remaining, 0);
