// Photos of stories: uploaded by the story's writers, then placed in the body or made the cover.
// Public once the approved story uses them; before, its writers and reviewers see them.
import type { StoredFile } from '../../../common/contract/files.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access/policy.js';
import type { FileOwnerCheck, FileStorage, FileSweeper, PublicFileCheck } from '../../platform/files/index.js';
import { storePhoto } from '../files/index.js';
import * as repo from './stories.repository.js';
import { checkStoryPhotoUpload, storyPhotoIsPublic, storyPhotoVisible } from './stories.service.js';
import { STORY_PHOTO } from './stories.view.js';

export { STORY_PHOTO };

export const storyPhotoOwner: FileOwnerCheck = (db, actor, file) => storyPhotoVisible(db, actor, file);
export const storyPhotoPublic: PublicFileCheck = (db, file) => storyPhotoIsPublic(db, file);

export async function uploadStoryPhoto(
  ctx: { db: Db; files: FileStorage },
  actor: Actor,
  storyId: string,
  bytes: Buffer,
): Promise<StoredFile> {
  await checkStoryPhotoUpload(ctx.db, actor, storyId);
  return storePhoto(ctx, actor, { kind: STORY_PHOTO, id: storyId }, bytes);
}

/** How long a photo uploaded and never used is kept: the editor it was picked in is long closed. */
export const UNUSED_GRACE_MS = 48 * 3_600_000;

export const storyPhotoSweeper: FileSweeper = (db, now, limit) =>
  repo.unusedStoryPhotos(db, STORY_PHOTO, new Date(Date.parse(now) - UNUSED_GRACE_MS).toISOString(), limit);
