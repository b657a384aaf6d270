import { IdParams, errorResponses } from '../../../common/contract/common.js';
import {
  AdjustmentAnswer,
  AdjustmentBody,
  AdjustmentDecisionBody,
  PointAdjustmentList,
  PointAdjustmentQuery,
  PointAdjustmentSchema,
  PointRuleBody,
  PointRuleList,
  PointRuleQuery,
  PointRuleSchema,
  PointStatement,
  PointStatementQuery,
} from '../../../common/contract/points.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import * as adjustments from './adjustments.service.js';
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
        description:
          "Posts against the system account of the volunteer's region. At most the `adjustmentMaxPoints` " +
          'setting either way (422 `adjustment_over_cap`); above `adjustmentApprovalPoints` it is recorded ' +
          'pending (202) and applied only when a second admin approves it. The idempotency key is yours: ' +
          'a repeat with the same body answers the first result (200), another body is a 409.',
        params: IdParams,
        body: AdjustmentBody,
        response: { 201: AdjustmentAnswer, 202: AdjustmentAnswer, 200: AdjustmentAnswer, ...errorResponses },
      },
    },
    async (req, reply) => {
      const r = await adjustments.adjustPoints(db(), requireActor(req), req.params.id, req.body);
      return reply.status(r.replayed ? 200 : r.status === 'pending' ? 202 : 201).send(r);
    },
  );

  app.get(
    '/api/v1/point-adjustments',
    {
      schema: {
        tags,
        summary: 'Adjustments in your regions, oldest first (default: those pending approval)',
        querystring: PointAdjustmentQuery,
        response: { 200: PointAdjustmentList, ...errorResponses },
      },
    },
    async (req) => adjustments.listAdjustments(db(), requireActor(req), req.query),
  );

  for (const decision of ['approve', 'reject'] as const) {
    app.post(
      `/api/v1/point-adjustments/:id/${decision}`,
      {
        schema: {
          tags,
          summary:
            decision === 'approve'
              ? "Approve a pending adjustment: it is applied (a second admin over the asker's scope, not the asker)"
              : "Reject a pending adjustment: nothing is applied (a second admin over the asker's scope)",
          params: IdParams,
          body: AdjustmentDecisionBody.nullish(),
          response: { 200: PointAdjustmentSchema, ...errorResponses },
        },
      },
      async (req) =>
        adjustments.decideAdjustment(db(), requireActor(req), req.params.id, decision, req.body?.reason ?? null),
    );
  }

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
