import { ApiError } from '../../api/http-client.js';

/** Whether a failed call may have reached the server without an answer: worth repeating with the same key. */
export const isTransient = (err: unknown): boolean =>
  err instanceof ApiError && (err.status === 0 || err.status === 502 || err.status === 503 || err.status === 504);

/**
 * Sends a redemption, repeating it on a network failure with the SAME idempotency key, so
 * a request that did reach the server is never paid twice. Refusals (4xx) are answers and
 * are not repeated.
 */
export async function withRetry<T>(
  send: () => Promise<T>,
  opts: { attempts?: number; delayMs?: number; sleep?: (ms: number) => Promise<void> } = {},
): Promise<T> {
  const attempts = opts.attempts ?? 3;
  const delayMs = opts.delayMs ?? 800;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let i = 1; ; i++) {
    try {
      return await send();
    } catch (err) {
      if (i >= attempts || !isTransient(err)) throw err;
      await sleep(delayMs * i);
    }
  }
}

/** A fresh idempotency key for one basket (the server accepts letters, digits and - : . _). */
export function newBasketKey(): string {
  return `basket-${crypto.randomUUID()}`;
}
