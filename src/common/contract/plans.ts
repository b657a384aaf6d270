import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { PageQuery, page, text } from './common.js';
import { MAX_PHOTOS, PhotoSchema } from './files.js';

/** A local calendar day in the platform's zone (Asia/Shanghai by default). */
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('Local day, YYYY-MM-DD');
const Year = z.number().int().min(2000).max(2100).describe('Calendar year of the plan');
const Id = z.string().min(1).max(64);
/** Money is integer fen (分): ¥1.00 is 100. */
const Fen = (what: string) => z.number().int().min(0).max(1e13).describe(`${what}, integer fen (分)`);
const Evidence = {
  note: z.string().trim().max(LIMITS.textMax).optional().describe('What was done, and the evidence in words'),
  evidenceUrl: z.url().max(500).optional().describe('A link to the evidence'),
};
/** Photos uploaded beforehand with POST /plans/:id/photos, attached by id. */
const PhotoIds = (what: string) =>
  z
    .array(Id)
    .max(MAX_PHOTOS)
    .optional()
    .describe(`${what}: ids of photos you uploaded for this plan (POST /plans/:id/photos), at most ${MAX_PHOTOS}`);

export const CreatePlanBody = z.strictObject({
  departmentId: Id.describe('The department (organisation of kind department) whose plan this is'),
  year: Year,
  title: text(LIMITS.titleMax).describe('e.g. 春风满巴渝专项实施方案'),
  field: z.string().min(1).max(LIMITS.tagMax).describe('Service field code'),
  summary: z.string().trim().max(LIMITS.textMax).optional(),
});
export type CreatePlan = z.infer<typeof CreatePlanBody>;

export const PatchPlanBody = z
  .strictObject({
    title: text(LIMITS.titleMax).optional(),
    field: z.string().min(1).max(LIMITS.tagMax).optional(),
    summary: z.string().trim().max(LIMITS.textMax).nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'change at least one field' });

export const CreateTaskBody = z.strictObject({
  title: text(LIMITS.titleMax).describe('The key task (重点任务)'),
  organisationId: Id.describe('The organisation responsible for it'),
  target: z.number().int().describe('What is to be reached, a whole number of `unit` (more than 0)'),
  unit: text(20).describe('e.g. 场, 人次, 个'),
  deadline: Day.describe('Local day by which it is due, within the plan year'),
});
export const PatchTaskBody = z
  .strictObject({
    title: text(LIMITS.titleMax).optional(),
    organisationId: Id.optional(),
    target: z.number().int().optional(),
    unit: text(20).optional(),
    deadline: Day.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'change at least one field' });
export type CreateTask = z.infer<typeof CreateTaskBody>;
export type PatchTask = z.infer<typeof PatchTaskBody>;

export const AddProgressBody = z.strictObject({
  value: z.number().int().min(0).describe('The value reached so far (a running total, not an increment)'),
  ...Evidence,
  photoIds: PhotoIds('Evidence photos'),
});

export const AddFundingBody = z.strictObject({
  projectId: Id.describe('The programme (brand project) funded'),
  budget: Fen('Budgeted amount'),
  note: z.string().trim().max(LIMITS.textMax).optional(),
});
export const AddSpendingBody = z.strictObject({
  amount: z.number().int().describe('Amount spent, integer fen (more than 0)'),
  spentOn: Day.describe('Local day of the spending'),
  note: z.string().trim().max(LIMITS.textMax).optional(),
  photoIds: PhotoIds('Receipts'),
});

/** A correction of a spending entry: the fields given replace the entry's (`photoIds`: the whole new list). */
export const PatchSpendingBody = z
  .strictObject({
    amount: z.number().int().optional().describe('Amount spent, integer fen (more than 0)'),
    spentOn: Day.optional().describe('Local day of the spending, within the funding year'),
    note: z.string().trim().max(LIMITS.textMax).nullable().optional().describe('null clears it'),
    photoIds: PhotoIds(
      'Receipts, the whole new list: photos already on this entry, and ones you uploaded for this plan and attached nowhere',
    ),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'change at least one field' });
export type PatchSpending = z.infer<typeof PatchSpendingBody>;

export const TaskParams = z.strictObject({ id: Id, taskId: Id });
export const FundingParams = z.strictObject({ id: Id, fundingId: Id });
export const SpendingParams = z.strictObject({ id: Id, fundingId: Id, spendingId: Id });

export const ProgressSchema = z.object({
  id: z.string(),
  value: z.number().int(),
  note: z.string().nullable(),
  evidenceUrl: z.string().nullable(),
  photos: z.array(PhotoSchema).describe('Evidence photos, in the order attached'),
  byUserId: z.string(),
  at: z.string(),
});

export const TaskSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    target: z.number().int(),
    unit: z.string(),
    deadline: z.string(),
    value: z.number().int().describe('The latest value reached (0 before any update)'),
    progress: z.number().describe('value / target, capped at 1'),
    done: z.boolean(),
    overdue: z.boolean().describe('The deadline passed (local day) and the target is not reached'),
    updates: z.array(ProgressSchema).describe('Progress updates, newest first'),
  })
  .describe('Key task (重点任务)');

export const SpendingSchema = z.object({
  id: z.string(),
  amount: z.number().int(),
  spentOn: z.string(),
  note: z.string().nullable(),
  photos: z.array(PhotoSchema).describe('Receipts, in the order attached'),
  byUserId: z.string(),
  at: z.string(),
});
export const FundingSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    projectName: z.string(),
    year: z.number().int(),
    budget: z.number().int().describe('Budgeted, integer fen'),
    spent: z.number().int().describe('Sum of the spending entries, integer fen'),
    note: z.string().nullable(),
    spending: z.array(SpendingSchema),
  })
  .describe('Funding (经费) of one programme in the plan year');

export const PlanSummarySchema = z.object({
  id: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  year: z.number().int(),
  title: z.string(),
  field: z.string(),
  summary: z.string().nullable(),
  tasks: z.number().int(),
  done: z.number().int(),
  overdue: z.number().int(),
  progress: z.number().describe('Mean of the tasks’ capped progress (0–1); 0 with no tasks'),
  createdAt: z.string(),
});
export const PlanSchema = PlanSummarySchema.extend({
  /** false: a region admin's view, holding only the tasks in their region and no funding. */
  editable: z.boolean().describe('Whether the caller may change it'),
  keyTasks: z.array(TaskSchema),
  funding: z.array(FundingSchema).describe('Empty for a read-only regional view'),
  budget: z.number().int(),
  spent: z.number().int(),
}).describe('A department’s yearly plan (专项实施方案)');
export type Plan = z.infer<typeof PlanSchema>;
export type PlanTask = z.infer<typeof TaskSchema>;

export const PlanListQuery = z.strictObject({
  departmentId: Id.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  ...PageQuery,
});
export const PlanList = page(PlanSummarySchema);

export const OverviewQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const OverviewRowSchema = z.object({
  departmentId: z.string(),
  departmentName: z.string(),
  plans: z.number().int(),
  tasks: z.number().int(),
  done: z.number().int(),
  overdue: z.number().int(),
  progress: z.number().describe('Mean of every task’s capped progress across the department’s plans (0–1)'),
  budget: z.number().int(),
  spent: z.number().int(),
});
export const PlanOverview = z
  .object({ year: z.number().int(), items: z.array(OverviewRowSchema) })
  .describe('Every department’s plans of a year, one row each');
export type PlanOverviewRow = z.infer<typeof OverviewRowSchema>;

export const ProgressQuery = z.strictObject({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .optional()
    .describe('Plan year (default the current year in the city’s time zone)'),
});
export const ProgressRowSchema = OverviewRowSchema.pick({
  departmentName: true,
  tasks: true,
  done: true,
  overdue: true,
  progress: true,
});
export const PlanProgress = z
  .object({ year: z.number().int(), items: z.array(ProgressRowSchema) })
  .describe(
    'Every department’s progress on its plans of a year, city-wide, most tasks first (public aggregates: no funding, tasks or people)',
  );
export type PlanProgressView = z.infer<typeof PlanProgress>;
