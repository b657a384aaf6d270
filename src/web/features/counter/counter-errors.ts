import type { TFunction } from 'i18next';
import { ApiError } from '../../api/http-client.js';
import { errorText } from '../../components/error-text.js';

/** Refusals the counter explains in its own words. */
const COUNTER_CODES = new Set([
  'INSUFFICIENT_POINTS',
  'OUT_OF_STOCK',
  'LIMIT_REACHED',
  'TOKEN_EXPIRED',
  'TOKEN_INVALID',
  'IDEMPOTENCY_MISMATCH',
  'VOLUNTEER_NOT_ACTIVE',
  'PIN_REFUSED',
  'VOID_WINDOW_CLOSED',
  'NETWORK',
]);

/**
 * A refusal as a sentence for the clerk, in the page's language: the counter's wording first,
 * the app's general one otherwise. The server's own (English) message is never shown; where it
 * names goods, the goods' name comes from the refusal's details and the catalogue.
 */
export function refusalText(err: unknown, t: TFunction, goodsName?: (goodsId: string) => string | undefined): string {
  if (!(err instanceof ApiError)) return errorText(err, t);
  const base = COUNTER_CODES.has(err.code) ? t(`counter.errors.${err.code}`) : errorText(err, t);
  const details = err.details as { goodsId?: unknown } | undefined;
  const name = typeof details?.goodsId === 'string' ? goodsName?.(details.goodsId) : undefined;
  return name ? `${base} · ${name}` : base;
}
