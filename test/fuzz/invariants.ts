/**
 * What must still hold after any sequence of requests: the points ledger reconciles, the kept
 * statistics equal a rebuild from the rows, and no shift holds more people than its places.
 */
import { sql } from 'kysely';
import type { Db } from '../../src/server/db/database.js';
import { verifyLedger } from '../../src/server/modules/points/index.js';
import { verifyStats } from '../../src/server/modules/stats/index.js';

/** Sign-up statuses that hold a place (signups.repository.ts HOLDING). */
const HOLDING = ['approved', 'attended', 'no_show'] as const;

/** Each shift whose `taken` counter is not the number of sign-ups holding a place, or is over capacity. */
export async function verifyCapacities(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('shifts')
    .select((eb) => [
      'shifts.id',
      'shifts.capacity',
      'shifts.taken',
      'shifts.status',
      eb
        .selectFrom('signups')
        .select(sql<number | string>`count(*)`.as('n'))
        .whereRef('signups.shift_id', '=', 'shifts.id')
        .where('signups.status', 'in', HOLDING)
        .as('holding'),
    ])
    .execute();
  const problems: string[] = [];
  for (const r of rows) {
    const holding = Number(r.holding);
    if (r.status === 'cancelled') {
      if (r.taken !== 0) problems.push(`shift ${r.id}: cancelled, taken ${r.taken}`);
      continue;
    }
    if (r.taken !== holding) problems.push(`shift ${r.id}: taken ${r.taken}, ${holding} sign-ups hold a place`);
    if (r.taken < 0 || r.taken > r.capacity) problems.push(`shift ${r.id}: taken ${r.taken} of ${r.capacity}`);
  }
  const goods = await db.selectFrom('goods').select(['id', 'stock']).where('stock', '<', 0).execute();
  for (const g of goods) problems.push(`goods ${g.id}: stock ${g.stock}`);
  return problems;
}

/** Every invariant's problems, empty when all hold. */
export async function verifyInvariants(db: Db): Promise<string[]> {
  const ledger = await verifyLedger(db);
  const stats = await verifyStats(db);
  return [
    ...ledger.problems.map((p) => `ledger: ${p}`),
    ...stats.differences.map((d) => `stats: ${d}`),
    ...(await verifyCapacities(db)).map((p) => `capacity: ${p}`),
  ];
}
