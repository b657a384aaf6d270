/**
 * Guesses how a CSV file is written from its first bytes: Chinese offices save CSV from Excel
 * as UTF-8 with a BOM, as plain UTF-8, or (older Excel, WPS) in the local GBK/GB18030 code
 * page, and nobody can tell us which.
 */
import iconv from 'iconv-lite';

/** How much of the file is looked at before deciding. */
export const SNIFF_BYTES = 64 * 1024;

export type CsvEncoding = 'utf8' | 'gb18030';
export type CsvDelimiter = ',' | ';' | '\t';

const BOM = [0xef, 0xbb, 0xbf] as const;

export function hasUtf8Bom(head: Uint8Array): boolean {
  return head.length >= 3 && head[0] === BOM[0] && head[1] === BOM[1] && head[2] === BOM[2];
}

/**
 * UTF-8 when the file starts with a BOM or its first bytes decode as UTF-8 without error;
 * GB18030 otherwise (it is a superset of GBK and GB2312, so it reads all three). `complete`
 * says the head is the whole file: if not, a character cut at the end of the head is allowed.
 */
export function detectEncoding(head: Uint8Array, complete: boolean): CsvEncoding {
  if (hasUtf8Bom(head)) return 'utf8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
    return 'utf8';
  } catch {
    return 'gb18030';
  }
}

/** Decodes the head for a look at its first line (never used for the rows themselves). */
export function decodeHead(head: Uint8Array, encoding: CsvEncoding): string {
  return iconv.decode(Buffer.from(head.buffer, head.byteOffset, head.byteLength), encoding);
}

/**
 * The delimiter the first record uses most, counting only outside double quotes: ',' unless
 * ';' (European Excel) or a tab (copied from a sheet) is more frequent. The first record is
 * the title or header row, and neither normally holds a delimiter of another kind.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  let best: CsvDelimiter = ',';
  for (const d of [';', '\t'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}
