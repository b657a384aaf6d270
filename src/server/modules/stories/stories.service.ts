// Stories (志愿风采): written by an organisation's admins, reviewed by the parent organisation (or
// the region admins over it) before the portal shows them. Editing a published story takes it
// off the portal and back to review: the portal never shows words nobody reviewed.
import type { z } from 'zod';
import type {
  CreateStory,
  ManageStoryQuery,
  PatchStory,
  PublicStoryQuery,
  Story,
} from '../../../common/contract/stories.js';
import { forbidden, refusal, ruleBroken } from '../../../common/errors.js';
import { emptyStoryDoc, sanitiseStoryBody, storyPlainText } from '../../../common/story-body.js';
import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../ids.js';
import { decodeCursor, pageOf } from '../../pagination.js';
import { ADMIN_ROLES, hasRole, Policy, type Actor } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { inTransaction } from '../../platform/db.js';
import { fieldExists } from '../activities/index.js';
import { organisationById, regionWithin } from '../organisations/index.js';
import { noticeReview, noticeSubmitted } from './stories.notices.js';
import * as repo from './stories.repository.js';
import { countNewTips } from './story-tips.repository.js';
import {
  loadStory,
  presentCard,
  presentStory,
  requireStoryAdmin,
  STORY_PHOTO,
  storyScopes,
  writes,
} from './stories.view.js';

const audited = (db: Db, actor: Actor, s: { id: string; region_code: string }, action: string, details = {}) =>
  appendAudit(db, {
    actorUserId: actor.userId,
    action,
    entityType: 'story',
    entityId: s.id,
    details,
    regionCode: s.region_code,
  });

/** What the story's parts refer to must exist and be the organisation's to name. */
async function checkRefs(
  db: Db,
  actor: Actor,
  org: { id: string; region_code: string },
  b: Partial<Pick<CreateStory, 'field' | 'regionCode' | 'activityId' | 'projectId'>>,
) {
  if (b.field !== undefined && !(await fieldExists(db, b.field)))
    throw ruleBroken('field', 'unknown_field', `unknown service field "${b.field}"`);
  if (b.regionCode !== undefined) {
    if (!(await repo.regionExists(db, b.regionCode)))
      throw ruleBroken('regionCode', 'no_such_region', 'no such region');
    if (!(await regionWithin(db, org.region_code, b.regionCode)))
      throw ruleBroken('regionCode', 'story_region_outside', 'the region must lie within the organisation’s region');
  }
  if (b.activityId) {
    const a = await repo.activityOrganisation(db, b.activityId);
    if (!a || !(await new Policy(db).adminsOrganisation(actor, a.organisation_id)))
      throw ruleBroken('activityId', 'story_activity_unknown', 'name an activity of the organisation');
  }
  if (b.projectId && !(await repo.projectExists(db, b.projectId)))
    throw ruleBroken('projectId', 'story_project_unknown', 'no such brand project');
}

/** The body rebuilt from the allow-list, and the cover checked: both use only the story's own photos. */
async function cleanParts(db: Db, storyId: string, body: unknown, coverFileId: string | null) {
  // Only image blocks can hold a photo (the contract caps their number): each names its file by id or by our URL.
  const candidates = sanitiseStoryBody(body, () => true).fileIds;
  const own = await repo.photosOfStory(db, STORY_PHOTO, storyId, [
    ...candidates,
    ...(coverFileId ? [coverFileId] : []),
  ]);
  if (coverFileId && !own.has(coverFileId))
    throw ruleBroken('coverFileId', 'photo_unknown', 'the cover must be a photo uploaded for this story');
  const clean = body === undefined ? null : sanitiseStoryBody(body, (id) => own.has(id));
  return { clean, own };
}

export async function createStory(db: Db, actor: Actor, b: CreateStory): Promise<Story> {
  requireStoryAdmin(actor);
  const org = await organisationById(db, b.organisationId);
  if (!org || !(await new Policy(db).adminsOrganisation(actor, org.id)))
    throw refusal('FORBIDDEN', 'story_organisation_not_yours', 'Write stories of an organisation you administer', {
      field: 'organisationId',
    });
  await checkRefs(db, actor, org, b);
  const id = newId();
  // A new story has no photos yet: images and a cover come with a change after the upload.
  if (b.coverFileId) throw ruleBroken('coverFileId', 'photo_unknown', 'upload the cover to the story first');
  const body = sanitiseStoryBody(b.body ?? emptyStoryDoc(), () => false);
  const now = nowIso();
  const row: repo.StoryRow = {
    id,
    organisation_id: org.id,
    title: b.title,
    summary: b.summary,
    body: JSON.stringify(body.doc),
    cover_file_id: null,
    photo_ids: '[]',
    activity_id: b.activityId ?? null,
    project_id: b.projectId ?? null,
    region_code: b.regionCode ?? org.region_code,
    field: b.field,
    status: 'draft',
    return_reason: null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
    submitted_at: null,
    reviewed_by: null,
    reviewed_at: null,
    published_at: null,
  };
  await inTransaction(db, async (trx) => {
    await repo.insertStory(trx, row);
    await audited(trx, actor, row, 'story.create');
  });
  return getStory(db, actor, id);
}

export async function getStory(db: Db, actor: Actor | null, id: string): Promise<Story> {
  const { story, canWrite, canReview } = await loadStory(db, actor, id);
  return presentStory(story, { canWrite, canReview });
}

/** The story for its writers: 404 for those who do not see it, 403 for those who only see it. */
async function loadForWriting(db: Db, actor: Actor, id: string) {
  const loaded = await loadStory(db, actor, id);
  if (!loaded.canWrite) throw forbidden('Only the organisation’s admins change its stories');
  return loaded.story;
}

const underReview = () =>
  refusal('CONFLICT', 'story_under_review', 'The story is with its reviewers: wait for their answer to change it');

export async function patchStory(db: Db, actor: Actor, id: string, b: PatchStory): Promise<Story> {
  const story = await loadForWriting(db, actor, id);
  if (story.status === 'submitted') throw underReview();
  await checkRefs(db, actor, { id: story.organisation_id, region_code: story.organisation_region_code }, b);
  const cover = b.coverFileId === undefined ? story.cover_file_id : b.coverFileId;
  const { clean } = await cleanParts(db, id, b.body, cover);
  const doc = clean ? clean.doc : (JSON.parse(story.body) as ReturnType<typeof emptyStoryDoc>);
  const bodyIds = clean ? clean.fileIds : sanitiseStoryBody(doc, () => true).fileIds;
  const photoIds = [...new Set([...(cover ? [cover] : []), ...bodyIds])];
  // A published story changed goes back to review, off the portal until it is approved again.
  const status = story.status === 'approved' ? 'submitted' : story.status === 'returned' ? 'draft' : story.status;
  const now = nowIso();
  await inTransaction(db, async (trx) => {
    await repo.updateStory(trx, id, {
      ...(b.title !== undefined ? { title: b.title } : {}),
      ...(b.summary !== undefined ? { summary: b.summary } : {}),
      ...(b.field !== undefined ? { field: b.field } : {}),
      ...(b.regionCode !== undefined ? { region_code: b.regionCode } : {}),
      ...(b.activityId !== undefined ? { activity_id: b.activityId } : {}),
      ...(b.projectId !== undefined ? { project_id: b.projectId } : {}),
      body: JSON.stringify(doc),
      cover_file_id: cover,
      photo_ids: JSON.stringify(photoIds),
      status,
      ...(status === 'submitted' ? { submitted_at: now, published_at: null } : {}),
      updated_at: now,
    });
    await audited(trx, actor, story, 'story.update', { fields: Object.keys(b), status, dropped: clean?.dropped ?? 0 });
    if (status === 'submitted') await noticeSubmitted(trx, { ...story, title: b.title ?? story.title }, actor, now);
  });
  return getStory(db, actor, id);
}

export async function submitStory(db: Db, actor: Actor, id: string): Promise<Story> {
  const story = await loadForWriting(db, actor, id);
  if (story.status !== 'draft' && story.status !== 'returned')
    throw refusal('CONFLICT', 'story_not_draft', 'Only a draft or a returned story can be submitted');
  if (!storyPlainText(JSON.parse(story.body) as ReturnType<typeof emptyStoryDoc>).trim())
    throw ruleBroken('body', 'story_body_empty', 'write the story before submitting it');
  await inTransaction(db, async (trx) => {
    const now = nowIso();
    if (
      !(await repo.moveStory(trx, id, ['draft', 'returned'], {
        status: 'submitted',
        submitted_at: now,
        updated_at: now,
      }))
    )
      throw refusal('CONFLICT', 'story_not_draft', 'Only a draft or a returned story can be submitted');
    await audited(trx, actor, story, 'story.submit');
    await noticeSubmitted(trx, story, actor, now);
  });
  return getStory(db, actor, id);
}

/** Approves (publishes) or returns a submitted story: its reviewers only, never its own author. */
export async function reviewStory(
  db: Db,
  actor: Actor,
  id: string,
  decision: { approve: true } | { approve: false; reason: string },
): Promise<Story> {
  const { story, canReview } = await loadStory(db, actor, id);
  if (!canReview) throw forbidden('Only the parent organisation’s admins or the region’s admins review this story');
  if (story.created_by === actor.userId)
    throw refusal('FORBIDDEN', 'story_own_review', 'Another reviewer must review a story you wrote');
  const now = nowIso();
  const set = decision.approve
    ? { status: 'approved' as const, published_at: now, return_reason: null }
    : { status: 'returned' as const, return_reason: decision.reason };
  await inTransaction(db, async (trx) => {
    const moved = await repo.moveStory(trx, id, ['submitted'], {
      ...set,
      reviewed_by: actor.userId,
      reviewed_at: now,
      updated_at: now,
    });
    if (!moved) throw refusal('CONFLICT', 'story_not_submitted', 'Only a submitted story can be reviewed');
    await audited(trx, actor, story, decision.approve ? 'story.approve' : 'story.return');
    await noticeReview(trx, story, actor, now, decision.approve ? null : decision.reason);
  });
  return getStory(db, actor, id);
}

export async function listPublicStories(db: Db, q: z.infer<typeof PublicStoryQuery>) {
  const after = decodeCursor(q.cursor, { at: 'string', id: 'string' });
  const rows = await repo.listPublished(db, q, after, q.limit);
  const p = pageOf(rows, q.limit, (r) => ({ at: r.published_at ?? '', id: r.id }));
  return { items: p.items.map(presentCard), nextCursor: p.nextCursor };
}

export async function listManagedStories(db: Db, actor: Actor, q: z.infer<typeof ManageStoryQuery>) {
  requireStoryAdmin(actor);
  const after = decodeCursor(q.cursor, { at: 'string', id: 'string' });
  // The review queue is filtered in SQL to the stories the actor decides on (not their own): pages are full.
  const scopes = { ...storyScopes(actor), userId: actor.userId };
  const rows = await repo.listManaged(db, scopes, q.view, q.status, after, q.limit);
  const p = pageOf(rows, q.limit, (r) => ({ at: r.updated_at, id: r.id }));
  return { items: p.items.map(presentCard), nextCursor: p.nextCursor };
}

/** The workbench's stories to-dos; null for someone who keeps no stories. */
export async function storiesToDo(db: Db, actor: Actor): Promise<{ toReview: number; newTips: number } | null> {
  if (!hasRole(actor, ...ADMIN_ROLES)) return null;
  const scopes = storyScopes(actor);
  const [toReview, newTips] = await Promise.all([
    repo.countAwaitingReview(db, scopes, actor.userId),
    countNewTips(db, scopes),
  ]);
  return { toReview, newTips };
}

/** Refuses a photo upload before its bytes are read: the story's writers only, while it is not under review. */
export async function checkStoryPhotoUpload(db: Db, actor: Actor, id: string): Promise<void> {
  const story = await loadForWriting(db, actor, id);
  if (story.status === 'submitted') throw underReview();
}

/** Whether anyone (signed in or not) may see a story photo: it is used by an approved story. */
export async function storyPhotoIsPublic(db: Db, file: { id: string; ownerId: string }): Promise<boolean> {
  const s = await repo.storyAccessFacts(db, file.ownerId);
  return !!s && s.status === 'approved' && (JSON.parse(s.photo_ids) as string[]).includes(file.id);
}

/** A story's photo: public once used by the approved story; before, its writers and reviewers. */
export async function storyPhotoVisible(db: Db, actor: Actor, file: { id: string; ownerId: string }) {
  if (await storyPhotoIsPublic(db, file)) return true;
  const s = await repo.storyAccessFacts(db, file.ownerId);
  if (!s) return false;
  if (await writes(db, actor, s)) return true;
  return (await loadStory(db, actor, s.id).catch(() => null))?.canReview ?? false;
}
