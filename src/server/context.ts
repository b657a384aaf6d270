import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { PersonalDataCipher } from './crypto.js';
import type { Database } from './db/database.js';
import type { Actor } from './platform/access/policy.js';
import type { FileStorage } from './platform/files/index.js';
import type { SmsProvider } from './platform/notify/transports.js';
import type { Limiter } from './plugins/rate-limiter.js';

/** What every module gets: the database, the config, the cipher, the limiter and the SMS sender. */
export interface AppContext {
  config: Config;
  database: Database;
  cipher: PersonalDataCipher;
  limiter: Limiter;
  /** Sends texts that cannot wait for the outbox: one-time codes. */
  sms: SmsProvider;
  /** Where uploaded files (photos) are kept: local disk or S3 (SHANMEI_FILES). */
  files: FileStorage;
}

/** The Fastify instance with zod schemas as its type provider. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}
