import { AppError, badRequest } from '../../common/errors.js';

/**
 * What to answer when reading a multipart/form-data body failed: our own refusals and the
 * parser's 4xx (too many parts, too large) stand; anything else the parser threw (a body cut
 * short, no boundary, a malformed part header) is the caller's mistake, a 400, never a 500.
 * Use it only around reading the body, so that a fault of ours still shows as one.
 */
export function unreadableMultipart(err: unknown): never {
  if (err instanceof AppError) throw err;
  const status = (err as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) throw err;
  throw badRequest('body: the multipart/form-data body could not be read', { field: 'body' });
}
