import { IdParams, errorResponses } from '../../../common/contract/common.js';
import {
  AdjustmentAnswer,
  AdjustmentBody,
  PointRuleBody,
  PointRuleList,
  PointRuleQuery,
  PointRuleSchema,
  PointStatement,
  PointStatementQuery,
} from '../../../common/contract/points.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import * as rules from './rules.service.js';
import * as statements from './statements.service.js';

export function pointsRoutes(app: App): void {
  const tags = ['points'];
  const db = () => app.ctx.database.db;

  app.get(
    '/api/v1/volunteers/:id/points',
    {
      schema: {
        tags,
        summary: "A volunteer's points: balance and history with the running balance",
        params: IdParams,
        querystring: PointStatementQuery,
        response: { 200: PointStatement, ...errorResponses },
      },
    },
    async (req) => statements.statementOf(db(), requireActor(req), req.params.id, req.query),
  );

  app.post(
    '/api/v1/volunteers/:id/points/adjustments',
    {
      schema: {
        tags,
        summary: 'Adjust a wallet with a reason (region/system admins; never below zero)',
        params: IdParams,
        body: AdjustmentBody,
        response: { 201: AdjustmentAnswer, 200: AdjustmentAnswer, ...errorResponses },
      },
    },
    async (req, reply) => {
      const r = await statements.adjustPoints(db(), requireActor(req), req.params.id, req.body);
      return reply.status(r.replayed ? 200 : 201).send(r);
    },
  );

  app.post(
    '/api/v1/point-rules',
    {
      schema: {
        tags,
        summary: 'Create a point rule for a region or department',
        body: PointRuleBody,
        response: { 201: PointRuleSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await rules.createRule(db(), requireActor(req), req.body)),
  );

  app.get(
    '/api/v1/point-rules',
    {
      schema: {
        tags,
        summary: 'Point rules, newest first',
        querystring: PointRuleQuery,
        response: { 200: PointRuleList, ...errorResponses },
      },
    },
    async (req) => rules.listRules(db(), requireActor(req), req.query),
  );
}
