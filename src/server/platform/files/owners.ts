import type { Db } from '../../db/database.js';
import type { Actor } from '../access/policy.js';

/** What a module is told of a file when asked whether someone may see it. */
export interface OwnedFile {
  id: string;
  ownerId: string;
  createdBy: string;
}

/**
 * Whether the actor may see a file of the module's kind, attached to `ownerId` (a need, a
 * report…). The module that owns the thing answers: the files route knows nothing of needs.
 */
export type FileOwnerCheck = (db: Db, actor: Actor, file: OwnedFile) => Promise<boolean>;

const owners = new Map<string, FileOwnerCheck>();

/** A module declares its kind of file at start-up (app.ts); a kind nobody declared is seen by nobody. */
export function registerFileOwner(kind: string, canSee: FileOwnerCheck): void {
  owners.set(kind, canSee);
}

/** The check for a kind of file, or one that refuses everyone. */
export function fileOwner(kind: string): FileOwnerCheck {
  return owners.get(kind) ?? (() => Promise.resolve(false));
}

/** Whether a file of the module's kind is public now (a published story's photo): seen without logging in. */
export type PublicFileCheck = (db: Db, file: OwnedFile) => Promise<boolean>;

const publicChecks = new Map<string, PublicFileCheck>();

/** A module whose files may become public declares how to tell, at start-up (app.ts). */
export function registerPublicFiles(kind: string, isPublic: PublicFileCheck): void {
  publicChecks.set(kind, isPublic);
}

/** The public check for a kind of file: for most kinds, none is ever public. */
export function publicFile(kind: string): PublicFileCheck {
  return publicChecks.get(kind) ?? (() => Promise.resolve(false));
}

/**
 * Which files of a module's kind are no longer wanted as of `now` (ISO-8601): uploaded but never
 * attached, past the module's grace. At most `limit` ids, oldest first. The module that owns the
 * thing answers; the files module deletes what it is told, and knows nothing of needs.
 */
export type FileSweeper = (db: Db, now: string, limit: number) => Promise<string[]>;

const sweepers = new Map<string, FileSweeper>();

/** A module declares, at start-up (app.ts), how to find its kind's unwanted files. */
export function registerFileSweeper(kind: string, findOrphans: FileSweeper): void {
  sweepers.set(kind, findOrphans);
}

/** Every declared sweeper, by kind. */
export function fileSweepers(): [string, FileSweeper][] {
  return [...sweepers];
}
