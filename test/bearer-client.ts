/**
 * Logged-in HTTP clients for tests: a bearer token written straight to the database, so hundreds of
 * them cost nothing.
 */
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { AppContext } from '../src/server/context.js';
import { newId, nowIso } from '../src/server/ids.js';
import { sha256 } from '../src/server/plugins/auth.js';
import { rememberSecret } from './log-scan.js';

export type AppLike = {
  ctx: Pick<AppContext, 'cipher' | 'database'>;
  inject: (opts: {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    url: string;
    headers?: Record<string, string>;
    payload?: Record<string, unknown>;
  }) => Promise<LightMyRequestResponse>;
};

/** A logged-in HTTP client; both `Client` (cookie) and `BearerClient` fit. */
export interface ApiClient {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
}

/**
 * A client that sends a bearer token written straight to the database: no password
 * check, so hundreds of them cost nothing (the 200-volunteer concurrency tests).
 */
export class BearerClient implements ApiClient {
  constructor(
    private readonly app: AppLike,
    readonly token: string,
  ) {}
  request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown) {
    return this.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${this.token}` },
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });
  }
  get = (url: string) => this.request('GET', url);
  post = (url: string, body: unknown = {}) => this.request('POST', url, body);
  patch = (url: string, body: unknown = {}) => this.request('PATCH', url, body);
  del = (url: string) => this.request('DELETE', url);
}

/**
 * A bearer client acting as `userId`, whatever their roles (a fixture: POST /auth/tokens is for
 * admins and organisers), with a `full` token that ends long after any test clock.
 */
export async function clientFor(app: AppLike, userId: string): Promise<BearerClient> {
  const token = `smt_${randomBytes(24).toString('base64url')}`;
  rememberSecret(token);
  await app.ctx.database.db
    .insertInto('api_tokens')
    .values({
      id: newId(),
      user_id: userId,
      name: 'test',
      token_hash: sha256(token),
      created_at: nowIso(),
      expires_at: '9999-12-31T23:59:59.999Z',
    })
    .execute();
  return new BearerClient(app, token);
}
