import { z } from 'zod';
import { HONOUR_LEVELS, HONOUR_SUBJECT_KINDS } from '../enums.js';
import { LIMITS } from '../limits.js';
import { text } from './common.js';

/** The first year an honour may carry; later than the current year is refused by the server. */
export const HONOUR_YEAR_MIN = 1949;
export const HONOUR_YEAR_MAX = 2100;

const Id = z.string().trim().min(1).max(64);

export const RecordHonourBody = z
  .strictObject({
    subjectKind: z.enum(HONOUR_SUBJECT_KINDS).describe('What won it: a brand project, an organisation or a volunteer'),
    subjectId: Id.describe('Id of the project, organisation or volunteer'),
    name: text(LIMITS.titleMax).describe('e.g. 全国志愿服务优秀项目'),
    level: z.enum(HONOUR_LEVELS).describe('national 国家级, city 市级, district 区县级, street 街镇级'),
    year: z.number().int().min(HONOUR_YEAR_MIN).max(HONOUR_YEAR_MAX).describe('Year awarded; not in the future'),
    issuer: text(LIMITS.titleMax).optional().describe('Who awarded it, e.g. 中央文明办'),
  })
  .describe('An honour (荣誉) to record');
export type RecordHonour = z.infer<typeof RecordHonourBody>;

export const HonourViewSchema = z
  .object({
    id: z.string(),
    subjectKind: z.enum(HONOUR_SUBJECT_KINDS),
    subjectId: z.string(),
    name: z.string(),
    level: z.enum(HONOUR_LEVELS).nullable().describe('null for an honour entered before levels were kept'),
    year: z.number().int().nullable(),
    issuer: z.string().nullable(),
    recordedBy: z.string().nullable().describe('User who recorded it; null for honours moved from older data'),
    recordedAt: z.string(),
    points: z.number().int().describe('Points the honour earned the volunteer (0 for others or without a rule)'),
    canDelete: z.boolean().describe('Whether the caller may delete it (and upload its certificate image)'),
    image: z
      .strictObject({
        url: z.string().describe('The full image'),
        thumbnailUrl: z.string().describe('Its thumbnail (at most 320 px)'),
      })
      .nullable()
      .describe('The certificate image (证书图片), served behind a session: null when there is none or not signed in'),
  })
  .describe('An honour (荣誉) won by a project, organisation or volunteer');
export type HonourView = z.infer<typeof HonourViewSchema>;

export const HonourListQuery = z.strictObject({
  subjectKind: z.enum(HONOUR_SUBJECT_KINDS),
  subjectId: Id,
  level: z.enum(HONOUR_LEVELS).optional(),
  year: z.coerce.number().int().min(HONOUR_YEAR_MIN).max(HONOUR_YEAR_MAX).optional(),
});
export const HonourList = z.object({
  items: z.array(HonourViewSchema),
  canRecord: z.boolean().describe('Whether the caller may record (and delete) honours of this subject'),
});

export const HonourSummaryQuery = z.strictObject({
  regionCode: z.string().trim().min(1).max(32).optional().describe('Region subtree (default the whole city)'),
  year: z.coerce.number().int().min(HONOUR_YEAR_MIN).max(HONOUR_YEAR_MAX).optional(),
});
export const HonourSummary = z
  .object({
    regionCode: z.string().nullable(),
    total: z.number().int(),
    byLevel: z.array(z.object({ level: z.enum(HONOUR_LEVELS).nullable(), count: z.number().int() })),
    bySubjectKind: z.array(z.object({ subjectKind: z.enum(HONOUR_SUBJECT_KINDS), count: z.number().int() })),
  })
  .describe('Honours counted by level and by what won them, in a region subtree (aggregates only)');
export type HonourSummaryView = z.infer<typeof HonourSummary>;
