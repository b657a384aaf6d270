/**
 * What every kind's row handler shares: the row and problem shapes, cell reading with a list
 * of problems named by column, the importer's regions, service fields and vocabularies looked
 * up by their Chinese names or codes, and a service refusal turned into a row's problem.
 */
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { DEFAULT_FIELDS } from '../../../common/enums.js';
import { AppError } from '../../../common/errors.js';
import { LIMITS } from '../../../common/limits.js';
import type { Db } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { Policy, type Actor } from '../../platform/access/policy.js';
import { underSavepoint } from '../../platform/db.js';
import { RowsByHash } from './imports.first-rows.js';
import type { RegionLookup } from './imports.regions.js';
import type { ImportReason } from './imports.words.js';
import { serviceFields } from './imports.repository.js';
import { cleanText, listValue } from './read/normalise.js';
import type { Cell } from './read/rows.js';

/** A data row, its cells by field key. */
export interface MappedRow {
  row: number;
  cell(key: string): Cell | undefined;
}

/** One problem of a row: the field's column, why, and what the sentence needs. */
export interface RowProblem {
  key: string;
  reason: ImportReason;
  params?: Record<string, string | number>;
}

/**
 * Accepts or refuses one row inside the batch's transaction; [] when it was written — or, for a
 * handler with `flush`, queued: `flush` then writes the batch's queued rows at once and answers
 * the problems of those refused at writing, by file row.
 */
export type RowHandler = ((trx: Transaction<DB>, row: MappedRow) => Promise<RowProblem[]>) & {
  flush?: (trx: Transaction<DB>) => Promise<Map<number, RowProblem[]>>;
};

/** A cell's text, cleaned (NFKC, spaces collapsed); '' for a blank or missing cell. */
export const cellText = (c: Cell | undefined): string => {
  const r = cleanText(c ?? '');
  return r.ok ? r.value : '';
};

/** Reads a row's cells, collecting a problem per bad cell. */
export class RowReader {
  readonly problems: RowProblem[] = [];

  constructor(readonly row: MappedRow) {}

  refuse(key: string, reason: ImportReason, params?: Record<string, string | number>): void {
    this.problems.push(params ? { key, reason, params } : { key, reason });
  }

  /** The cell's text, or '' (and a problem) when a required cell is blank or too long. */
  text(key: string, o: { required: boolean; max: number }): string {
    const v = cellText(this.row.cell(key));
    if (!v && o.required) this.refuse(key, 'required');
    if (v.length > o.max) {
      this.refuse(key, 'too_long', { max: o.max });
      return '';
    }
    return v;
  }

  /** A required cell of a closed vocabulary: its code, or null (and a problem: blank, or `reason`). */
  choice<T extends string>(key: string, of: (text: string) => T | null, reason: ImportReason): T | null {
    const text = this.text(key, { required: true, max: LIMITS.tagMax });
    const code = text ? of(text) : null;
    if (text && !code) this.refuse(key, reason);
    return code;
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }
}

/**
 * The row's region (column `region`) by code or name, kept to the importer's regions: its code,
 * or '' with the problem noted (a required column left blank, no such region, out of scope).
 */
export async function rowRegion(
  trx: Transaction<DB>,
  r: RowReader,
  resolve: (text: string) => RegionLookup,
  inScope: (trx: Transaction<DB>, code: string) => Promise<boolean>,
): Promise<string> {
  const text = r.text('region', { required: true, max: LIMITS.addressMax });
  if (!text) return '';
  const found = resolve(text);
  if (!found.ok) r.refuse('region', found.reason);
  else if (!(await inScope(trx, found.code))) r.refuse('region', 'region_out_of_scope');
  else return found.code;
  return '';
}

/** Whether the importer administers a region, asked once per region per import. */
export function regionScope(actor: Actor): (trx: Transaction<DB>, code: string) => Promise<boolean> {
  const known = new Map<string, boolean>();
  return async (trx, code) => {
    let allowed = known.get(code);
    if (allowed === undefined) {
      allowed = await new Policy(trx).adminsRegion(actor, code);
      known.set(code, allowed);
    }
    return allowed;
  };
}

/** How a name is compared: NFKC, lower case, no spaces and no brackets ("村社实践站（点）" = "村社实践站点"). */
export const nameKey = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s()（）]+/gu, '');

/** A closed vocabulary read by its codes and its names: `names` maps each code to what files call it. */
export function vocabulary<T extends string>(names: Record<T, readonly string[]>): (text: string) => T | null {
  const byName = new Map<string, T>();
  for (const code of Object.keys(names) as T[]) {
    for (const n of [code, ...names[code]]) byName.set(nameKey(n), code);
  }
  return (text) => byName.get(nameKey(text)) ?? null;
}

/** Service fields by code, Chinese or English name (the table's, and the defaults). */
export async function fieldResolver(db: Db): Promise<(row: RowReader) => string[]> {
  const fieldOf = new Map<string, string>();
  const rows = await serviceFields(db);
  for (const f of [...DEFAULT_FIELDS.map((d) => ({ code: d.code, name_zh: d.zh, name_en: d.en })), ...rows]) {
    for (const name of [f.code, f.name_zh, f.name_en]) fieldOf.set(nameKey(name), f.code);
  }
  return (row) => {
    const fields: string[] = [];
    const list = listValue(row.row.cell('fields') ?? '');
    for (const f of list.ok ? list.value : []) {
      const code = fieldOf.get(nameKey(f));
      if (code) fields.push(code);
      else row.refuse('fields', 'unknown_field', { value: f.slice(0, LIMITS.tagMax) });
    }
    return [...new Set(fields)];
  };
}

/**
 * Writes a row under a savepoint of the batch's transaction, so that a refusal the service
 * raises (a rule re-checked there, a race with another writer) undoes this row alone and
 * becomes its problem: by the refusal's reason when `reasons` names a column for it, else
 * with the service's sentence.
 */
export async function writeRow(
  trx: Transaction<DB>,
  write: () => Promise<unknown>,
  reasons: Partial<Record<string, RowProblem>> = {},
): Promise<RowProblem[]> {
  try {
    await underSavepoint(trx, write);
    return [];
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const reason = (err.details as { reason?: string } | undefined)?.reason;
    const known = reason ? reasons[reason] : undefined;
    return [known ?? { key: '', reason: 'other', params: { message: err.message } }];
  }
}

/**
 * The first row that wrote each key (a name under a parent, a volunteer's day…), kept as a
 * 32-bit hash in 8 to 16 bytes a row outside the JavaScript heap (RowsByHash). A hit never
 * refuses a row by itself: the database, which holds what the earlier rows wrote, says whether
 * there is a duplicate; the hit only names the row it came from.
 */
export class FirstRows {
  private readonly rows = new RowsByHash();

  private static hash(key: string): number {
    return createHash('sha256').update(key).digest().readUInt32BE(0);
  }

  mark(key: string, row: number): void {
    this.rows.mark(FirstRows.hash(key), row);
  }

  of(key: string): number | undefined {
    return this.rows.get(FirstRows.hash(key));
  }

  /**
   * The problem of a row whose key the database already holds: a duplicate of an earlier row
   * of this file when one wrote it, else `exists` (it was there before the import).
   */
  duplicate(key: string, column: string, exists: ImportReason): RowProblem[] {
    const first = this.of(key);
    return [
      first === undefined
        ? { key: column, reason: exists }
        : { key: column, reason: 'duplicate_row', params: { row: first } },
    ];
  }
}

/** A look-up by name: one match, none, or more than one that nothing told apart. */
export type Found<T> = { ok: true; value: T } | { ok: false; reason: 'none' | 'several' };

/**
 * Narrows `candidates` by each preference in turn (a preference that would leave none is
 * skipped), then answers the one left, or why there is not exactly one.
 */
export async function choose<T>(
  candidates: readonly T[],
  ...prefer: ((c: T) => boolean | Promise<boolean>)[]
): Promise<Found<T>> {
  let left = [...candidates];
  for (const p of prefer) {
    if (left.length <= 1) break;
    const kept: T[] = [];
    for (const c of left) if (await p(c)) kept.push(c);
    if (kept.length > 0) left = kept;
  }
  const [one] = left;
  if (one === undefined) return { ok: false, reason: 'none' };
  return left.length === 1 ? { ok: true, value: one } : { ok: false, reason: 'several' };
}
