import { describe, expect, it } from 'vitest';
import type { WalletEntry } from './expiry.repository.js';
import { expiringAmount, lotsOf } from './lots.js';

const A = '2027-01-01T00:00:00.000Z';
const B = '2028-01-01T00:00:00.000Z';
let seq = 0;
const entry = (
  transaction_id: string,
  amount: number,
  kind: string,
  o: { expires_at?: string; reverses_id?: string } = {},
): WalletEntry => ({
  seq: ++seq,
  amount,
  kind,
  transaction_id,
  expires_at: o.expires_at ?? null,
  reverses_id: o.reverses_id ?? null,
});

describe('lotsOf (FIFO remainders of wallet credits)', () => {
  it('spends the oldest credits first and sums to the balance', () => {
    const lots = lotsOf([
      entry('e1', 50, 'earn', { expires_at: A }),
      entry('e2', 20, 'earn', { expires_at: B }),
      entry('g1', 5, 'adjust'),
      entry('r1', -60, 'redeem'),
    ]);
    expect(lots.map((l) => l.remaining)).toEqual([0, 10, 5]);
    expect(expiringAmount(lots, A)).toBe(0);
    expect(expiringAmount(lots, B)).toBe(10);
  });

  it('lets an expiry debit take only the credits expired by its cutoff', () => {
    const lots = lotsOf([
      entry('e1', 50, 'earn', { expires_at: B }),
      entry('e2', 20, 'earn', { expires_at: A }),
      entry('x1', -20, 'expire', { expires_at: A }),
    ]);
    expect(lots.map((l) => l.remaining)).toEqual([50, 0]);
  });

  it('takes a reversed earning from its own credit first', () => {
    const lots = lotsOf([
      entry('e1', 50, 'earn', { expires_at: A }),
      entry('e2', 20, 'earn', { expires_at: B }),
      entry('v2', -20, 'reverse', { reverses_id: 'e2' }),
    ]);
    expect(lots.map((l) => l.remaining)).toEqual([50, 0]);
  });

  it('gives a reversed redemption back with the expiry dates it used', () => {
    const lots = lotsOf([
      entry('e1', 30, 'earn', { expires_at: A }),
      entry('e2', 30, 'earn', { expires_at: B }),
      entry('r1', -40, 'redeem'),
      entry('u1', 40, 'reverse', { reverses_id: 'r1' }),
    ]);
    expect(expiringAmount(lots, A)).toBe(30);
    expect(expiringAmount(lots, B)).toBe(60);
    expect(lots.reduce((s, l) => s + l.remaining, 0)).toBe(60);
  });
});
