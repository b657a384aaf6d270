/** Table types for the points ledger, rules, earnings and job leases. Column names are snake_case as in the migrations. */
import type {
  PointAccountKind,
  PointRuleScopeType,
  PointTransactionKind,
  PointTransactionSource,
} from '../../../common/enums.js';

/** Migration 040: the points ledger, point rules, earnings and job leases. */
export interface PointAccountsTable {
  id: string;
  kind: PointAccountKind;
  owner_id: string;
  balance: number;
  non_negative: number;
  entry_seq: number;
  created_at: string;
}

export interface PointTransactionsTable {
  id: string;
  kind: PointTransactionKind;
  idempotency_key: string;
  source: PointTransactionSource;
  source_id: string | null;
  memo: string | null;
  actor_user_id: string | null;
  reverses_id: string | null;
  created_at: string;
}

export interface PointEntriesTable {
  id: string;
  transaction_id: string;
  account_id: string;
  seq: number;
  amount: number;
  balance_after: number;
  expires_at: string | null;
  created_at: string;
}

export interface PointRulesTable {
  id: string;
  scope_type: PointRuleScopeType;
  scope_id: string;
  points_per_hour: number;
  points_per_activity: number;
  sources: string;
  field_multipliers: string;
  project_multipliers: string;
  bonuses: string;
  daily_cap: number | null;
  monthly_cap: number | null;
  expiry: string;
  budget_limited: number;
  created_by: string;
  created_at: string;
}

export interface PointEarningsTable {
  record_id: string;
  volunteer_id: string;
  transaction_id: string;
  rule_id: string;
  day: string;
  month: string;
  points: number;
  created_at: string;
  /** Migration 130: the EarningBreakdown as JSON; null for earnings made before it. */
  breakdown: string | null;
}

/** Migration 210: an admin's adjustment of a wallet, applied at once or after a second admin's approval. */
export interface PointAdjustmentsTable {
  id: string;
  volunteer_id: string;
  region_code: string;
  scope_code: string | null;
  amount: number;
  reason: string;
  requested_by: string;
  idempotency_key: string;
  status: 'pending' | 'applied' | 'rejected';
  transaction_id: string | null;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  created_at: string;
}

export interface JobLeasesTable {
  name: string;
  holder: string | null;
  lease_until: string;
}

export interface PointsTables {
  point_accounts: PointAccountsTable;
  point_transactions: PointTransactionsTable;
  point_entries: PointEntriesTable;
  point_rules: PointRulesTable;
  point_earnings: PointEarningsTable;
  point_adjustments: PointAdjustmentsTable;
  job_leases: JobLeasesTable;
}
