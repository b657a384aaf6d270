/**
 * Helpers shared by the reader tests: a scratch directory that is always removed, and ways to
 * turn bytes and row streams into what the assertions compare.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { SheetRow } from './sheet-row.js';

/** Runs `fn` with a fresh directory under the OS temp dir and removes it afterwards, pass or fail. */
export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'shanmei-import-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Bytes as a stream in chunks of `size`, so readers meet the boundaries a socket would give them. */
export function chunked(bytes: Uint8Array, size = 64 * 1024): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(Buffer.from(bytes.subarray(i, i + size)));
  return Readable.from(parts);
}

/** Every row of a stream, in order. */
export async function collect(rows: AsyncIterable<SheetRow>): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

/** Rows as plain text arrays: most tests only care about what the cells say. */
export const texts = (rows: readonly SheetRow[]): [number, string[]][] =>
  rows.map((r) => [r.row, r.cells.map((c) => c.text)]);

/** The error a promise rejects with, or fails the test when it resolves. */
export async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the promise to reject');
}
