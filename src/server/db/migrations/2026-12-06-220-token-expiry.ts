import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen. API tokens get a scope (`read`: GET and HEAD only; `full`), an end (`expires_at`,
// a token past it is refused) and the last time one was used (kept at most once a minute).
// Tokens made before this had neither: they become `full` and end 90 days after they were made;
// those of people who hold no admin or organiser grant (who may no longer make one) are revoked
// now. On SQLite `expires_at` stays nullable (a column added there cannot be NOT NULL without a
// default); a null end never passes `expires_at > now`, so it is refused like a past one.

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;
const DAY_MS = 86_400_000;
/** Who may make tokens when this migration was written (common/contract/tokens.ts TOKEN_ROLES). */
const MAKERS = ['system_admin', 'region_admin', 'department_admin', 'team_admin'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('api_tokens')
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo('full'))
    .execute();
  await db.schema.alterTable('api_tokens').addColumn('expires_at', 'text').execute();
  await db.schema.alterTable('api_tokens').addColumn('last_used_at', 'text').execute();

  const now = new Date().toISOString();
  const { rows } = await sql<{ id: string; created_at: string }>`SELECT id, created_at FROM api_tokens`.execute(db);
  for (const r of rows) {
    const ends = new Date(Date.parse(r.created_at) + 90 * DAY_MS).toISOString();
    await sql`UPDATE api_tokens SET expires_at = ${ends} WHERE id = ${r.id}`.execute(db);
  }
  await sql`UPDATE api_tokens SET revoked_at = ${now}
    WHERE revoked_at IS NULL
      AND user_id NOT IN (SELECT user_id FROM role_grants WHERE role IN (${sql.join(MAKERS)}))`.execute(db);
  if (isPostgres(db)) await sql`ALTER TABLE api_tokens ALTER COLUMN expires_at SET NOT NULL`.execute(db);
  // A person's tokens, listed newest first; revoking all of them on a new password.
  await db.schema.createIndex('api_tokens_user').on('api_tokens').columns(['user_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('api_tokens_user').execute();
  await db.schema.alterTable('api_tokens').dropColumn('last_used_at').execute();
  await db.schema.alterTable('api_tokens').dropColumn('expires_at').execute();
  await db.schema.alterTable('api_tokens').dropColumn('scope').execute();
}
