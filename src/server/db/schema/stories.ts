/** Table types for stories and story tips (migration 450). Column names are snake_case as in the migrations. */
import type { StoryStatus, StoryTipStatus } from '../../../common/enums.js';

/** A story (志愿风采) of an organisation. */
export interface StoriesTable {
  id: string;
  organisation_id: string;
  title: string;
  summary: string;
  /** The sanitised document as JSON (common/story-body.ts): never HTML. */
  body: string;
  /** A file of kind story_photo owned by this story. */
  cover_file_id: string | null;
  /** JSON list of the story's files that the body and the cover use. */
  photo_ids: string;
  activity_id: string | null;
  project_id: string | null;
  region_code: string;
  field: string;
  status: StoryStatus;
  return_reason: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  published_at: string | null;
}

/** A tip for a story (线索), kept with the organisation chosen for its region. */
export interface StoryTipsTable {
  id: string;
  organisation_id: string;
  region_code: string;
  text: string;
  /** The sender's contact, encrypted (personal data); null when none was given. */
  contact_enc: string | null;
  status: StoryTipStatus;
  sent_by: string | null;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
}

export interface StoriesTables {
  stories: StoriesTable;
  story_tips: StoryTipsTable;
}
