/**
 * Finds the header row of an uploaded sheet and maps its columns to field keys. Real files
 * carry a title row above the headers, mark required columns with `*`, add notes such as
 * "（必填）" and mix full- and half-width characters; all of that is ignored here.
 */
import { peekRows } from './rows.js';
import type { SheetRow } from './sheet-row.js';

/** One column an import kind understands. */
export interface ColumnSpec {
  /** The field the column fills. */
  key: string;
  /** Names it may have in a file: Chinese first (the template's), then English and synonyms. */
  headers: string[];
  required: boolean;
  /** Names a group of columns of which the file needs at least one (such columns have `required: false`). */
  oneOf?: string;
}

export interface HeaderMatch {
  /** The row number of the header row; 0 when none of the first rows looks like one. */
  headerRow: number;
  /** Cell index (0 = column A) → field key. */
  columns: Map<number, string>;
  /** Required keys with no column; a one-of group shows as its keys joined by '|' ("volunteerCode|idNumber"). */
  missing: string[];
  /** Header texts, as in the file, that map to no field. */
  unknown: string[];
  /** Header texts, as in the file, of a second column for a field already mapped (the first one wins). */
  duplicates: string[];
}

/** How many non-blank rows are searched for the header row. */
export const HEADER_SCAN_ROWS = 5;

/** A note naming a unit changes the column's meaning ("时长(分钟)"), so it is kept and must match exactly. */
const UNIT_NOTE = /小时|分钟|秒|hours?|minutes?|^(h|hr|hrs|min|mins|s|sec)$/;

/**
 * The form headers are compared in: NFKC (full-width to ASCII), lower case, no whitespace,
 * no `*` at either end, no bracketed note at the end — "＊证件号码（必填）" → "证件号码".
 */
export function normaliseHeader(text: string): string {
  let s = text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
  for (let before = ''; before !== s;) {
    before = s;
    s = s.replace(/^\*+|\*+$/g, '');
    s = s.replace(/\(([^()]*)\)$/, (note: string, inner: string) => (UNIT_NOTE.test(inner) ? note : ''));
  }
  return s;
}

const lookup = (specs: readonly ColumnSpec[]): Map<string, string> => {
  const map = new Map<string, string>();
  for (const spec of specs)
    for (const h of spec.headers) if (!map.has(normaliseHeader(h))) map.set(normaliseHeader(h), spec.key);
  return map;
};

/** Required columns and one-of groups: each counts once towards "half of the required columns". */
function requirements(specs: readonly ColumnSpec[]): string[][] {
  const groups = new Map<string, string[]>();
  const out: string[][] = [];
  for (const spec of specs) {
    if (spec.required) out.push([spec.key]);
    else if (spec.oneOf !== undefined) {
      const group = groups.get(spec.oneOf);
      if (group) group.push(spec.key);
      else {
        const keys = [spec.key];
        groups.set(spec.oneOf, keys);
        out.push(keys);
      }
    }
  }
  return out;
}

function mapRow(row: SheetRow, names: Map<string, string>): Omit<HeaderMatch, 'missing'> {
  const columns = new Map<number, string>();
  const unknown: string[] = [];
  const duplicates: string[] = [];
  const seen = new Set<string>();
  row.cells.forEach((cell, index) => {
    const text = cell.text.trim();
    if (text === '') return;
    const key = names.get(normaliseHeader(text));
    if (key === undefined) unknown.push(text);
    else if (seen.has(key)) duplicates.push(text);
    else {
      seen.add(key);
      columns.set(index, key);
    }
  });
  return { headerRow: row.row, columns, unknown, duplicates };
}

/**
 * Picks the header row: the first of the first HEADER_SCAN_ROWS rows that maps at least half
 * of the required columns (a title row above, merged or not, maps none and is passed over).
 * When no row qualifies, headerRow is 0 and every requirement is reported missing.
 */
export function findHeader(head: readonly SheetRow[], specs: readonly ColumnSpec[]): HeaderMatch {
  const names = lookup(specs);
  const needs = requirements(specs);
  for (const row of head.slice(0, HEADER_SCAN_ROWS)) {
    const mapped = mapRow(row, names);
    const found = new Set(mapped.columns.values());
    const missing = needs.filter((keys) => !keys.some((k) => found.has(k))).map((keys) => keys.join('|'));
    const met = needs.length - missing.length;
    if (met > 0 && met * 2 >= needs.length) return { ...mapped, missing };
  }
  return {
    headerRow: 0,
    columns: new Map(),
    missing: needs.map((keys) => keys.join('|')),
    unknown: [],
    duplicates: [],
  };
}

/**
 * Finds the header in the first rows of a stream and returns the rows below it, ready for the
 * importer. When no header is found `rows` still yields every row, for the caller to refuse.
 */
export async function splitHeader(
  rows: AsyncIterable<SheetRow>,
  specs: readonly ColumnSpec[],
): Promise<{ header: HeaderMatch; rows: AsyncGenerator<SheetRow> }> {
  const peeked = await peekRows(rows, HEADER_SCAN_ROWS);
  const header = findHeader(peeked.head, specs);
  async function* below(): AsyncGenerator<SheetRow> {
    for await (const row of peeked.rows) if (row.row > header.headerRow) yield row;
  }
  return { header, rows: below() };
}
