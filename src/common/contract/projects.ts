import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { PageQuery, page, text } from './common.js';

export const HonourSchema = z
  .strictObject({
    title: text(LIMITS.titleMax).describe('e.g. 全国志愿服务优秀项目'),
    year: z.number().int().min(1900).max(2100).optional(),
    awardedBy: z.string().trim().max(LIMITS.titleMax).optional(),
  })
  .describe('An honour the project won');

export const CreateProjectBody = z.strictObject({
  name: text(LIMITS.titleMax).describe('e.g. 春风满巴渝'),
  departmentId: z.string().min(1).max(64).describe('Leading department (kind department)'),
  field: z.string().min(1).max(LIMITS.tagMax).describe('Service field code'),
  parentId: z.string().min(1).max(64).optional().describe('Parent project, for a sub-project'),
  description: z.string().trim().max(LIMITS.textMax).optional(),
  goals: z.string().trim().max(LIMITS.textMax).optional(),
  honours: z.array(HonourSchema).max(50).default([]),
});
export type CreateProject = z.infer<typeof CreateProjectBody>;

export const ProjectSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    departmentId: z.string(),
    departmentName: z.string(),
    field: z.string(),
    parentId: z.string().nullable(),
    description: z.string().nullable(),
    goals: z.string().nullable(),
    honours: z.array(HonourSchema),
    createdAt: z.string(),
  })
  .describe('Brand project (品牌项目)');

export const ProjectSchema = ProjectSummarySchema.extend({
  children: z.array(ProjectSummarySchema).describe('Direct sub-projects'),
}).describe('Brand project with its sub-projects');

export const ProjectListQuery = z.strictObject({
  departmentId: z.string().max(64).optional(),
  parentId: z.string().max(64).optional().describe('Sub-projects of this project ("root" for top-level ones)'),
  field: z.string().max(LIMITS.tagMax).optional(),
  ...PageQuery,
});
export const ProjectList = page(ProjectSummarySchema);

export const AddHonourBody = HonourSchema;
