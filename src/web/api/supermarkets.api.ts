import type { z } from 'zod';
import type {
  CreateGoodsBody,
  DayReport,
  Goods,
  GoodsList,
  MemberLookupAnswer,
  MemberLookupBody,
  RedeemAnswer,
  RedeemBody,
  Redemption,
  RedemptionList,
  StockAnswer,
  StockBody,
  StockMovement,
  StockMovementList,
  UpdateGoodsBody,
} from '../../common/contract/supermarkets.js';
import type { Site } from '../../common/contract/sites.js';
import { api, apiUrl } from './http-client.js';

export type GoodsInput = z.input<typeof CreateGoodsBody>;
export type GoodsUpdate = z.input<typeof UpdateGoodsBody>;
export type StockInput = z.input<typeof StockBody>;
export type RedeemInput = z.input<typeof RedeemBody>;
export type Member = z.infer<typeof MemberLookupAnswer>;
export type MemberLookupInput = z.input<typeof MemberLookupBody>;
export type Receipt = z.infer<typeof RedeemAnswer>;
export type Report = z.infer<typeof DayReport>;
export type RedemptionPage = z.infer<typeof RedemptionList>;
export type { Goods, Redemption, StockMovement };

const id = encodeURIComponent;
const base = (siteId: string) => `/supermarkets/${id(siteId)}`;

export const getSite = (siteId: string) => api.get<Site>(`/sites/${id(siteId)}`);

export const listGoods = (siteId: string) => api.get<z.infer<typeof GoodsList>>(`${base(siteId)}/goods`);
export const createGoods = (siteId: string, body: GoodsInput) => api.post<Goods>(`${base(siteId)}/goods`, body);
export const updateGoods = (siteId: string, goodsId: string, body: GoodsUpdate) =>
  api.patch<Goods>(`${base(siteId)}/goods/${id(goodsId)}`, body);
export const changeStock = (siteId: string, goodsId: string, body: StockInput) =>
  api.post<z.infer<typeof StockAnswer>>(`${base(siteId)}/goods/${id(goodsId)}/stock`, body);
export const listMovements = (siteId: string, goodsId: string, cursor?: string) =>
  api.get<z.infer<typeof StockMovementList>>(`${base(siteId)}/goods/${id(goodsId)}/movements`, { cursor, limit: 50 });

/** Who a scanned member code, or a volunteer code or phone with the counter PIN, names (masked) and their balance. */
export const memberLookup = (siteId: string, body: MemberLookupInput) =>
  api.post<Member>(`${base(siteId)}/member-lookup`, body);
export const redeem = (siteId: string, body: RedeemInput) => api.post<Receipt>(`${base(siteId)}/redemptions`, body);
export const reverseRedemption = (redemptionId: string, body: { reason: string; idempotencyKey: string }) =>
  api.post<Redemption>(`/redemptions/${id(redemptionId)}/reverse`, body);
/** The counter's own void, within VOID_MINUTES of the redemption. */
export const voidRedemption = (redemptionId: string, body: { reason: string; idempotencyKey: string }) =>
  api.post<Redemption>(`/redemptions/${id(redemptionId)}/void`, body);

export const siteRedemptions = (siteId: string, q: { from?: string; to?: string; cursor?: string } = {}) =>
  api.get<RedemptionPage>(`${base(siteId)}/redemptions`, { ...q, limit: 50 });
export const myRedemptions = (cursor?: string) => api.get<RedemptionPage>('/me/redemptions', { cursor, limit: 50 });
export const dayReport = (siteId: string, date: string) => api.get<Report>(`${base(siteId)}/day-report`, { date });

/** Download links for the .xlsx exports (the session cookie authorises them). */
export const exportUrl = (siteId: string, kind: 'redemptions' | 'stock', q: { from?: string; to?: string }): string =>
  apiUrl(`${base(siteId)}/${kind}.xlsx`, { from: q.from, to: q.to });

/** React Query keys of the points supermarkets. */
export const supermarketKeys = {
  goods: (siteId: string) => ['goods', siteId] as const,
  movements: (siteId: string, goodsId: string) => ['movements', siteId, goodsId] as const,
  siteRedemptions: (siteId: string) => ['redemptions', 'site', siteId] as const,
  myRedemptions: (volunteerId: string) => ['redemptions', 'mine', volunteerId] as const,
  dayReport: (siteId: string, date: string) => ['day-report', siteId, date] as const,
};
