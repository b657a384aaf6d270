import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where uploaded files live: one interface, a folder on local disk by default or an S3-compatible
 * bucket (SHANMEI_FILES). Keys are the platform's own (`<kind>/<random id>`), never a name an
 * uploader chose. Nothing here decides who may read a file: modules/files does.
 */
export interface FileStorage {
  /** Stores the bytes under the key, whole or not at all. */
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The file's bytes as a stream, or null when there is no such file. */
  get(key: string): Promise<Readable | null>;
  /** Removes the file; removing one that is not there is no error. */
  delete(key: string): Promise<void>;
}

/** Keys are `[a-z0-9_-]` segments joined by `/`, so no key can climb out of the folder or bucket. */
export function checkedKey(key: string): string {
  if (!/^[a-z0-9_-]+(\/[a-zA-Z0-9_.-]+)*$/.test(key) || key.includes('..')) throw new Error(`bad file key "${key}"`);
  return key;
}

/** A folder on disk: each file written to a temporary name, then renamed, so a reader never sees half of one. */
export function localStorage(root: string): FileStorage {
  const pathOf = (key: string) => {
    const p = resolve(root, checkedKey(key));
    if (!p.startsWith(resolve(root) + sep)) throw new Error(`bad file key "${key}"`);
    return p;
  };
  return {
    async put(key, body) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      const tmp = `${path}.${process.pid}.part`;
      try {
        await writeFile(tmp, body, { mode: 0o600 });
        await rename(tmp, path);
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
    },
    async get(key) {
      const path = pathOf(key);
      try {
        if (!(await stat(path)).isFile()) return null;
      } catch {
        return null;
      }
      return createReadStream(path);
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
