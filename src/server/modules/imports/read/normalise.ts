/**
 * Pure cleaning of single cells into values the importer can check against the domain rules.
 * Each function refuses with a reason code instead of guessing: a refused cell becomes a row in
 * the error report, worded in the reader's language by the caller. Every function refuses a
 * blank cell with 'empty', and the caller decides whether the column was optional.
 * Dates and durations are in normalise-time.ts, which builds on the helpers here.
 */
import { withoutControlCharacters } from '../../../../common/text.js';
import type { Cell } from './sheet-row.js';

export type ReasonCode =
  | 'empty'
  /** The ID was stored as a number: Excel keeps 15 significant digits, so its end is lost. */
  | 'id_as_number'
  | 'bad_date'
  | 'bad_hours'
  /** Zero, negative or more than 24 hours. */
  | 'hours_out_of_range';

export type Normalised<T> = { ok: true; value: T } | { ok: false; reason: ReasonCode };

export const ok = <T>(value: T): Normalised<T> => ({ ok: true, value });
export const refuse = <T>(reason: ReasonCode): Normalised<T> => ({ ok: false, reason });

/** Accepts a bare string too, for callers (and tests) that have text and no cell. */
export const asCell = (cell: Cell | string): Cell => (typeof cell === 'string' ? { text: cell } : cell);

/** NFKC (full-width digits, letters, punctuation and the ideographic space to ASCII), trimmed, spaces collapsed. */
export function cleanString(text: string): string {
  return withoutControlCharacters(text.normalize('NFKC')).replace(/\s+/gu, ' ').trim();
}

/** The cell's text, cleaned (see cleanString); 'empty' when nothing is left. */
export function cleanText(cell: Cell | string): Normalised<string> {
  const text = cleanString(asCell(cell).text);
  return text === '' ? refuse('empty') : ok(text);
}

/** How Excel writes a number it will not show in full: "1.23457E+17". */
const SCIENTIFIC = /^[+-]?\d+(\.\d+)?e[+-]?\d+$/i;
/** Excel's own way of keeping digits as text in a CSV: ="110101199001011234". */
const EXCEL_TEXT_FORMULA = /^="(.*)"$/;
/** Fewer digits than this fit in a double and in Excel's 15 significant digits; IDs this long may not. */
const LOSSY_DIGITS = 15;

/**
 * An ID number as text: NFKC, every space removed, a final x upper-cased. A leading apostrophe
 * (Excel's "this is text" mark, kept by some exports) and the ="…" wrapper are dropped.
 * Refuses 'id_as_number' when the sheet stored a number of 15 or more digits, or the text is
 * in scientific notation: the last digits are gone and no check digit can bring them back.
 * The check digit itself is checkIdNumber's job (src/common/id-numbers.ts).
 */
export function idNumberText(cell: Cell | string): Normalised<string> {
  const c = asCell(cell);
  if (c.number !== undefined && Math.abs(Math.trunc(c.number)).toFixed(0).length >= LOSSY_DIGITS) {
    return refuse('id_as_number');
  }
  let text = c.text.normalize('NFKC').replace(/\s+/gu, '');
  text = text.replace(EXCEL_TEXT_FORMULA, '$1').replace(/^'/, '');
  if (text === '') return refuse('empty');
  if (SCIENTIFIC.test(text)) return refuse('id_as_number');
  return ok(text.replace(/x$/, 'X'));
}

/** Separators of a list cell: commas, 、 and semicolons (full-width ones become these under NFKC), and line breaks. */
const LIST_SEPARATOR = /[,、;\n\r]+/;

/**
 * A list cell ("助老，助残、 环保") as distinct items in first-seen order. Spaces do not
 * separate (an item may hold one, "First aid") and neither does '/', which names like
 * "文化/文艺" use; 'empty' when no item is left.
 */
export function listValue(cell: Cell | string): Normalised<string[]> {
  const items = asCell(cell)
    .text.normalize('NFKC')
    .split(LIST_SEPARATOR)
    .map(cleanString)
    .filter((s) => s !== '');
  return items.length === 0 ? refuse('empty') : ok([...new Set(items)]);
}
