import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorBody, type ErrorCode } from '../../common/errors.js';
import { isUniqueViolation } from '../platform/db.js';

const send = (code: ErrorCode | string, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

interface ValidationItem {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: { keys?: string[] };
}

/** Turns the first validation issue into a sentence that names the field. */
function describeValidation(context: string, item: ValidationItem | undefined) {
  const path = (item?.instancePath ?? '').split('/').filter(Boolean).join('.');
  const field = path ? `${context}.${path}` : context;
  if (item?.keyword === 'unrecognized_keys' && item.params?.keys?.length) {
    const names = item.params.keys.map((k) => (path ? `${field}.${k}` : `${context}.${k}`));
    return { field: names[0] ?? field, message: `${names.join(', ')}: unknown field, not accepted here` };
  }
  return { field, message: `${field}: ${item?.message ?? 'invalid'}` };
}

/** Seconds to wait, for a 429 whose cause did not say (its window's length is at most a minute or two there). */
const DEFAULT_RETRY_AFTER = 60;

/** `details.retryAfter` of a RATE_LIMITED error (whole seconds), or the default. */
function retryAfterOf(details: unknown): number {
  const s = (details as { retryAfter?: unknown } | undefined)?.retryAfter;
  return typeof s === 'number' && Number.isFinite(s) && s > 0 ? Math.ceil(s) : DEFAULT_RETRY_AFTER;
}

/** The code of a 4xx that a plugin (not our code) raised, by its status. */
const CODE_OF_STATUS: Record<number, ErrorCode> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
};

/**
 * What the router answers before any route runs — an address with a broken percent-escape, or
 * a path parameter longer than the router takes — in the API's error body, not Fastify's.
 */
export function frameworkErrors(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void reply.status(414).send(send('URI_TOO_LONG', 'url: a part of the address is too long', { field: 'url' }));
    return;
  }
  const message = err.code === 'FST_ERR_BAD_URL' ? 'url: a broken %-escape in the address' : `url: ${err.message}`;
  void reply.status(400).send(send('VALIDATION_ERROR', message, { field: 'url' }));
}

/**
 * One error handler for the whole API: intended errors keep their code, a caller's mistake
 * is a 4xx with a readable message, and anything else is a 500 whose details stay in the log.
 */
/**
 * `spa`: when the built web app is served, non-API GETs that match no file get index.html
 * (the web app routes on the client).
 */
export function registerErrorHandler(app: FastifyInstance, spa = false): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      if (err.status === 429) void reply.header('retry-after', String(retryAfterOf(err.details)));
      return reply.status(err.status).send(send(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const context = err.validationContext ?? 'body';
      const { field, message } = describeValidation(context, err.validation[0] as ValidationItem | undefined);
      return reply.status(400).send(send('VALIDATION_ERROR', message, { field }));
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err: { message: err.message } }, 'response did not match its schema');
      return reply.status(500).send(send('INTERNAL', 'Internal server error'));
    }
    if (isUniqueViolation(err)) {
      return reply.status(409).send(send('DUPLICATE', 'That already exists'));
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      if (status === 415) {
        return reply.status(415).send(send('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json'));
      }
      if (status === 413) return reply.status(413).send(send('PAYLOAD_TOO_LARGE', 'The body is too large'));
      if (status === 429) {
        if (!reply.hasHeader('retry-after')) void reply.header('retry-after', String(DEFAULT_RETRY_AFTER));
        return reply.status(429).send(send('RATE_LIMITED', 'Too many requests; try again later'));
      }
      if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
        return reply.status(400).send(send('MALFORMED_JSON', 'The body is empty but the content type is JSON'));
      }
      if (err.code?.startsWith('FST_ERR_CTP') || err instanceof SyntaxError) {
        return reply.status(400).send(send('MALFORMED_JSON', 'The body is not valid JSON'));
      }
      return reply.status(status).send(send(CODE_OF_STATUS[status] ?? 'VALIDATION_ERROR', err.message));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(send('INTERNAL', 'Internal server error'));
  });

  app.setNotFoundHandler((req, reply) => {
    if (spa && req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.status(404).send(send('NOT_FOUND', `No route ${req.method} ${req.url.split('?')[0]}`));
  });
}
