/** Table types for the statistics kept as they happen (migration 140). Column names are snake_case as in the migrations. */

/** The counters of stats_flows and stats_deltas. */
export interface StatsCounters {
  /** Volunteers registered in the period (home region) who are active now. */
  registered: number;
  /** Active volunteers whose latest confirmed service falls in the period (month grain only). */
  last_served: number;
  /** Shifts with at least one confirmed record (a record without a shift is a session of its own). */
  sessions: number;
  /** Confirmed records (服务人次). */
  participations: number;
  people_served: number;
  minutes: number;
  points_issued: number;
  points_redeemed: number;
}

/** Counters of what happened, per region (and ancestor), department ('' = all), grain, period and field. */
export interface StatsFlowsTable extends StatsCounters {
  region_code: string;
  department_id: string;
  /** 'day' (period YYYY-MM-DD) or 'month' (period YYYY-MM), both local to the platform time zone. */
  grain: 'day' | 'month';
  period: string;
  /** A service field code, '' when the counter has none (registrations, redemptions), '*' for every field together. */
  field: string;
}

/** What exists now, per region (and ancestor), department ('' = all) and kind ('team:<level>', 'site:<type>'). */
export interface StatsStockTable {
  region_code: string;
  department_id: string;
  kind: string;
  n: number;
}

/** The local month (YYYY-MM) of each volunteer's latest confirmed service. */
export interface StatsLastServedTable {
  volunteer_id: string;
  month: string;
}

/** Per month, region (and ancestor) and brand project. */
export interface StatsProjectsTable {
  region_code: string;
  month: string;
  project_id: string;
  sessions: number;
  participations: number;
  minutes: number;
}

/** A transaction's additions, not yet folded: one row per event and department, at its own region and day. */
export interface StatsDeltasTable extends StatsCounters {
  region_code: string;
  department_id: string;
  day: string;
  field: string;
  /** '' when none. */
  project_id: string;
}

/** Migration 160: how many active memberships a volunteer holds in organisations under a department. */
export interface StatsDepartmentMembersTable {
  volunteer_id: string;
  department_id: string;
  n: number;
}

export interface StatsTables {
  stats_department_members: StatsDepartmentMembersTable;
  stats_deltas: StatsDeltasTable;
  stats_flows: StatsFlowsTable;
  stats_stock: StatsStockTable;
  stats_last_served: StatsLastServedTable;
  stats_projects: StatsProjectsTable;
}
