import { randomBytes } from 'node:crypto';
import {
  TOKEN_ROLES,
  TOKENS_PER_USER,
  type ApiToken,
  type NewApiToken,
  type TokenScope,
} from '../../../common/contract/tokens.js';
import { notFound, refusal } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../ids.js';
import { hasRole, type Actor } from '../../platform/access/policy.js';
import { sha256 } from '../../plugins/auth.js';
import type { LastUse } from './last-use.js';
import * as repo from './tokens.repository.js';

const DAY_MS = 86_400_000;
/** A use is noted at most this often per token: reads stay reads. */
const TOUCH_EVERY_MS = 60_000;

type TokenRow = Awaited<ReturnType<typeof repo.liveTokensOf>>[number];

const present = (r: TokenRow): ApiToken => ({
  id: r.id,
  name: r.name,
  scope: r.scope as TokenScope,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  lastUsedAt: r.last_used_at,
});

/**
 * A bearer token for an API client; only its hash is kept. Admins and organisers only, and only
 * from a session — someone who typed the password — so a token never makes a longer-lived one.
 */
export async function createToken(
  db: Db,
  actor: Actor,
  body: { name: string; scope: TokenScope; days: number },
): Promise<NewApiToken> {
  if (actor.via !== 'session') {
    throw refusal('FORBIDDEN', 'token_needs_session', 'Tokens are made from a signed-in session, not with a token');
  }
  if (!hasRole(actor, ...TOKEN_ROLES)) {
    throw refusal('FORBIDDEN', 'token_makers_only', 'Only admins and organisers may make API tokens');
  }
  const now = Date.now();
  const createdAt = new Date(now).toISOString();
  if ((await repo.liveTokensOf(db, actor.userId, createdAt)).length >= TOKENS_PER_USER) {
    throw refusal('CONFLICT', 'tokens_at_most', `At most ${TOKENS_PER_USER} tokens at once: revoke one first`, {
      max: TOKENS_PER_USER,
    });
  }
  const token = `smt_${randomBytes(32).toString('base64url')}`;
  const row = {
    id: newId(now),
    user_id: actor.userId,
    name: body.name,
    scope: body.scope,
    token_hash: sha256(token),
    created_at: createdAt,
    expires_at: new Date(now + body.days * DAY_MS).toISOString(),
  };
  await repo.insertToken(db, row);
  return { ...present({ ...row, last_used_at: null }), token };
}

export async function listTokens(db: Db, lastUse: LastUse, actor: Actor): Promise<{ items: ApiToken[] }> {
  await lastUse.flush();
  return { items: (await repo.liveTokensOf(db, actor.userId, nowIso())).map(present) };
}

/** Revokes one of the caller's own tokens; anyone else's (or none) is a 404. */
export async function revokeToken(db: Db, actor: Actor, id: string): Promise<void> {
  if (!(await repo.revokeToken(db, actor.userId, id, nowIso()))) throw notFound('Token');
}

/**
 * The caller a bearer token names, or null when it names none (unknown, revoked, past its end, or
 * its owner's account closed). Its use is noted at most once a minute, and written with others'.
 */
export async function callerOfToken(db: Db, lastUse: LastUse, secret: string) {
  const now = Date.now();
  const at = new Date(now).toISOString();
  const tok = await repo.findToken(db, sha256(secret), at);
  if (!tok) return null;
  const since = new Date(now - TOUCH_EVERY_MS).toISOString();
  const last = lastUse.tokenAt(tok.id) ?? tok.last_used_at;
  if (!last || last < since) lastUse.token(tok.id, at);
  return { ...tok, scope: tok.scope as TokenScope };
}
