import { z } from 'zod';
import { IdParams, errorResponses, PUBLIC } from '../../../common/contract/common.js';
import {
  AnswerReportBody,
  MyReportsQuery,
  ReportList,
  ReportListQuery,
  ReportSchema,
  ReportStatsQuery,
  ReportStatsSchema,
  RouteReportBody,
  RoutingRuleBody,
  RoutingRuleList,
  RoutingRuleQuery,
  RoutingRuleSchema,
} from '../../../common/contract/reports.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import { photoUploadRoute } from '../files/index.js';
import { REPORT_PHOTOS_PER_USER_HOUR, takeReportPhotoSlot } from './reports.limits.js';
import { uploadReportPhoto } from './reports.photos.js';
import { deleteRoutingRule, listRoutingRules, setRoutingRule } from './reports.routing.js';
import * as service from './reports.service.js';
import { reportStats, scopedReportStats } from './reports.stats.js';
import { reportSubmitRoute } from './reports.submit.js';

export function reportRoutes(app: App): void {
  const tags = ['reports'];
  const db = () => app.ctx.database.db;
  const ctx = () => ({ db: db(), cipher: app.ctx.cipher, files: app.ctx.files });
  const one = { 200: ReportSchema, ...errorResponses };

  reportSubmitRoute(app);

  photoUploadRoute(app, {
    path: '/api/v1/reports/photos',
    tags,
    summary: 'Upload a photo for a report or an answer to one (JPEG or PNG; metadata such as GPS removed)',
    attach:
      'Attach the returned id with `photoIds` on POST /reports or POST /reports/:id/answer; one never attached is deleted after 48 hours. ' +
      `At most ${REPORT_PHOTOS_PER_USER_HOUR} photos per person an hour: 429 after, before the body is read.`,
    check: (actor) => takeReportPhotoSlot(app.ctx, actor),
    store: (actor, _id, bytes) => uploadReportPhoto(ctx(), actor, bytes),
  });

  app.get(
    '/api/v1/reports/mine',
    {
      schema: {
        tags,
        summary: 'The caller’s own reports, newest first, each with its timeline',
        querystring: MyReportsQuery,
        response: { 200: ReportList, ...errorResponses },
      },
    },
    async (req) => service.myReports(ctx(), requireActor(req), req.query),
  );

  app.get(
    '/api/v1/reports',
    {
      schema: {
        tags,
        summary:
          'Reports in the caller’s scope: region admins their regions’, organisations those routed to them (positions only on GET /reports/:id)',
        querystring: ReportListQuery,
        response: { 200: ReportList, ...errorResponses },
      },
    },
    async (req) => service.listReports(ctx(), requireActor(req), req.query),
  );

  app.get(
    '/api/v1/reports/stats',
    {
      schema: {
        tags,
        summary: 'Reports in the caller’s scope by category, status and child region, with handling times',
        querystring: ReportStatsQuery,
        response: { 200: ReportStatsSchema, ...errorResponses },
      },
    },
    async (req) => scopedReportStats(db(), requireActor(req), req.query),
  );

  app.get(
    '/api/v1/reports/stats/public',
    {
      schema: {
        security: PUBLIC,
        tags,
        summary:
          'Reports of a region (default: all) by category, status and child region, with handling times, for the big screen (aggregates only)',
        querystring: ReportStatsQuery,
        response: { 200: ReportStatsSchema, ...errorResponses },
      },
    },
    async (req) => reportStats(db(), 'all', req.query),
  );

  app.get(
    '/api/v1/reports/routes',
    {
      schema: {
        tags,
        summary: 'Routing rules of the caller’s regions: (region, category) → the organisation responsible',
        querystring: RoutingRuleQuery,
        response: { 200: RoutingRuleList, ...errorResponses },
      },
    },
    async (req) => listRoutingRules(db(), requireActor(req), req.query.regionCode),
  );

  app.put(
    '/api/v1/reports/routes',
    {
      schema: {
        tags,
        summary:
          'A region admin sets who handles a category of reports in a region (and below, unless a rule there says otherwise)',
        body: RoutingRuleBody,
        response: { 200: RoutingRuleSchema, ...errorResponses },
      },
    },
    async (req) => setRoutingRule(db(), requireActor(req), req.body),
  );

  app.delete(
    '/api/v1/reports/routes/:id',
    {
      schema: {
        tags,
        summary: 'Remove a routing rule (new reports then go by the next rule up, or to the queue)',
        params: IdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await deleteRoutingRule(db(), requireActor(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/reports/:id',
    {
      schema: {
        tags,
        summary: 'One report with its timeline (reading its position is audited for staff)',
        params: IdParams,
        response: one,
      },
    },
    async (req) => service.getReport(ctx(), requireActor(req), req.params.id),
  );

  app.post(
    '/api/v1/reports/:id/route',
    {
      schema: {
        tags,
        summary:
          'A region admin over the report routes it by hand to an organisation (from the queue, or elsewhere while open)',
        params: IdParams,
        body: RouteReportBody,
        response: one,
      },
    },
    async (req) => service.routeReport(ctx(), requireActor(req), req.params.id, req.body.organisationId),
  );

  app.post(
    '/api/v1/reports/:id/answer',
    {
      schema: {
        tags,
        summary:
          'The organisation it is with answers: handled (the reporter may earn points by rule, once), forwarded to another organisation, or rejected with a reason',
        params: IdParams,
        body: AnswerReportBody,
        response: one,
      },
    },
    async (req) => service.answerReport(ctx(), requireActor(req), req.params.id, req.body),
  );
}
