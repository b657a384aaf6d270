/**
 * An honour's certificate image (证书图片): one at a time, uploaded by whoever may record or delete
 * the honour; another upload replaces it. Served behind GET /files/:id to whoever may list the
 * honour (a project's or organisation's: anyone signed in; a volunteer's: the person and admins
 * with a duty over their region). A replaced image, and a deleted honour's, is forgotten at once;
 * the hourly sweep removes any that an interrupted upload or a race left behind.
 */
import type { HonourView } from '../../../common/contract/honours.js';
import { notFound } from '../../../common/errors.js';
import type { Actor } from '../../platform/access/policy.js';
import { Policy } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import type { FileOwnerCheck, FileSweeper } from '../../platform/files/index.js';
import { forgetFiles, removeStored, storePhoto, type FilesCtx, type FilesLog } from '../files/index.js';
import * as repo from './honours.repository.js';
import { honourForRecorder, view } from './honours.service.js';

/** The kind of file an honour's certificate image is. */
export const HONOUR_IMAGE = 'honour_image';

/** How long a file not (or no longer) an honour's image is kept before the sweep: an upload may be under way. */
export const UNWANTED_GRACE_MS = 3_600_000;

/**
 * Keeps the uploaded image (without its metadata) as the honour's certificate image, replacing
 * the one it had, whose row goes in the same transaction and whose bytes go after it. Checked
 * again now that the bytes have arrived; an honour deleted meanwhile keeps nothing.
 */
export async function uploadHonourImage(
  ctx: FilesCtx,
  actor: Actor,
  id: string,
  bytes: Buffer,
  log?: FilesLog,
): Promise<HonourView> {
  await honourForRecorder(ctx.db, actor, id);
  const file = await storePhoto(ctx, actor, { kind: HONOUR_IMAGE, id }, bytes);
  const { honour, storedKeys } = await ctx.db.transaction().execute(async (trx) => {
    const h = await repo.honourById(trx, id);
    if (!h || !(await repo.setHonourImage(trx, id, file.id))) {
      return { honour: null, storedKeys: await forgetFiles(trx, [file.id]) };
    }
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'honour.image',
      entityType: h.subject_kind,
      entityId: h.subject_id,
      regionCode: h.region_code,
      details: { honourId: id, fileId: file.id, replaced: h.image_file_id !== null },
    });
    return {
      honour: { ...h, image_file_id: file.id },
      storedKeys: await forgetFiles(trx, h.image_file_id ? [h.image_file_id] : []),
    };
  });
  await removeStored(ctx.files, storedKeys, log);
  if (!honour) throw notFound('Honour');
  return view(ctx.db, honour, true);
}

/**
 * Who sees an honour's certificate image: whoever may list the honour, and only while it is the
 * honour's image. A project's or organisation's: anyone signed in (the files route asks for a
 * session); a volunteer's: the person and admins with a duty over their region.
 */
export const honourImageOwner: FileOwnerCheck = async (db, actor, file) => {
  const h = await repo.honourById(db, file.ownerId);
  if (!h || h.image_file_id !== file.id) return false;
  if (h.subject_kind !== 'volunteer') return true;
  const sight = await new Policy(db).sightOf(actor, h.subject_id);
  return sight !== null && sight.kind !== 'membership';
};

/** Which honour images the files module may delete: replaced, left behind, or of a deleted honour. */
export const honourImageSweeper: FileSweeper = (db, now, limit) =>
  repo.unwantedHonourImages(db, HONOUR_IMAGE, new Date(Date.parse(now) - UNWANTED_GRACE_MS).toISOString(), limit);
