import { z } from 'zod';
import { IdParams, errorResponses, PUBLIC } from '../../../common/contract/common.js';
import {
  AddFundingBody,
  AddProgressBody,
  AddSpendingBody,
  CreatePlanBody,
  CreateTaskBody,
  FundingParams,
  OverviewQuery,
  PatchPlanBody,
  PatchSpendingBody,
  PatchTaskBody,
  PlanList,
  PlanListQuery,
  PlanOverview,
  PlanProgress,
  PlanSchema,
  ProgressQuery,
  SpendingParams,
  TaskParams,
} from '../../../common/contract/plans.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import { photoUploadRoute } from '../files/index.js';
import { planOverview, planProgress } from './plans.overview.js';
import { checkPlanPhotoUpload, uploadPlanPhoto } from './plans.photos.js';
import * as service from './plans.service.js';

export function planRoutes(app: App): void {
  const tags = ['plans'];
  const db = () => app.ctx.database.db;
  const plan = { 200: PlanSchema, ...errorResponses };
  const created = { 201: PlanSchema, ...errorResponses };

  app.post(
    '/api/v1/plans',
    {
      schema: {
        tags,
        summary: 'A department admin writes the department’s plan for a year (专项实施方案)',
        body: CreatePlanBody,
        response: created,
      },
    },
    async (req, reply) => reply.status(201).send(await service.createPlan(db(), requireActor(req), req.body)),
  );

  app.get(
    '/api/v1/plans',
    {
      schema: {
        tags,
        summary: 'Plans the caller sees: their departments’, or (region admins) those with tasks in their region',
        querystring: PlanListQuery,
        response: { 200: PlanList, ...errorResponses },
      },
    },
    async (req) => service.listPlans(db(), requireActor(req), req.query),
  );

  app.get(
    '/api/v1/plans/overview',
    {
      schema: {
        tags,
        summary: 'Every department’s plans of a year in one table: tasks, done, overdue, progress, budget, spent',
        querystring: OverviewQuery,
        response: { 200: PlanOverview, ...errorResponses },
      },
    },
    async (req) => planOverview(db(), requireActor(req), req.query.year),
  );

  app.get(
    '/api/v1/plans/progress',
    {
      schema: {
        security: PUBLIC,
        tags,
        summary:
          'Every department’s progress on its plans of a year, city-wide, for the big screen: tasks, done, overdue, progress (public aggregates; no funding, tasks or people)',
        querystring: ProgressQuery,
        response: { 200: PlanProgress, ...errorResponses },
      },
    },
    async (req) => planProgress(db(), req.query.year),
  );

  app.get(
    '/api/v1/plans/:id',
    {
      schema: {
        tags,
        summary: 'One plan with its key tasks and funding (a region admin sees only their region’s tasks)',
        params: IdParams,
        response: plan,
      },
    },
    async (req) => service.getPlan(db(), requireActor(req), req.params.id),
  );

  app.patch(
    '/api/v1/plans/:id',
    {
      schema: {
        tags,
        summary: 'Change a plan’s title, field or summary',
        params: IdParams,
        body: PatchPlanBody,
        response: plan,
      },
    },
    async (req) => service.patchPlan(db(), requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/plans/:id/tasks',
    {
      schema: {
        tags,
        summary: 'Add a key task (重点任务): responsible organisation, integer target with its unit, deadline',
        params: IdParams,
        body: CreateTaskBody,
        response: created,
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.addTask(db(), requireActor(req), req.params.id, req.body)),
  );

  app.patch(
    '/api/v1/plans/:id/tasks/:taskId',
    { schema: { tags, summary: 'Change a key task', params: TaskParams, body: PatchTaskBody, response: plan } },
    async (req) => service.patchTask(db(), requireActor(req), req.params.id, req.params.taskId, req.body),
  );

  app.post(
    '/api/v1/plans/:id/tasks/:taskId/progress',
    {
      schema: {
        tags,
        summary: 'Report a key task’s progress: the value reached so far, with a note and evidence',
        params: TaskParams,
        body: AddProgressBody,
        response: created,
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await service.addProgress(db(), requireActor(req), req.params.id, req.params.taskId, req.body)),
  );

  photoUploadRoute(app, {
    path: '/api/v1/plans/:id/photos',
    tags,
    summary:
      'A plan editor uploads a photo: evidence for a progress update or a receipt for spending (JPEG or PNG; metadata such as GPS removed)',
    attach:
      'Attach the returned id with `photoIds` on POST /plans/:id/tasks/:taskId/progress or /plans/:id/funding/:fundingId/spending; one never attached is deleted after 48 hours.',
    check: (actor, id) => checkPlanPhotoUpload(db(), actor, id),
    store: (actor, id, bytes) => uploadPlanPhoto({ db: db(), files: app.ctx.files }, actor, id, bytes),
  });

  app.post(
    '/api/v1/plans/:id/funding',
    {
      schema: {
        tags,
        summary: 'Budget a programme (brand project) in the plan year, integer fen',
        params: IdParams,
        body: AddFundingBody,
        response: created,
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.addFunding(db(), requireActor(req), req.params.id, req.body)),
  );

  app.post(
    '/api/v1/plans/:id/funding/:fundingId/spending',
    {
      schema: {
        tags,
        summary: 'Record spending on a programme; its `spent` is the sum of the entries',
        params: FundingParams,
        body: AddSpendingBody,
        response: created,
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await service.addSpending(db(), requireActor(req), req.params.id, req.params.fundingId, req.body)),
  );

  const entry = (p: z.infer<typeof SpendingParams>) => ({
    planId: p.id,
    fundingId: p.fundingId,
    spendingId: p.spendingId,
  });

  app.patch(
    '/api/v1/plans/:id/funding/:fundingId/spending/:spendingId',
    {
      schema: {
        tags,
        summary:
          'Correct a spending entry (amount, day, note, receipts); the programme’s `spent` follows in the same transaction, the audit keeps the old and new values',
        params: SpendingParams,
        body: PatchSpendingBody,
        response: plan,
      },
    },
    async (req) => service.patchSpending(db(), requireActor(req), entry(req.params), req.body),
  );

  app.delete(
    '/api/v1/plans/:id/funding/:fundingId/spending/:spendingId',
    {
      schema: {
        tags,
        summary: 'Remove a spending entry entered by mistake; the programme’s `spent` drops by its amount',
        params: SpendingParams,
        response: { 204: z.null().describe('Removed'), ...errorResponses },
      },
    },
    async (req, reply) => {
      await service.deleteSpending(db(), requireActor(req), entry(req.params));
      return reply.status(204).send(null);
    },
  );
}
