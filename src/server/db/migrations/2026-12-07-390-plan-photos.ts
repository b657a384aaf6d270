import type { Kysely } from 'kysely';

// Frozen. Photos on plans: evidence on a key task's progress update, receipts on a spending
// entry. Each a JSON list of file ids (files of kind plan_photo owned by the plan), in the order
// given, as needs keep theirs: the photos are read with the row they belong to, never alone, and
// are never shared between rows, so a link table would only add a join.

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['plan_progress', 'plan_spending']) {
    await db.schema
      .alterTable(table)
      .addColumn('photo_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['plan_progress', 'plan_spending']) {
    await db.schema.alterTable(table).dropColumn('photo_ids').execute();
  }
}
