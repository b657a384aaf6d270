import type { Db } from '../../db/database.js';
import { compiledQuery } from '../../platform/compiled.js';
import { callerColumns, callerOf } from './auth.repository.js';

/**
 * The live bearer token whose hash is `hash` — not revoked, not past its end, its owner's account
 * open — with its scope, when it was last used, and its user's grants and volunteer id.
 */
export async function findToken(db: Db, hash: string, now: string) {
  return callerOf((await tokenByHash(db, hash, now)).rows[0]);
}

const tokenByHash = compiledQuery((db, hash: string, now: string) =>
  db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id',
      'api_tokens.user_id',
      'api_tokens.scope',
      'api_tokens.last_used_at',
      ...callerColumns(db),
    ])
    .where('api_tokens.token_hash', '=', hash)
    .where('api_tokens.revoked_at', 'is', null)
    .where('api_tokens.expires_at', '>', now)
    .where('users.status', '=', 'active'),
);

export async function insertToken(
  db: Db,
  row: {
    id: string;
    user_id: string;
    name: string;
    scope: string;
    token_hash: string;
    created_at: string;
    expires_at: string;
  },
): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

/** A person's tokens that are neither revoked nor ended, newest first (never their hashes). */
export async function liveTokensOf(db: Db, userId: string, now: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'scope', 'created_at', 'expires_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Revokes one of the person's own live tokens; answers whether there was one. */
export async function revokeToken(db: Db, userId: string, id: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
