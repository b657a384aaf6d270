/** Table types for points supermarkets: goods, stock movements and redemptions. Column names are snake_case as in the migrations. */
import type { LimitPeriod, RedemptionStatus, StockMovementKind } from '../../../common/contract/supermarkets.js';

// Declaration merging adds the table to DB without editing the list above.

/** Migration 050: points supermarket goods; `stock` caches the sum of its movements. */
export interface GoodsTable {
  id: string;
  site_id: string;
  name: string;
  points: number;
  stock: number;
  limit_per_person: number | null;
  limit_period: LimitPeriod | null;
  donor: string | null;
  image_url: string | null;
  active: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Migration 050: a redemption order at a supermarket counter. */
export interface RedemptionsTable {
  id: string;
  site_id: string;
  volunteer_id: string;
  clerk_user_id: string;
  idempotency_key: string;
  points: number;
  balance_after: number;
  transaction_id: string;
  status: RedemptionStatus;
  created_at: string;
  reversed_at: string | null;
  reversed_by: string | null;
  reverse_reason: string | null;
  reversal_transaction_id: string | null;
  /** Migration 110: the short number printed on the receipt (unique; given to older rows by the migration). */
  receipt_no: string;
}

export interface RedemptionItemsTable {
  id: string;
  redemption_id: string;
  goods_id: string;
  qty: number;
  points_each: number;
}

/** Migration 050: append-only stock changes (initial, in, out, redemption, reversal). */
export interface StockMovementsTable {
  id: string;
  goods_id: string;
  site_id: string;
  delta: number;
  kind: StockMovementKind;
  reason: string;
  redemption_id: string | null;
  actor_user_id: string | null;
  stock_after: number;
  created_at: string;
}

export interface SupermarketsTables {
  goods: GoodsTable;
  redemptions: RedemptionsTable;
  redemption_items: RedemptionItemsTable;
  stock_movements: StockMovementsTable;
}
