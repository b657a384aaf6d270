import { z } from 'zod';
import { STORY_STATUSES, STORY_TIP_STATUSES } from '../enums.js';
import { LIMITS } from '../limits.js';
import { PageQuery, page, text } from './common.js';
import { PhotoSchema } from './files.js';

const Id = z.string().min(1).max(64);
const RegionCode = z
  .string()
  .regex(/^[0-9A-Za-z]{2,12}$/)
  .describe('Region code (GB/T 2260, or one of the functional zones)');
const Field = z.string().min(1).max(LIMITS.tagMax).describe('Service field code');

/** Limits of a story's parts, shared by the API and the web forms. */
export const STORY_LIMITS = { summaryMax: 300, tipMax: 2000, contactMax: 100 } as const;

/**
 * A story's body as sent: a document `{type: "doc", content: [...]}` of paragraphs, headings
 * (level 2 or 3), quotes and images (`{type: "image", attrs: {fileId, alt}}`). The server keeps
 * only what its allow-list knows (common/story-body.ts): unknown nodes and marks are dropped, and
 * an image stays only when it is a photo uploaded for this story.
 */
export const StoryBodyInput = z
  .object({
    type: z.literal('doc'),
    content: z.array(z.unknown()).max(200).describe('The blocks, each {type, attrs?, content?}'),
  })
  .describe('The story’s document (paragraphs, headings, quotes, images by file id); HTML is never accepted');

const StoryFields = {
  title: text(LIMITS.titleMax).describe('The story’s title'),
  summary: text(STORY_LIMITS.summaryMax).describe('One or two sentences: shown on lists and shared links'),
  body: StoryBodyInput.optional(),
  coverFileId: Id.nullable().optional().describe('A photo uploaded for this story (POST /stories/:id/photos)'),
  activityId: Id.nullable().optional().describe('The activity the story tells of (one of the organisation’s)'),
  projectId: Id.nullable().optional().describe('The brand project the story tells of'),
  regionCode: RegionCode.optional().describe('Where it happened, within the organisation’s region (default: it)'),
  field: Field,
};

export const CreateStoryBody = z.strictObject({
  organisationId: Id.describe('The organisation whose story it is: its admins write it'),
  ...StoryFields,
});
export type CreateStory = z.infer<typeof CreateStoryBody>;

export const PatchStoryBody = z
  .strictObject({
    ...StoryFields,
    title: StoryFields.title.optional(),
    summary: StoryFields.summary.optional(),
    field: Field.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'change at least one field' });
export type PatchStory = z.infer<typeof PatchStoryBody>;

export const ReturnStoryBody = z.strictObject({
  reason: text(LIMITS.reasonMax).describe('What the writers should change'),
});

const Block = z.record(z.string(), z.unknown());
export const StorySchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    title: z.string(),
    summary: z.string(),
    body: z.object({ type: z.literal('doc'), content: z.array(Block) }).describe('The sanitised document'),
    cover: PhotoSchema.nullable(),
    /** Photos of the body by file id, with where each is served. */
    photos: z.array(PhotoSchema),
    activityId: z.string().nullable(),
    activityTitle: z.string().nullable(),
    projectId: z.string().nullable(),
    projectName: z.string().nullable(),
    regionCode: z.string(),
    regionName: z.string(),
    field: z.string(),
    status: z.enum(STORY_STATUSES),
    returnReason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    submittedAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    canEdit: z.boolean().describe('The caller may change and submit it'),
    canReview: z.boolean().describe('The caller may approve or return it (it is submitted)'),
  })
  .describe('A story (志愿风采)');
export type Story = z.infer<typeof StorySchema>;

export const StoryCardSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  cover: PhotoSchema.nullable(),
  organisationId: z.string(),
  organisationName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  field: z.string(),
  status: z.enum(STORY_STATUSES),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type StoryCard = z.infer<typeof StoryCardSchema>;
export const StoryList = page(StoryCardSchema);

export const PublicStoryQuery = z.strictObject({
  regionCode: RegionCode.optional().describe('Stories of this region and everything under it'),
  field: Field.optional(),
  organisationId: Id.optional().describe('One organisation’s stories'),
  ...PageQuery,
});

export const ManageStoryQuery = z.strictObject({
  view: z
    .enum(['write', 'review'])
    .default('write')
    .describe('write: stories the caller may write; review: submitted ones the caller reviews'),
  status: z.enum(STORY_STATUSES).optional(),
  ...PageQuery,
});

export const SendTipBody = z.strictObject({
  regionCode: RegionCode.describe('Where it happened: the tip goes to the organisation for that region'),
  text: text(STORY_LIMITS.tipMax).describe('What happened, who did it'),
  contact: z
    .string()
    .trim()
    .max(STORY_LIMITS.contactMax)
    .optional()
    .describe('How to reach the sender (kept encrypted; shown only to the receiving organisation’s admins)'),
});
export const SentTipSchema = z.object({
  id: z.string(),
  organisationName: z.string().describe('Who received it'),
});

export const StoryTipSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  text: z.string(),
  contact: z.string().nullable(),
  status: z.enum(STORY_TIP_STATUSES),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type StoryTip = z.infer<typeof StoryTipSchema>;
export const StoryTipList = page(StoryTipSchema);
export const TipQuery = z.strictObject({
  status: z.enum(STORY_TIP_STATUSES).optional(),
  ...PageQuery,
});
export const DecideTipBody = z.strictObject({
  status: z.enum(['used', 'dismissed']).describe('used: it became (or will become) a story; dismissed: not used'),
});
