// Photos on plans: evidence on progress updates, receipts on spending entries. Uploaded first by
// a plan editor (the plan owns them), then attached by id with the update or the entry.
import type { StoredFile } from '../../../common/contract/files.js';
import { ruleBroken } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import { hasRole, type Actor } from '../../platform/access/policy.js';
import type { FileOwnerCheck, FileStorage, FileSweeper } from '../../platform/files/index.js';
import { attachablePhotoIds, storePhoto } from '../files/index.js';
import * as repo from './plans.repository.js';
import { loadFor, PLAN_READERS, readOnly, sightOf } from './plans.view.js';

/** The kind of file a plan's photos are. */
export const PLAN_PHOTO = 'plan_photo';

/**
 * Who sees a plan's photo: whoever sees the part of the plan it is on. Editors see every photo
 * of the plan (attached or not); a region admin only evidence on a progress update of one of
 * their region's tasks, never a receipt (they see no funding).
 */
export const planPhotoOwner: FileOwnerCheck = async (db, actor, file) => {
  if (!hasRole(actor, ...PLAN_READERS)) return false;
  const plan = await repo.planById(db, file.ownerId);
  const sight = plan ? await sightOf(db, actor, plan) : null;
  if (!plan || !sight) return false;
  if (sight.kind === 'edit') return true;
  const tasks = await repo.tasksShowingPhoto(db, plan.id, file.id);
  if (tasks.length === 0) return false;
  const mine = await repo.tasksOfPlans(db, [plan.id], sight.scopes);
  return mine.some((t) => tasks.includes(t.id));
};

/** Refuses an upload before its bytes are read: only the plan's editors (404 / 403 otherwise). */
export async function checkPlanPhotoUpload(db: Db, actor: Actor, planId: string): Promise<void> {
  const { sight } = await loadFor(db, actor, planId);
  if (sight.kind !== 'edit') throw readOnly();
}

/** An editor uploads a photo (kept without its metadata), to attach to an update or an entry. */
export async function uploadPlanPhoto(
  ctx: { db: Db; files: FileStorage },
  actor: Actor,
  planId: string,
  bytes: Buffer,
): Promise<StoredFile> {
  await checkPlanPhotoUpload(ctx.db, actor, planId);
  return storePhoto(ctx, actor, { kind: PLAN_PHOTO, id: planId }, bytes);
}

/**
 * The JSON list to keep: photos the actor uploaded for this plan and not yet on an update or an
 * entry (422 `photo_unknown` otherwise): a receipt attached again as evidence would show it to
 * region admins.
 */
export async function checkedPlanPhotoIds(
  db: Db,
  actor: Actor,
  planId: string,
  ids: readonly string[] = [],
  /** Photos the entry being corrected shows already: kept without the checks, whoever uploaded them. */
  kept: readonly string[] = [],
) {
  const fresh = ids.filter((id) => !kept.includes(id));
  await attachablePhotoIds(db, actor, { kind: PLAN_PHOTO, id: planId }, fresh, 'plan');
  for (const id of new Set(fresh)) {
    if ((await repo.tasksShowingPhoto(db, planId, id)).length > 0 || (await repo.spendingShowsPhoto(db, planId, id)))
      throw ruleBroken('photoIds', 'photo_unknown', 'attach a photo to one progress update or spending entry only');
  }
  return JSON.stringify([...new Set(ids)]);
}

/** How long a photo uploaded and never attached is kept: the form it was picked in is long gone. */
export const UNATTACHED_GRACE_MS = 48 * 3_600_000;

/** Which plan photos the files module may delete: uploaded over the grace ago and on no update or entry. */
export const planPhotoSweeper: FileSweeper = (db, now, limit) =>
  repo.unattachedPlanPhotos(db, PLAN_PHOTO, new Date(Date.parse(now) - UNATTACHED_GRACE_MS).toISOString(), limit);
