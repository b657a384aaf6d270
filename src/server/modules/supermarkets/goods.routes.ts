import { errorResponses, OPTIONAL_AUTH } from '../../../common/contract/common.js';
import {
  CreateGoodsBody,
  GoodsList,
  GoodsParams,
  GoodsSchema,
  MemberLookupAnswer,
  MemberLookupBody,
  MovementListQuery,
  RedeemAnswer,
  RedeemBody,
  StockAnswer,
  StockBody,
  StockMovementList,
  SupermarketParams,
  UpdateGoodsBody,
} from '../../../common/contract/supermarkets.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import * as goods from './goods.service.js';
import * as redemptions from './redemptions.service.js';

/** The counter side of a supermarket: catalogue, stock, member look-up and redemption. */
export function goodsRoutes(app: App): void {
  const tags = ['supermarkets'];
  const db = () => app.ctx.database.db;
  const base = '/api/v1/supermarkets/:siteId';

  app.post(
    `${base}/goods`,
    {
      schema: {
        tags,
        summary: 'Add goods to a supermarket (clerk)',
        params: SupermarketParams,
        body: CreateGoodsBody,
        response: { 201: GoodsSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await goods.createGoods(db(), requireActor(req), req.params.siteId, req.body)),
  );

  app.get(
    `${base}/goods`,
    {
      schema: {
        security: OPTIONAL_AUTH,
        tags,
        summary: 'Catalogue (public); staff also see stock and withdrawn goods',
        params: SupermarketParams,
        response: { 200: GoodsList, ...errorResponses },
      },
    },
    async (req) => goods.listGoods(db(), req.actor, req.params.siteId),
  );

  app.patch(
    `${base}/goods/:goodsId`,
    {
      schema: {
        tags,
        summary: 'Change price, limits, donor, picture or whether goods are offered (clerk)',
        params: GoodsParams,
        body: UpdateGoodsBody,
        response: { 200: GoodsSchema, ...errorResponses },
      },
    },
    async (req) => goods.updateGoods(db(), requireActor(req), req.params.siteId, req.params.goodsId, req.body),
  );

  app.post(
    `${base}/goods/:goodsId/stock`,
    {
      schema: {
        tags,
        summary: 'Stock in (delta > 0) or out (delta < 0) with a reason (clerk)',
        params: GoodsParams,
        body: StockBody,
        response: { 201: StockAnswer, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await goods.changeStock(db(), requireActor(req), req.params.siteId, req.params.goodsId, req.body)),
  );

  app.get(
    `${base}/goods/:goodsId/movements`,
    {
      schema: {
        tags,
        summary: 'Stock history of one goods, newest first (clerk)',
        params: GoodsParams,
        querystring: MovementListQuery,
        response: { 200: StockMovementList, ...errorResponses },
      },
    },
    async (req) => goods.listMovements(db(), requireActor(req), req.params.siteId, req.params.goodsId, req.query),
  );

  app.post(
    `${base}/member-lookup`,
    {
      schema: {
        tags,
        summary:
          'Who is at the counter and their balance: by member code, or by volunteer code or phone and PIN (clerk)',
        description:
          'With `{volunteerCode, pin}` or `{phone, pin}` the answer carries a `memberToken` to send as `memberCode` in ' +
          'the redemption (this clerk, this supermarket, 10 minutes). Any code, phone or PIN that does not open answers ' +
          'the same 422 PIN_REFUSED; 5 wrong PINs in a row lock the PIN for 30 minutes or until a new one is set.',
        params: SupermarketParams,
        body: MemberLookupBody,
        response: { 200: MemberLookupAnswer, ...errorResponses },
      },
    },
    async (req) => redemptions.memberLookup(app.ctx, requireActor(req), req.params.siteId, req.body),
  );

  app.post(
    `${base}/redemptions`,
    {
      schema: {
        tags,
        summary: 'Redeem goods for points at the counter (clerk); a repeated idempotencyKey answers like the first',
        params: SupermarketParams,
        body: RedeemBody,
        response: { 201: RedeemAnswer, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await redemptions.redeem(app.ctx, requireActor(req), req.params.siteId, req.body)),
  );
}
