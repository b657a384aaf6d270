import { randomUUID } from 'node:crypto';
import type { StoredFile } from '../../../common/contract/files.js';
import { notFound, refusal, ruleBroken } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../ids.js';
import type { Actor } from '../../platform/access/policy.js';
import { fileOwner, prepareImage, publicFile, type FileStorage } from '../../platform/files/index.js';
import * as repo from './files.repository.js';

export interface FilesCtx {
  db: Db;
  files: FileStorage;
}

/** The most files one thing may gather (uploaded, whether or not attached in the end). */
export const MAX_FILES_PER_OWNER = 30;

/** Where a file and its thumbnail are served: behind the API, which asks the owner's module first. */
export const fileUrls = (id: string) => ({ url: `/api/v1/files/${id}`, thumbnailUrl: `/api/v1/files/${id}/thumbnail` });

/**
 * Keeps an uploaded photo for `owner`: re-encoded without its metadata (EXIF, GPS), with a
 * thumbnail. The bytes are stored first and the row written last; if the row cannot be written,
 * the bytes are removed again, so a refused upload leaves nothing behind.
 */
export async function storePhoto(
  ctx: FilesCtx,
  actor: Actor,
  owner: { kind: string; id: string },
  bytes: Buffer,
): Promise<StoredFile> {
  if ((await repo.countFilesOfOwner(ctx.db, owner.kind, owner.id)) >= MAX_FILES_PER_OWNER) {
    throw refusal('CONFLICT', 'too_many_files', `At most ${MAX_FILES_PER_OWNER} files can be uploaded here`, {
      max: MAX_FILES_PER_OWNER,
    });
  }
  const image = await prepareImage(bytes);
  const id = randomUUID();
  const key = `${owner.kind}/${id}`;
  const thumbKey = `${key}.thumb`;
  try {
    await ctx.files.put(key, image.body, image.contentType);
    await ctx.files.put(thumbKey, image.thumbnail, image.contentType);
    await repo.insertFile(ctx.db, {
      id,
      owner_kind: owner.kind,
      owner_id: owner.id,
      content_type: image.contentType,
      size: image.body.length,
      width: image.width,
      height: image.height,
      storage_key: key,
      thumbnail_key: thumbKey,
      created_by: actor.userId,
      created_at: nowIso(),
    });
  } catch (err) {
    await Promise.allSettled([ctx.files.delete(key), ctx.files.delete(thumbKey)]);
    throw err;
  }
  return {
    id,
    contentType: image.contentType,
    size: image.body.length,
    width: image.width,
    height: image.height,
    ...fileUrls(id),
  };
}

/** Which of `ids` are files of this owner uploaded by the actor: the only ones they may attach. */
export async function ownFilesOf(db: Db, actor: Actor, owner: { kind: string; id: string }, ids: readonly string[]) {
  const rows = await repo.filesOfOwner(db, owner.kind, owner.id, ids);
  return new Set(rows.filter((r) => r.created_by === actor.userId).map((r) => r.id));
}

/**
 * The photo ids to attach to something of `owner`, each one the actor uploaded for it (422
 * `photo_unknown` otherwise, `what` naming the owner); the JSON list to keep, without repeats.
 */
export async function attachablePhotoIds(
  db: Db,
  actor: Actor,
  owner: { kind: string; id: string },
  ids: readonly string[],
  what: string,
): Promise<string> {
  const unique = [...new Set(ids)];
  const own = await ownFilesOf(db, actor, owner, unique);
  const missing = unique.filter((p) => !own.has(p));
  if (missing.length > 0) {
    throw ruleBroken('photoIds', 'photo_unknown', `attach only photos you uploaded for this ${what}`, {
      count: missing.length,
    });
  }
  return JSON.stringify(unique);
}

/**
 * The file (or its thumbnail) for someone its owner's module lets see it — anyone at all when
 * the module says it is public now (a published story's photo); 404 for anyone else.
 */
export async function openFile(ctx: FilesCtx, actor: Actor | null, id: string, thumbnail: boolean) {
  const f = await repo.fileById(ctx.db, id);
  const owned = f && { id: f.id, ownerId: f.owner_id, createdBy: f.created_by };
  if (
    !f ||
    !owned ||
    !(
      (await publicFile(f.owner_kind)(ctx.db, owned)) ||
      (actor !== null && (await fileOwner(f.owner_kind)(ctx.db, actor, owned)))
    )
  ) {
    throw notFound('File');
  }
  const stream = await ctx.files.get(thumbnail ? (f.thumbnail_key ?? f.storage_key) : f.storage_key);
  if (!stream) throw notFound('File');
  return { stream, contentType: f.content_type };
}

/**
 * Attaches photos uploaded before their thing existed (held by `from`, e.g. the uploader) to it
 * (`to`), inside the caller's transaction: each must be the actor's and still held by `from`
 * (422 `photo_unknown` otherwise, also when another request took it meanwhile). The JSON list
 * to keep, without repeats.
 */
export async function claimPhotos(
  db: Db,
  actor: Actor,
  from: { kind: string; id: string },
  to: { kind: string; id: string },
  ids: readonly string[],
  what: string,
): Promise<string> {
  const json = await attachablePhotoIds(db, actor, from, ids, what);
  const unique = JSON.parse(json) as string[];
  if ((await repo.moveFiles(db, from, to, unique)) !== unique.length) {
    throw ruleBroken('photoIds', 'photo_unknown', `attach only photos you uploaded for this ${what}`, {
      count: unique.length,
    });
  }
  return json;
}
