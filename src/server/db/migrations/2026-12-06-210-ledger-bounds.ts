import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen. The ledger's bounds. Points amounts, balances and counts of goods become 64-bit on
// PostgreSQL (SQLite's INTEGER is 64-bit already, so nothing changes there): one account at
// the int4 edge made every later posting to it fail. And adjustments get their own table:
// one row per admin request, its idempotency key unique per issuer, a large one waiting for
// a second admin's approval before it touches the ledger.

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** Points- and count-like int4 columns of migrations 040 and 050. */
const WIDENED: Record<string, string[]> = {
  point_accounts: ['balance', 'entry_seq'],
  point_entries: ['seq', 'amount', 'balance_after'],
  point_rules: ['points_per_activity', 'daily_cap', 'monthly_cap'],
  point_earnings: ['points'],
  goods: ['points', 'stock', 'limit_per_person'],
  redemptions: ['points', 'balance_after'],
  redemption_items: ['qty', 'points_each'],
  stock_movements: ['delta', 'stock_after'],
};

async function retype(db: Kysely<unknown>, type: 'bigint' | 'integer'): Promise<void> {
  for (const [table, columns] of Object.entries(WIDENED)) {
    const changes = columns.map((c) => sql`alter column ${sql.ref(c)} type ${sql.raw(type)}`);
    await sql`alter table ${sql.table(table)} ${sql.join(changes)}`.execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) await retype(db, 'bigint');

  await db.schema
    .createTable('point_adjustments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    // The volunteer's region when asked: whose system account the adjustment posts against.
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    // The region grant the asker acted through (null: a system admin): an approver must
    // administer it too (or be a system admin).
    .addColumn('scope_code', 'text', (c) => c.references('regions.code'))
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    // pending | applied | rejected
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('transaction_id', 'text', (c) => c.references('point_transactions.id'))
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('point_adjustments_issuer_key', ['requested_by', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('point_adjustments_status')
    .on('point_adjustments')
    .columns(['status', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('point_adjustments_volunteer')
    .on('point_adjustments')
    .columns(['volunteer_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('point_adjustments').execute();
  if (isPostgres(db)) await retype(db, 'integer');
}
