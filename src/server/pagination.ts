import { badRequest } from '../common/errors.js';
import { hasControlCharacter } from '../common/text.js';

/** Cursors are opaque to clients: base64url JSON of whatever the list sorts by. */
export function encodeCursor(value: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** What each key of a cursor holds: a short text, or a whole number from 0 to INT_MAX. */
type CursorSpec = Record<string, 'string' | 'int'>;
type CursorOf<S extends CursorSpec> = { [K in keyof S]: S[K] extends 'string' ? string : number };

const CURSOR_TEXT_MAX = 200;
/**
 * The largest count a cursor may hold: PostgreSQL's `integer`, the type of the columns cursors
 * follow (sequence numbers), so a forged cursor is a 400 rather than the database's overflow.
 */
const CURSOR_INT_MAX = 2 ** 31 - 1;

function holds(value: unknown, type: 'string' | 'int'): boolean {
  if (type === 'int')
    return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= CURSOR_INT_MAX;
  return typeof value === 'string' && value.length <= CURSOR_TEXT_MAX && !hasControlCharacter(value);
}

/**
 * The position a cursor this list gave out stands for, each key of the type `spec` names; a
 * cursor that is not one (not base64url JSON, a key missing, an object, array or huge number
 * where a text or count belongs) is the caller's mistake, a 400.
 */
export function decodeCursor<S extends CursorSpec>(
  cursor: string | undefined,
  spec: S,
  /** Where the cursor came from, for the refusal: a body names `body.cursor`. */
  field = 'query.cursor',
): CursorOf<S> | null {
  if (!cursor) return null;
  let v: unknown = null;
  try {
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // refused below
  }
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (Object.entries(spec).every(([k, type]) => holds(o[k], type))) return o as CursorOf<S>;
  }
  throw badRequest(`${field}: not a cursor this list gave out`, { field });
}

/** Splits a fetched page of limit+1 rows into the page and the next cursor. */
export function pageOf<R>(rows: R[], limit: number, cursorOf: (last: R) => Record<string, string | number>) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
