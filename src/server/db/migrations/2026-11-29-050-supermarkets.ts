import type { Kysely } from 'kysely';

// Frozen. Points supermarkets (积分超市): goods with a cached stock, append-only stock
// movements, and redemption orders with their items. The points side of a redemption is a
// ledger transaction (migration 040); `transaction_id` links the two.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('goods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    // A cache of the movements' sum, changed only in the transaction that writes them.
    .addColumn('stock', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('limit_per_person', 'integer')
    .addColumn('limit_period', 'text')
    .addColumn('donor', 'text')
    .addColumn('image_url', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('goods_site').on('goods').columns(['site_id', 'id']).execute();

  await db.schema
    .createTable('redemptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('clerk_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('balance_after', 'integer', (c) => c.notNull())
    .addColumn('transaction_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('reversed_at', 'text')
    .addColumn('reversed_by', 'text', (c) => c.references('users.id'))
    .addColumn('reverse_reason', 'text')
    .addColumn('reversal_transaction_id', 'text')
    .execute();
  await db.schema
    .createIndex('redemptions_site_key')
    .on('redemptions')
    .columns(['site_id', 'idempotency_key'])
    .unique()
    .execute();
  await db.schema.createIndex('redemptions_site_time').on('redemptions').columns(['site_id', 'created_at']).execute();
  await db.schema
    .createIndex('redemptions_volunteer_time')
    .on('redemptions')
    .columns(['volunteer_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('redemption_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('redemption_id', 'text', (c) => c.notNull().references('redemptions.id'))
    .addColumn('goods_id', 'text', (c) => c.notNull().references('goods.id'))
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addColumn('points_each', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('redemption_items_redemption').on('redemption_items').column('redemption_id').execute();
  await db.schema.createIndex('redemption_items_goods').on('redemption_items').column('goods_id').execute();

  await db.schema
    .createTable('stock_movements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('goods_id', 'text', (c) => c.notNull().references('goods.id'))
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('delta', 'integer', (c) => c.notNull())
    // initial | in | out | redemption | reversal
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('redemption_id', 'text', (c) => c.references('redemptions.id'))
    .addColumn('actor_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('stock_after', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stock_movements_goods')
    .on('stock_movements')
    .columns(['goods_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('stock_movements_site_time')
    .on('stock_movements')
    .columns(['site_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('stock_movements').execute();
  await db.schema.dropTable('redemption_items').execute();
  await db.schema.dropTable('redemptions').execute();
  await db.schema.dropTable('goods').execute();
}
