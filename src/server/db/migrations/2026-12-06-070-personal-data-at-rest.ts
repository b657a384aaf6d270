import { sql, type Kysely } from 'kysely';

// Frozen. Nothing stored in clear may let anyone rebuild an ID number. The masked form kept
// 3 + 4 characters and the birth date sat beside it: with the region, the number could be
// rebuilt without the key. The mask now keeps the first and last character (it is re-made
// from the old one), and the birth date gives way to the birth year; the whole date is still
// in the encrypted ID number, where the age rules read it.

const STARS = '*'.repeat(64);

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('volunteers').addColumn('birth_year', 'integer').execute();
  await sql`UPDATE volunteers SET birth_year = CAST(substr(birth_date, 1, 4) AS INTEGER) WHERE birth_date IS NOT NULL`.execute(
    db,
  );
  await sql`UPDATE volunteers SET id_number_masked =
      substr(id_number_masked, 1, 1) || substr(${STARS}, 1, length(id_number_masked) - 2)
      || substr(id_number_masked, length(id_number_masked), 1)
    WHERE length(id_number_masked) > 2`.execute(db);
  await db.schema.alterTable('volunteers').dropColumn('birth_date').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The dropped dates cannot come back from the year: they stay unknown.
  await db.schema.alterTable('volunteers').addColumn('birth_date', 'text').execute();
  await db.schema.alterTable('volunteers').dropColumn('birth_year').execute();
}
