import { z } from 'zod';
import { IdParams, errorResponses, PUBLIC } from '../../../common/contract/common.js';
import {
  CancelNeedBody,
  ComplainNeedBody,
  NeedActivityBody,
  CompleteNeedBody,
  CreateNeedBody,
  DispatchNeedBody,
  NeedList,
  NeedListQuery,
  NeedSchema,
  NeedSlaSchema,
  NeedTypeList,
  PutNeedSlaBody,
  RateNeedBody,
  ReviewNeedBody,
} from '../../../common/contract/needs.js';
import { StatsNeeds, StatsNeedsQuery } from '../../../common/contract/stats.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import * as service from './needs.service.js';
import { needToActivity } from './needs.activity.js';
import { needPhotoRoutes } from './needs.photos.routes.js';
import { getNeedSla, putNeedSla } from './needs.sla.js';
import { needStats } from './needs.stats.js';

const RegionCodeParams = z.strictObject({ code: z.string().min(1).max(20).describe('Region code') });

export function needRoutes(app: App): void {
  const tags = ['needs'];
  const ctx = () => ({ db: app.ctx.database.db, cipher: app.ctx.cipher });
  const one = { params: IdParams, response: { 200: NeedSchema, ...errorResponses } };

  app.get(
    '/api/v1/need-types',
    {
      schema: {
        security: PUBLIC,
        tags,
        summary: 'The kinds of need residents can post',
        response: { 200: NeedTypeList, ...errorResponses },
      },
    },
    async () => service.listNeedTypes(app.ctx.database.db),
  );

  app.post(
    '/api/v1/needs',
    {
      schema: {
        tags,
        summary: 'A resident posts a need (点单); address, position and phone are kept encrypted',
        body: CreateNeedBody,
        response: { 201: NeedSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.postNeed(ctx(), requireActor(req), req.body)),
  );

  app.get(
    '/api/v1/needs',
    {
      schema: {
        tags,
        summary: 'My needs, the board of the regions I review, or the needs offered to my teams',
        querystring: NeedListQuery,
        response: { 200: NeedList, ...errorResponses },
      },
    },
    async (req) => service.listNeeds(ctx(), requireActor(req), req.query),
  );

  app.get(
    '/api/v1/needs/:id',
    { schema: { tags, summary: 'One need with its timeline (404 for anyone with no part in it)', ...one } },
    async (req) => service.getNeed(ctx(), requireActor(req), req.params.id),
  );

  app.post(
    '/api/v1/needs/:id/review',
    {
      schema: {
        tags,
        summary: 'Accept a need, or reject it with a reason the resident sees (site managers, region admins)',
        body: ReviewNeedBody,
        ...one,
      },
    },
    async (req) => service.reviewNeed(ctx(), requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/needs/:id/dispatch',
    {
      schema: {
        tags,
        summary: 'Dispatch (派单) to a team or as an activity; again to re-dispatch, releasing a taker',
        body: DispatchNeedBody,
        ...one,
      },
    },
    async (req) => service.dispatchNeed(ctx(), requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/needs/:id/take',
    { schema: { tags, summary: 'A member of the team takes the need (接单)', ...one } },
    async (req) => service.takeNeed(ctx(), requireActor(req), req.params.id),
  );

  app.post(
    '/api/v1/needs/:id/complete',
    { schema: { tags, summary: 'The taker reports it done', body: CompleteNeedBody, ...one } },
    async (req) => service.completeNeed(ctx(), requireActor(req), req.params.id, req.body.report, req.body.photoIds),
  );

  needPhotoRoutes(app);

  app.post(
    '/api/v1/needs/:id/rate',
    { schema: { tags, summary: 'The resident rates the service (评单), 1–5', body: RateNeedBody, ...one } },
    async (req) => service.rateNeed(ctx(), requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/needs/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel: the resident until it is taken, those who review it until it is done',
        body: CancelNeedBody,
        ...one,
      },
    },
    async (req) => service.cancelNeed(ctx(), requireActor(req), req.params.id, req.body.reason),
  );

  app.post(
    '/api/v1/needs/:id/complain',
    {
      schema: {
        tags,
        summary: 'The resident complains about a need done or rated: kept on its timeline for the admins',
        body: ComplainNeedBody,
        ...one,
      },
    },
    async (req) => service.complainNeed(ctx(), requireActor(req), req.params.id, req.body.text),
  );

  app.post(
    '/api/v1/needs/:id/activity',
    {
      schema: {
        tags,
        summary: 'Turn an accepted need into an activity with one shift (a draft to publish) and dispatch it with it',
        body: NeedActivityBody,
        ...one,
      },
    },
    async (req) => needToActivity(ctx(), requireActor(req), req.params.id, req.body),
  );

  const sla = { params: RegionCodeParams, response: { 200: NeedSlaSchema, ...errorResponses } };
  app.get(
    '/api/v1/regions/:code/need-sla',
    {
      schema: {
        tags,
        summary: 'The service times (SLA) of needs in a region, and where each comes from (those who review it)',
        ...sla,
      },
    },
    async (req) => getNeedSla(app.ctx.database.db, requireActor(req), req.params.code),
  );

  app.put(
    '/api/v1/regions/:code/need-sla',
    {
      schema: {
        tags,
        summary: "Set a region's own service times for needs (its region admins and above); null inherits",
        body: PutNeedSlaBody,
        ...sla,
      },
    },
    async (req) => putNeedSla(app.ctx.database.db, requireActor(req), req.params.code, req.body),
  );

  app.get(
    '/api/v1/stats/needs',
    {
      schema: {
        tags: ['stats'],
        summary: "Residents' needs in a region subtree: counts by status, minutes per step, satisfaction (reviewers)",
        querystring: StatsNeedsQuery,
        response: { 200: StatsNeeds, ...errorResponses },
      },
    },
    async (req) => needStats(app.ctx.database.db, requireActor(req), req.query),
  );
}
