/** Table types for Kysely. Column names are snake_case as in the migrations. */
import type { Generated } from 'kysely';

export interface RegionsTable {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
  kind: string;
  depth: number;
  lat: number | null;
  lng: number | null;
}

export interface ClosureTable {
  ancestor: string;
  descendant: string;
  depth: number;
}

export interface ServiceFieldsTable {
  code: string;
  name_zh: string;
  name_en: string;
  sort: number;
}

export interface UsersTable {
  id: string;
  username: string | null;
  display_name: string;
  phone_enc: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  password_hash: string;
  region_code: string | null;
  locale: string;
  status: string;
  created_at: string;
  email_enc: Generated<string | null>;
  email_masked: Generated<string | null>;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface OrganisationsTable {
  id: string;
  name: string;
  kind: string;
  level: string;
  region_code: string;
  parent_id: string | null;
  department_id: string | null;
  fields: string;
  description: string | null;
  status: string;
  created_at: string;
}

export interface VolunteersTable {
  id: string;
  user_id: string;
  volunteer_code: string;
  national_code: string | null;
  name: string;
  id_type: string;
  id_number_enc: string;
  id_number_hash: string;
  id_number_masked: string;
  birth_date: string | null;
  gender: string | null;
  region_code: string;
  skills: string;
  fields: string;
  availability: string;
  status: string;
  registered_at: string;
  updated_at: string;
  /** Confirmed service, in whole minutes: a cache of the confirmed records' sum. */
  confirmed_minutes: Generated<number>;
  star_level: Generated<number>;
  signup_suspended_until: Generated<string | null>;
}

export interface MembershipsTable {
  id: string;
  organisation_id: string;
  volunteer_id: string;
  role: string;
  status: string;
  joined_at: string;
}

export interface RoleGrantsTable {
  id: string;
  user_id: string;
  role: string;
  scope_type: string;
  scope_id: string;
  granted_by: string | null;
  created_at: string;
}

export interface SitesTable {
  id: string;
  name: string;
  type: string;
  region_code: string;
  address: string;
  lat: number;
  lng: number;
  organisation_id: string | null;
  opening_hours: string | null;
  facilities: string;
  accessibility: string | null;
  status: string;
  created_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  details: string;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface ProjectsTable {
  id: string;
  name: string;
  department_id: string;
  field: string;
  parent_id: string | null;
  description: string | null;
  goals: string | null;
  honours: string;
  created_at: string;
}

export interface QualificationKindsTable {
  code: string;
  name_zh: string;
  name_en: string;
}

export interface VolunteerQualificationsTable {
  id: string;
  volunteer_id: string;
  kind: string;
  expires_at: string | null;
  verified_by: string | null;
  created_at: string;
}

export interface ActivitiesTable {
  id: string;
  organisation_id: string;
  project_id: string | null;
  title: string;
  field: string;
  description: string;
  site_id: string | null;
  region_code: string;
  address: string;
  lat: number;
  lng: number;
  radius_m: number;
  requires_approval: number;
  risky: number;
  recurrence: string | null;
  status: string;
  created_by: string;
  created_at: string;
  published_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  first_start_at: string;
  last_end_at: string;
}

export interface ShiftsTable {
  id: string;
  activity_id: string;
  start_at: string;
  end_at: string;
  capacity: number;
  taken: Generated<number>;
  signup_deadline: string | null;
  min_age: number | null;
  max_age: number | null;
  required_qualifications: string;
  required_skills: string;
  break_minutes: Generated<number>;
  people_served: number | null;
  status: Generated<string>;
  closed_at: string | null;
  reminded_at: string | null;
}

export interface SignupsTable {
  id: string;
  shift_id: string;
  volunteer_id: string;
  status: string;
  seq: number;
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
  reason: string | null;
  start_at: string;
  end_at: string;
}

export interface AttendanceTable {
  id: string;
  shift_id: string;
  volunteer_id: string;
  signup_id: string | null;
  day: string;
  checked_in_at: string;
  in_method: string;
  in_lat: number | null;
  in_lng: number | null;
  in_accuracy_m: number | null;
  checked_out_at: string | null;
  out_method: string | null;
  out_lat: number | null;
  out_lng: number | null;
  out_accuracy_m: number | null;
  flags: string;
  reason: string | null;
  recorded_by: string | null;
  auto_closed: Generated<number>;
  created_at: string;
}

export interface ServiceRecordsTable {
  id: string;
  volunteer_id: string;
  activity_id: string;
  shift_id: string | null;
  organisation_id: string;
  attendance_id: string | null;
  service_date: string;
  start_at: string;
  end_at: string;
  minutes: number;
  content: string;
  place: string;
  source: string;
  status: string;
  evidence: string | null;
  recorded_by: string | null;
  approved_by: string | null;
  confirmed_at: string | null;
  revoked_by: string | null;
  revoked_at: string | null;
  revoke_reason: string | null;
  replaces_id: string | null;
  created_at: string;
  /** JSON list of attendance flags carried over (migration 020). */
  flags: Generated<string>;
}

export interface RecordCorrectionsTable {
  id: string;
  record_id: string;
  volunteer_id: string;
  requested_start: string | null;
  requested_end: string | null;
  reason: string;
  status: string;
  answer: string | null;
  answered_by: string | null;
  created_at: string;
  answered_at: string | null;
}

export interface InsurancePoliciesTable {
  id: string;
  activity_id: string | null;
  organisation_id: string | null;
  insurer: string;
  policy_number: string;
  starts_on: string;
  ends_on: string;
  created_by: string | null;
  created_at: string;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  data: string;
  dedupe_key: string | null;
  created_at: string;
  read_at: string | null;
}

export interface OutboxTable {
  id: string;
  notification_id: string;
  channel: string;
  status: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface NotificationPrefsTable {
  user_id: string;
  channel: string;
  enabled: number;
}

export interface CalendarFeedsTable {
  volunteer_id: string;
  token_hash: string;
  token_enc: string;
  created_at: string;
}

export interface DB {
  settings: SettingsTable;
  projects: ProjectsTable;
  qualification_kinds: QualificationKindsTable;
  volunteer_qualifications: VolunteerQualificationsTable;
  activities: ActivitiesTable;
  shifts: ShiftsTable;
  signups: SignupsTable;
  attendance: AttendanceTable;
  service_records: ServiceRecordsTable;
  record_corrections: RecordCorrectionsTable;
  insurance_policies: InsurancePoliciesTable;
  notifications: NotificationsTable;
  outbox: OutboxTable;
  notification_prefs: NotificationPrefsTable;
  calendar_feeds: CalendarFeedsTable;
  regions: RegionsTable;
  region_closure: ClosureTable;
  service_fields: ServiceFieldsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  organisations: OrganisationsTable;
  organisation_closure: ClosureTable;
  volunteers: VolunteersTable;
  memberships: MembershipsTable;
  role_grants: RoleGrantsTable;
  sites: SitesTable;
  audit_log: AuditLogTable;
}

/** Migration 030: the last version of each sign-up's calendar event a feed showed. */
export interface CalendarEventVersionsTable {
  signup_id: string;
  fingerprint: string;
  sequence: number;
  modified_at: string;
}

// Declaration merging adds the table to DB without editing the list above.
export interface DB {
  calendar_event_versions: CalendarEventVersionsTable;
}

/** Migration 050: points supermarket goods; `stock` caches the sum of its movements. */
export interface GoodsTable {
  id: string;
  site_id: string;
  name: string;
  points: number;
  stock: number;
  limit_per_person: number | null;
  limit_period: string | null;
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
  status: string;
  created_at: string;
  reversed_at: string | null;
  reversed_by: string | null;
  reverse_reason: string | null;
  reversal_transaction_id: string | null;
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
  kind: string;
  reason: string;
  redemption_id: string | null;
  actor_user_id: string | null;
  stock_after: number;
  created_at: string;
}

export interface DB {
  goods: GoodsTable;
  redemptions: RedemptionsTable;
  redemption_items: RedemptionItemsTable;
  stock_movements: StockMovementsTable;
}

/** Migration 040: the points ledger, point rules, earnings and job leases. */
export interface PointAccountsTable {
  id: string;
  kind: string;
  owner_id: string;
  balance: number;
  non_negative: number;
  entry_seq: number;
  created_at: string;
}

export interface PointTransactionsTable {
  id: string;
  kind: string;
  idempotency_key: string;
  source: string;
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
  scope_type: string;
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
}

export interface JobLeasesTable {
  name: string;
  holder: string | null;
  lease_until: string;
}

export interface DB {
  point_accounts: PointAccountsTable;
  point_transactions: PointTransactionsTable;
  point_entries: PointEntriesTable;
  point_rules: PointRulesTable;
  point_earnings: PointEarningsTable;
  job_leases: JobLeasesTable;
}
