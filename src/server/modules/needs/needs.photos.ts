import type { StoredFile } from '../../../common/contract/files.js';
import { forbidden, ruleBroken } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access/policy.js';
import type { FileOwnerCheck, FileStorage, FileSweeper } from '../../platform/files/index.js';
import { fileUrls, ownFilesOf, storePhoto } from '../files/index.js';
import * as photosRepo from './needs.photos.repository.js';
import * as repo from './needs.repository.js';
import { loadFor, sightOf, type Ctx } from './needs.view.js';
import { wrongStatus } from './needs.service.js';

/** The kind of file a need's photos are. */
export const NEED_PHOTO = 'need_photo';

export const photoIdsOf = (n: { photo_ids: string }): string[] => JSON.parse(n.photo_ids) as string[];

export const photosOf = (n: { photo_ids: string }) => photoIdsOf(n).map((id) => ({ id, ...fileUrls(id) }));

/**
 * Who sees a need's photo: whoever sees the need once the photo is attached to it; before that,
 * only the taker who uploaded it (a photo picked and then dropped stays theirs).
 */
export const needPhotoOwner: FileOwnerCheck = async (db, actor, file) => {
  const n = await repo.needById(db, file.ownerId);
  if (!n || !(await sightOf(db, actor, n))) return false;
  return photoIdsOf(n).includes(file.id) || file.createdBy === actor.userId;
};

/** Refuses an upload before its bytes are read: only the taker, only while the need is taken. */
export async function checkPhotoUpload(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const { n, s } = await loadFor(ctx, actor, id);
  if (!s.taker) throw forbidden('Only the volunteer who took the need can add photos');
  if (n.status !== 'taken') throw wrongStatus(n.status);
}

/**
 * The taker uploads one photo for the completion report (kept without its metadata); checked
 * again now that the bytes have arrived, in case the need moved on meanwhile.
 */
export async function uploadNeedPhoto(
  ctx: Ctx & { files: FileStorage },
  actor: Actor,
  id: string,
  bytes: Buffer,
): Promise<StoredFile> {
  await checkPhotoUpload(ctx, actor, id);
  return storePhoto(ctx, actor, { kind: NEED_PHOTO, id }, bytes);
}

/** The photo ids to attach, each one the taker uploaded for this need; the JSON to keep. */
export async function checkedPhotoIds(db: Db, actor: Actor, needId: string, ids: readonly string[]): Promise<string> {
  const unique = [...new Set(ids)];
  const own = await ownFilesOf(db, actor, { kind: NEED_PHOTO, id: needId }, unique);
  const missing = unique.filter((p) => !own.has(p));
  if (missing.length > 0) {
    throw ruleBroken('photoIds', 'photo_unknown', 'attach only photos you uploaded for this need', {
      count: missing.length,
    });
  }
  return JSON.stringify(unique);
}

/** How long a photo uploaded and not attached is kept once its need is no longer taken. */
export const UNATTACHED_GRACE_MS = 48 * 3_600_000;
/** How long one is kept at most, even while the need is still taken. */
export const UNATTACHED_MAX_AGE_MS = 30 * 24 * 3_600_000;

const before = (now: string, ms: number) => new Date(Date.parse(now) - ms).toISOString();

/**
 * Which need photos the files module may delete: picked and then dropped, or uploaded for a
 * need that was completed without them, cancelled or handed to someone else.
 */
export const needPhotoSweeper: FileSweeper = (db, now, limit) =>
  photosRepo.unattachedPhotos(
    db,
    NEED_PHOTO,
    before(now, UNATTACHED_GRACE_MS),
    before(now, UNATTACHED_MAX_AGE_MS),
    limit,
  );

/**
 * A closing account's photos, in its transaction: every photo on the resident's own needs (taken
 * off them) and those they uploaded as a taker and never attached. Photos they attached to
 * another resident's need stay: they are that resident's record. Returns the files' ids.
 */
export async function photosOfClosingAccount(db: Db, userId: string): Promise<string[]> {
  const ids = await photosRepo.photosOfPerson(db, NEED_PHOTO, userId);
  await photosRepo.detachPhotosOfResident(db, userId);
  return ids;
}
