// Photos of reports. Uploaded before the report (or the answer) exists, they are held for their
// uploader (kind report_upload); attaching them to a report hands them to it (kind report_photo),
// and whoever sees the report sees them. Never-attached uploads are swept after a grace.
import type { StoredFile } from '../../../common/contract/files.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access/policy.js';
import type { FileOwnerCheck, FileStorage, FileSweeper } from '../../platform/files/index.js';
import { claimPhotos, storePhoto } from '../files/index.js';
import * as repo from './reports.repository.js';
import { sightOf } from './reports.view.js';

/** A photo uploaded for a report not yet sent (owned by the uploader's account). */
export const REPORT_UPLOAD = 'report_upload';
/** A photo of a report, the reporter's or an answer's (owned by the report). */
export const REPORT_PHOTO = 'report_photo';

/** Only the uploader sees a photo not yet attached. */
export const reportUploadOwner: FileOwnerCheck = (_db, actor, file) =>
  Promise.resolve(file.createdBy === actor.userId && file.ownerId === actor.userId);

/** Whoever sees the report sees its photos (404 for anyone else, as for a file that does not exist). */
export const reportPhotoOwner: FileOwnerCheck = async (db, actor, file) => {
  const r = await repo.reportById(db, file.ownerId);
  return !!r && (await sightOf(db, actor, r)) !== null;
};

/** Anyone signed in uploads a photo (kept without its metadata) to attach to a report or an answer. */
export async function uploadReportPhoto(
  ctx: { db: Db; files: FileStorage },
  actor: Actor,
  bytes: Buffer,
): Promise<StoredFile> {
  return storePhoto(ctx, actor, { kind: REPORT_UPLOAD, id: actor.userId }, bytes);
}

/** Hands the actor's uploads to the report, in the caller's transaction; the JSON list to keep. */
export async function attachPhotos(db: Db, actor: Actor, reportId: string, ids: readonly string[]): Promise<string> {
  if (ids.length === 0) return '[]';
  return claimPhotos(
    db,
    actor,
    { kind: REPORT_UPLOAD, id: actor.userId },
    { kind: REPORT_PHOTO, id: reportId },
    ids,
    'report',
  );
}

/** How long a photo uploaded and never attached is kept: the form it was picked in is long gone. */
export const UNATTACHED_GRACE_MS = 48 * 3_600_000;

/** Which uploads the files module may delete: never attached, uploaded over the grace ago. */
export const reportUploadSweeper: FileSweeper = (db, now, limit) =>
  repo.uploadsBefore(db, REPORT_UPLOAD, new Date(Date.parse(now) - UNATTACHED_GRACE_MS).toISOString(), limit);

/**
 * A closing account's photos, in its transaction: those on the person's own reports (taken off
 * them, with the position they gave) and their uploads never attached. Photos an organisation
 * attached to its answer stay: they are its record. Returns the files' ids.
 */
export async function photosOfClosingReporter(db: Db, userId: string, at: string): Promise<string[]> {
  const ids = await repo.photosOfReporter(db, userId, REPORT_UPLOAD);
  await repo.eraseReporterData(db, userId, at);
  return ids;
}
