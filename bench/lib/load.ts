import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Responses per status code. */
  statuses: Record<string, number>;
  requests: number;
  seconds: number;
}

export interface OneRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * Closed-loop load with `connections` clients: for `seconds`, or until `amount` requests
 * have been answered. `each(i)` gives the i-th request (for requests that differ: a token
 * per volunteer, a fresh code and key per redemption); without it, the same request each time.
 */
export async function load(
  url: string,
  opts: {
    connections?: number;
    seconds?: number;
    amount?: number;
    method?: 'GET' | 'POST';
    headers?: Record<string, string>;
    body?: string;
    each?: (i: number) => OneRequest;
  } = {},
): Promise<LoadResult> {
  let next = 0;
  const each = opts.each;
  // autocannon ends a run only on its one-second tick, so with `amount` its duration is whole
  // seconds: the rate is taken from our own clock, to the last answer.
  const t0 = performance.now();
  let lastAnswer = t0;
  const r = await autocannon({
    url,
    connections: opts.connections ?? 50,
    ...(opts.amount ? { amount: opts.amount } : { duration: opts.seconds ?? 5 }),
    method: opts.method ?? 'GET',
    headers: opts.headers,
    body: opts.body,
    ...(each
      ? {
          requests: [
            {
              setupRequest: (req: autocannon.Request): autocannon.Request => {
                const one = each(next++);
                const headers = { ...(one.body ? { 'content-type': 'application/json' } : {}), ...one.headers };
                return { ...req, ...one, headers };
              },
              onResponse: () => {
                lastAnswer = performance.now();
              },
            },
          ],
        }
      : {}),
  });
  const statuses: Record<string, number> = {};
  for (const [code, s] of Object.entries(r.statusCodeStats ?? {})) statuses[code] = Number(s.count);
  const requests = Object.values(statuses).reduce((a, b) => a + b, 0);
  const seconds = opts.amount && each ? (lastAnswer - t0) / 1000 : r.duration;
  return {
    rps: requests / seconds,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
    statuses,
    requests,
    seconds,
  };
}

/** "2000× 201, 3× 409" */
export const statusText = (s: Record<string, number>): string =>
  Object.entries(s)
    .map(([k, n]) => `${n}× ${k}`)
    .join(', ') || 'none';

/** p50/p99 of a list of millisecond timings. */
export function percentiles(ms: number[]): { p50: number; p99: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}

export const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
