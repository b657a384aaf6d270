import type { Kysely } from 'kysely';

// Frozen. Why a confirmed record earned what it did, as a small JSON object of facts (minutes,
// points per hour, multipliers, bonuses, the cap or budget that limited it) that the reader
// words in their own language; earnings made before it keep only their free-text memo. The
// index serves the statement, which finds an entry's earning by its transaction.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('point_earnings').addColumn('breakdown', 'text').execute();
  await db.schema.createIndex('point_earnings_transaction').on('point_earnings').column('transaction_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('point_earnings_transaction').execute();
  await db.schema.alterTable('point_earnings').dropColumn('breakdown').execute();
}
