import { sql, type Kysely } from 'kysely';

// Frozen. The points ledger: accounts with a cached balance, transactions (one idempotency
// key each) and their entries (append-only; each carries its place in its account and the
// balance after it, so statements and FIFO expiry are computable from entries alone);
// point rules; earnings (which record earned what, for caps and reversal); job leases.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('point_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('balance', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('non_negative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('entry_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('point_accounts_kind_owner', ['kind', 'owner_id'])
    .execute();

  await db.schema
    .createTable('point_transactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('memo', 'text')
    .addColumn('actor_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('reverses_id', 'text', (c) => c.references('point_transactions.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('point_transactions_source')
    .on('point_transactions')
    .columns(['source', 'source_id'])
    .execute();
  await db.schema.createIndex('point_transactions_reverses').on('point_transactions').column('reverses_id').execute();

  await db.schema
    .createTable('point_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('transaction_id', 'text', (c) => c.notNull().references('point_transactions.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('point_accounts.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('balance_after', 'integer', (c) => c.notNull())
    // Earned wallet credits: when they expire. Expiry debits: the cutoff they applied.
    .addColumn('expires_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('point_entries_account_seq', ['account_id', 'seq'])
    .execute();
  await db.schema.createIndex('point_entries_tx').on('point_entries').column('transaction_id').execute();
  await db.schema
    .createIndex('point_entries_expiring')
    .on('point_entries')
    .columns(['expires_at', 'account_id'])
    .where(sql.ref('expires_at'), 'is not', null)
    .execute();

  await db.schema
    .createTable('point_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scope_type', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addColumn('points_per_hour', 'double precision', (c) => c.notNull())
    .addColumn('points_per_activity', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('field_multipliers', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('project_multipliers', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('bonuses', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('daily_cap', 'integer')
    .addColumn('monthly_cap', 'integer')
    .addColumn('expiry', 'text', (c) => c.notNull())
    .addColumn('budget_limited', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('point_rules_scope').on('point_rules').columns(['scope_type', 'scope_id']).execute();

  await db.schema
    .createTable('point_earnings')
    .addColumn('record_id', 'text', (c) => c.primaryKey().references('service_records.id'))
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('transaction_id', 'text', (c) => c.notNull().references('point_transactions.id'))
    .addColumn('rule_id', 'text', (c) => c.notNull().references('point_rules.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('point_earnings_vol_day').on('point_earnings').columns(['volunteer_id', 'day']).execute();
  await db.schema
    .createIndex('point_earnings_vol_month')
    .on('point_earnings')
    .columns(['volunteer_id', 'month'])
    .execute();

  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text')
    .addColumn('lease_until', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'job_leases',
    'point_earnings',
    'point_rules',
    'point_entries',
    'point_transactions',
    'point_accounts',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
