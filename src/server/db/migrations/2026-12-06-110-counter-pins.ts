import { randomInt } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

// Frozen. For volunteers without a smartphone: a counter PIN (only its argon2id hash) with the
// count of wrong tries in a row and the end of a lock; and a short receipt number on every
// redemption, given here to the redemptions made before it (8 characters of a 31-letter
// alphabet without 0/O, 1/I/L, so it can be read aloud and typed back).

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const receiptNo = (): string => Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('counter_pins')
    .addColumn('volunteer_id', 'text', (c) => c.primaryKey().references('volunteers.id'))
    .addColumn('pin_hash', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('redemptions').addColumn('receipt_no', 'text').execute();
  const taken = new Set<string>();
  const { rows } = await sql<{ id: string }>`SELECT id FROM redemptions`.execute(db);
  for (const r of rows) {
    let no = receiptNo();
    while (taken.has(no)) no = receiptNo();
    taken.add(no);
    await sql`UPDATE redemptions SET receipt_no = ${no} WHERE id = ${r.id}`.execute(db);
  }
  await db.schema.createIndex('redemptions_receipt_no').on('redemptions').column('receipt_no').unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('redemptions_receipt_no').execute();
  await db.schema.alterTable('redemptions').dropColumn('receipt_no').execute();
  await db.schema.dropTable('counter_pins').execute();
}
