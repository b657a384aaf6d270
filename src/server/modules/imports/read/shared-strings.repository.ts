import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';

/** Shared strings kept in memory before they move to disk. */
const IN_MEMORY = 100_000;
/** Strings written to disk per transaction. */
const BATCH = 10_000;

/**
 * An .xlsx file's shared-string table, read once and looked up by index for every text cell.
 * Excel stores each distinct text once there, so a register of a million people holds three
 * million of them (names, ID numbers, phones): a few hundred megabytes as JavaScript strings,
 * beyond the import thread's heap. The first 100,000 stay in memory; past that the whole table
 * moves to a scratch SQLite file in the system's temporary folder (no journal, no sync, an
 * 8 MB page cache) and is read from there, a B-tree look-up by row id per cell. The file is
 * removed by `close()`.
 */
export class SharedStrings {
  #memory: string[] = [];
  #disk: { db: SQLite.Database; dir: string; get: SQLite.Statement<[number], string | undefined> } | null = null;
  #pending: [number, string][] = [];
  #count = 0;

  /** `inMemory`: how many strings stay in memory before the table moves to disk. */
  constructor(private readonly inMemory = IN_MEMORY) {}

  add(text: string): void {
    const index = this.#count++;
    if (!this.#disk && this.#memory.length < this.inMemory) {
      this.#memory.push(text);
      return;
    }
    if (!this.#disk) this.#spill();
    this.#pending.push([index, text]);
    if (this.#pending.length >= BATCH) this.#write();
  }

  /** The text at `index`, or undefined past the end of the table. */
  get(index: number): string | undefined {
    if (!this.#disk) return this.#memory[index];
    if (this.#pending.length) this.#write();
    return this.#disk.get.get(index);
  }

  get size(): number {
    return this.#count;
  }

  /** The scratch file, once the table has moved to disk. */
  get file(): string | null {
    return this.#disk ? join(this.#disk.dir, 'shared-strings.db') : null;
  }

  close(): void {
    if (!this.#disk) return;
    this.#disk.db.close();
    rmSync(this.#disk.dir, { recursive: true, force: true });
    this.#disk = null;
  }

  #spill(): void {
    const dir = mkdtempSync(join(tmpdir(), 'shanmei-xlsx-'));
    const db = new SQLite(join(dir, 'shared-strings.db'));
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -8000');
    db.exec('create table s (i integer primary key, t text not null)');
    const get = db.prepare<[number], string | undefined>('select t from s where i = ?').pluck();
    this.#disk = { db, dir, get: get as SQLite.Statement<[number], string | undefined> };
    this.#pending = this.#memory.map((t, i) => [i, t]);
    this.#memory = [];
    this.#write();
  }

  #write(): void {
    const disk = this.#disk;
    if (!disk) return;
    const insert = disk.db.prepare('insert into s (i, t) values (?, ?)');
    const rows = this.#pending;
    this.#pending = [];
    disk.db.transaction(() => {
      for (const [i, t] of rows) insert.run(i, t);
    })();
  }
}
