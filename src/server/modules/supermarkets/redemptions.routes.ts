import { errorResponses, IdParams } from '../../../common/contract/common.js';
import {
  DayReport,
  DayReportQuery,
  MyRedemptionsQuery,
  RedemptionList,
  RedemptionListQuery,
  RedemptionSchema,
  ReverseBody,
  SupermarketParams,
  VOID_MINUTES,
} from '../../../common/contract/supermarkets.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import * as reports from './reports.service.js';
import { reverseRedemption, voidRedemption } from './reversal.service.js';

/** The back office of a supermarket: reversal, lists and the day report (its .xlsx files: modules/exports). */
export function redemptionRoutes(app: App): void {
  const tags = ['supermarkets'];
  const db = () => app.ctx.database.db;
  const base = '/api/v1/supermarkets/:siteId';

  app.post(
    '/api/v1/redemptions/:id/reverse',
    {
      schema: {
        tags,
        summary: 'Reverse a redemption with a reason: points and stock come back (site manager or admin)',
        params: IdParams,
        body: ReverseBody,
        response: { 200: RedemptionSchema, ...errorResponses },
      },
    },
    async (req) => reverseRedemption(db(), requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/redemptions/:id/void',
    {
      schema: {
        tags,
        summary: `Void a redemption of my counter within ${VOID_MINUTES} minutes: points and stock come back (clerk)`,
        description: `Later than ${VOID_MINUTES} minutes after the redemption: 422 VOID_WINDOW_CLOSED; a reversal is then the way.`,
        params: IdParams,
        body: ReverseBody,
        response: { 200: RedemptionSchema, ...errorResponses },
      },
    },
    async (req) => voidRedemption(db(), requireActor(req), req.params.id, req.body),
  );

  app.get(
    `${base}/redemptions`,
    {
      schema: {
        tags,
        summary: "A supermarket's redemptions, newest first (clerk)",
        params: SupermarketParams,
        querystring: RedemptionListQuery,
        response: { 200: RedemptionList, ...errorResponses },
      },
    },
    async (req) => reports.listSiteRedemptions(db(), requireActor(req), req.params.siteId, req.query),
  );

  app.get(
    '/api/v1/me/redemptions',
    {
      schema: {
        tags,
        summary: 'My own redemptions, newest first',
        querystring: MyRedemptionsQuery,
        response: { 200: RedemptionList, ...errorResponses },
      },
    },
    async (req) => reports.myRedemptions(db(), requireActor(req), req.query),
  );

  app.get(
    `${base}/day-report`,
    {
      schema: {
        tags,
        summary: 'One local day: redemptions, points, units per goods, stock in and out (clerk)',
        params: SupermarketParams,
        querystring: DayReportQuery,
        response: { 200: DayReport, ...errorResponses },
      },
    },
    async (req) => reports.dayReport(db(), requireActor(req), req.params.siteId, req.query.date),
  );
}
