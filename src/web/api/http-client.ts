import type { ErrorBody } from '../../common/errors.js';

/** An API answer with a 4xx/5xx status, carrying the stable error code and the field it names. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The request field the server blamed (`body.phone` → `phone`), if any. */
  get field(): string | undefined {
    const d = this.details as { field?: unknown } | undefined;
    if (!d || typeof d.field !== 'string') return undefined;
    return d.field.replace(/^(body|querystring|params)\.?/, '') || undefined;
  }
}

let csrfToken: string | null = null;

/** Remembers the CSRF token from GET /me; state-changing calls send it back. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const SAFE = new Set(['GET', 'HEAD']);

/**
 * A state-changing call made before GET /me answered (a fast click after a reload) would
 * lack the token; ask for it first. Anonymous callers get a 401 here and need none.
 */
async function ensureCsrfToken(): Promise<void> {
  if (csrfToken) return;
  try {
    const res = await fetch('/api/v1/me', { credentials: 'same-origin', headers: { accept: 'application/json' } });
    // The body is read even of a 401: a response left unread (no-store, as every API answer
    // is) keeps its request open in the browser.
    const body = (await res.json().catch(() => null)) as { csrfToken?: string | null } | null;
    if (res.ok) csrfToken = body?.csrfToken ?? null;
  } catch {
    // the call itself will report the network failure
  }
}

function isErrorBody(v: unknown): v is ErrorBody {
  const e = (v as { error?: { code?: unknown } } | null)?.error;
  return typeof e?.code === 'string';
}

type Query = Record<string, string | number | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/** The address of a GET under /api/v1 with its query (empty values left out), for download links. */
export const apiUrl = (path: string, query?: Query): string => withQuery(`/api/v1${path}`, query);

/** One JSON call under /api/v1; throws ApiError on any non-2xx answer. */
export async function request<T>(
  method: string,
  path: string,
  opts: { body?: unknown; query?: Query } = {},
): Promise<T> {
  if (!SAFE.has(method) && path !== '/auth/login') await ensureCsrfToken();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (!SAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(`/api/v1${path}`, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Network error');
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    if (isErrorBody(data)) throw new ApiError(res.status, data.error.code, data.error.message, data.error.details);
    throw new ApiError(res.status, 'HTTP_' + res.status, res.statusText || 'Request failed');
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  del: <T>(path: string) => request<T>('DELETE', path),
};

/**
 * Posts a multipart form under /api/v1 (a file upload), reporting how much of it has been sent
 * (`fetch` cannot tell); answers the JSON reply, or throws ApiError as `request` does.
 */
export async function uploadForm<T>(
  path: string,
  form: FormData,
  onProgress?: (sent: number, total: number) => void,
): Promise<T> {
  await ensureCsrfToken();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(e.loaded, e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'Network error'));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = JSON.parse(xhr.responseText) as unknown;
      } catch {
        // not JSON: described by the status below
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      if (isErrorBody(data))
        return reject(new ApiError(xhr.status, data.error.code, data.error.message, data.error.details));
      reject(new ApiError(xhr.status, 'HTTP_' + xhr.status, xhr.statusText || 'Request failed'));
    };
    xhr.send(form);
  });
}
