import { badRequest } from '../common/errors.js';

/** Cursors are opaque to clients: base64url JSON of whatever the list sorts by. */
export function encodeCursor(value: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T extends Record<string, string | number>>(
  cursor: string | undefined,
  keys: (keyof T)[],
): T | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as T;
    if (typeof v === 'object' && v !== null && keys.every((k) => k in v)) return v;
  } catch {
    // fall through to the 400 below
  }
  throw badRequest('query.cursor: not a cursor this list gave out', { field: 'query.cursor' });
}

/** Splits a fetched page of limit+1 rows into the page and the next cursor. */
export function pageOf<R>(rows: R[], limit: number, cursorOf: (last: R) => Record<string, string | number>) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
