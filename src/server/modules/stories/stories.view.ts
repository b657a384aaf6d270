// Who may do what with a story, and how a story is shown. Writers: the admins of its
// organisation. Reviewers: the admins of its parent organisation, or the region admins over the
// organisation's region (system admins always). Anyone sees an approved story.
import type { Story, StoryCard } from '../../../common/contract/stories.js';
import type { Db } from '../../db/database.js';
import { forbidden, notFound as missing } from '../../../common/errors.js';
import { ADMIN_ROLES, hasRole, isSystemAdmin, Policy, scopesOf, type Actor } from '../../platform/access/policy.js';
import { fileUrls } from '../files/index.js';
import * as repo from './stories.repository.js';

/** The kind of file a story's photos are. */
export const STORY_PHOTO = 'story_photo';

type Facts = { organisation_id: string; organisation_parent_id: string | null; organisation_region_code: string };

export const writes = (db: Db, actor: Actor | null, s: Facts): Promise<boolean> =>
  actor ? new Policy(db).adminsOrganisation(actor, s.organisation_id) : Promise.resolve(false);

export async function reviews(db: Db, actor: Actor | null, s: Facts): Promise<boolean> {
  if (!actor) return false;
  if (isSystemAdmin(actor)) return true;
  const policy = new Policy(db);
  if (s.organisation_parent_id && (await policy.adminsOrganisation(actor, s.organisation_parent_id))) return true;
  return policy.adminsRegion(actor, s.organisation_region_code);
}

/** How the actor stands to a story: may they see it at all, write it, review it. */
export async function standing(db: Db, actor: Actor | null, s: Facts & { status: string }) {
  const canWrite = await writes(db, actor, s);
  const canReview = await reviews(db, actor, s);
  return { canWrite, canReview, sees: s.status === 'approved' || canWrite || canReview };
}

/** The story for someone who may see it; 404 for anyone else (existence does not leak). */
export async function loadStory(db: Db, actor: Actor | null, id: string) {
  const story = await repo.storyById(db, id);
  if (!story) throw missing('Story');
  const st = await standing(db, actor, story);
  if (!st.sees) throw missing('Story');
  return { story, ...st };
}

/** Stories and tips are kept by admins (system, region, department, team): 403 for anyone else. */
export function requireStoryAdmin(actor: Actor): void {
  if (!hasRole(actor, ...ADMIN_ROLES)) throw forbidden('Only organisations’ and regions’ admins keep stories and tips');
}

/** The scopes an actor administers stories and tips in. */
export const storyScopes = (actor: Actor): repo.StoryScopes => ({
  all: isSystemAdmin(actor),
  organisations: scopesOf(actor, ['department_admin', 'team_admin'], 'organisation'),
  departments: scopesOf(actor, ['department_admin'], 'organisation'),
  regions: scopesOf(actor, ['region_admin'], 'region'),
});

const photo = (id: string) => ({ id, ...fileUrls(id) });

export function presentStory(s: repo.StoryFull, st: { canWrite: boolean; canReview: boolean }): Story {
  const ids = JSON.parse(s.photo_ids) as string[];
  return {
    id: s.id,
    organisationId: s.organisation_id,
    organisationName: s.organisation_name,
    title: s.title,
    summary: s.summary,
    body: JSON.parse(s.body) as Story['body'],
    cover: s.cover_file_id ? photo(s.cover_file_id) : null,
    photos: ids.map(photo),
    activityId: s.activity_id,
    activityTitle: s.activity_title,
    projectId: s.project_id,
    projectName: s.project_name,
    regionCode: s.region_code,
    regionName: s.region_name,
    field: s.field,
    status: s.status,
    returnReason: s.return_reason,
    createdAt: s.created_at,
    updatedAt: s.updated_at,
    submittedAt: s.submitted_at,
    publishedAt: s.published_at,
    canEdit: st.canWrite && s.status !== 'submitted',
    canReview: st.canReview && s.status === 'submitted',
  };
}

export const presentCard = (r: repo.StoryCardRow): StoryCard => ({
  id: r.id,
  title: r.title,
  summary: r.summary,
  cover: r.cover_file_id ? photo(r.cover_file_id) : null,
  organisationId: r.organisation_id,
  organisationName: r.organisation_name,
  regionCode: r.region_code,
  regionName: r.region_name,
  field: r.field,
  status: r.status,
  publishedAt: r.published_at,
  updatedAt: r.updated_at,
});
