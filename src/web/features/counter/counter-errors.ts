import type { TFunction } from 'i18next';
import { ApiError } from '../../api/http-client.js';
import { errorText } from '../../components/error-text.js';

/** Refusals the counter explains in its own words (with what the server said about the goods). */
const COUNTER_CODES = new Set([
  'INSUFFICIENT_POINTS',
  'OUT_OF_STOCK',
  'LIMIT_REACHED',
  'TOKEN_EXPIRED',
  'TOKEN_INVALID',
  'IDEMPOTENCY_MISMATCH',
  'VOLUNTEER_NOT_ACTIVE',
  'NETWORK',
]);

/** A refusal as a sentence for the clerk: the counter's wording first, the app's general one otherwise. */
export function refusalText(err: unknown, t: TFunction): string {
  if (!(err instanceof ApiError)) return errorText(err, t);
  const base = COUNTER_CODES.has(err.code) ? t(`counter.errors.${err.code}`) : errorText(err, t);
  return err.status === 0 ? base : `${base} (${err.message})`;
}
