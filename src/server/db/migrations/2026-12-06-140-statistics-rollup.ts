import type { Kysely } from 'kysely';

// Frozen. Statistics kept as they happen, in the transactions that change what they count, so
// the overview reads a few hundred rows instead of the records (modules/stats/stats.keeping.ts).
//
// stats_flows: what happened per local day (grain 'day', period YYYY-MM-DD) and per local month
// (grain 'month', period YYYY-MM), under every region that contains where it happened (the region
// itself and each ancestor: a street's service also counts in its district and the city), once
// for everyone (department_id '') and once for each department the organisation lies under, per
// service field ('' for what has none). Counters only ever move by deltas.
//
// stats_stock: what exists now (active teams per level, active sites per type), per region and
// its ancestors and per department, keyed by kind ('team:district', 'site:supermarket').
//
// stats_last_served: the month of each volunteer's latest confirmed service, so that moving it
// moves the volunteer between the months of stats_flows.last_served (active volunteers are the
// sum over the last twelve months).
//
// stats_projects: per month, region (and ancestors) and project, for the brand project ranking.
//
// stats_deltas: what a transaction adds, one row per event and department ('' and each one the
// organisation lies under), at the event's own region and local day. Appending never waits for
// another transaction (an UPDATE of the city's row would make every redemption queue behind the
// last); readers add the pending rows to the folded ones, and a job folds them into stats_flows and
// stats_projects under every ancestor region and both grains.
//
// An index on records by shift and status: whether a shift still has a confirmed record decides
// whether it is a session; one on attendance by check-in time, for today's check-ins.

const COUNTERS = [
  'registered',
  'last_served',
  'sessions',
  'participations',
  'people_served',
  'minutes',
  'points_issued',
  'points_redeemed',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  let flows = db.schema
    .createTable('stats_flows')
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('grain', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull());
  for (const name of COUNTERS) flows = flows.addColumn(name, 'bigint', (c) => c.notNull().defaultTo(0));
  await flows
    .addPrimaryKeyConstraint('stats_flows_pk', ['region_code', 'department_id', 'grain', 'period', 'field'])
    .execute();

  await db.schema
    .createTable('stats_stock')
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('stats_stock_pk', ['region_code', 'department_id', 'kind'])
    .execute();

  await db.schema
    .createTable('stats_last_served')
    .addColumn('volunteer_id', 'text', (c) => c.primaryKey())
    .addColumn('month', 'text', (c) => c.notNull())
    .execute();

  let deltas = db.schema
    .createTable('stats_deltas')
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull());
  for (const name of COUNTERS) deltas = deltas.addColumn(name, 'bigint', (c) => c.notNull().defaultTo(0));
  await deltas.execute();

  await db.schema
    .createTable('stats_projects')
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('sessions', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('participations', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('minutes', 'bigint', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('stats_projects_pk', ['region_code', 'month', 'project_id'])
    .execute();

  // Whether a shift still has a confirmed record decides whether it is a session.
  await db.schema.createIndex('records_shift_status').on('service_records').columns(['shift_id', 'status']).execute();
  // Today's check-ins are counted from the attendance by time.
  await db.schema.createIndex('attendance_checked_in').on('attendance').column('checked_in_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('attendance_checked_in').execute();
  await db.schema.dropIndex('records_shift_status').execute();
  for (const t of ['stats_deltas', 'stats_projects', 'stats_last_served', 'stats_stock', 'stats_flows']) {
    await db.schema.dropTable(t).execute();
  }
}
