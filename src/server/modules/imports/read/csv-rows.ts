/**
 * Reads a CSV file as rows: detects its encoding and delimiter from the first 64 KiB, then
 * streams the rest through a decoder and csv-parse, so memory stays bounded whatever the size.
 *
 * Row numbers count records, not lines: a quoted field holding a line break belongs to one
 * record, which is one row — the number Excel shows when it opens the same file. Blank lines
 * are records too (Excel shows them as empty rows), so they are counted and then skipped.
 */
import { Readable, pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { SNIFF_BYTES, decodeHead, detectDelimiter, detectEncoding } from './csv-encoding.js';
import { type Cell, ImportFileError, MAX_COLUMNS, type SheetRow, isBlankRow, trimTrailingBlanks } from './sheet-row.js';
import { readHead, replay } from './stream-head.js';

/** A record longer than this (in characters) means an unclosed quote swallowing the file: refuse it early. */
const MAX_RECORD_CHARS = 1_000_000;

/**
 * Yields the non-blank records of a CSV file as text cells (CSV has no types: no `number`,
 * no `date`). Throws ImportFileError: 'unreadable' when the parser gives up (an unclosed
 * quote, a record over 1,000,000 characters), 'empty' when no row has any text,
 * 'too_many_columns' past MAX_COLUMNS. The input is destroyed when the generator ends.
 */
export async function* readCsvRows(input: Readable): AsyncGenerator<SheetRow> {
  let yielded = 0;
  try {
    const start = await readHead(input, SNIFF_BYTES);
    const encoding = detectEncoding(start.head, start.complete);
    const delimiter = detectDelimiter(decodeHead(start.head, encoding));
    const parser = parse({
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      max_record_size: MAX_RECORD_CHARS,
    });
    // iconv's decoder drops a leading BOM; pipeline hands any error on to the parser we read from.
    const records = pipeline(Readable.from(replay(start)), iconv.decodeStream(encoding), parser, () => {});
    let row = 0;
    for await (const record of records as AsyncIterable<string[]>) {
      row++;
      const cells = trimTrailingBlanks(record.map((text): Cell => ({ text })));
      if (cells.length > MAX_COLUMNS) throw new ImportFileError('too_many_columns');
      if (isBlankRow(cells)) continue;
      yielded++;
      yield { row, cells };
    }
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    throw new ImportFileError('unreadable', { cause: e });
  } finally {
    input.destroy();
  }
  if (yielded === 0) throw new ImportFileError('empty');
}
