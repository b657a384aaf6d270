import { sql, type Kysely } from 'kysely';

// Frozen. stats_flows also keeps, per region, department, grain and period, the sum over every
// service field under field '*', so an overview by region and month reads one row per period
// instead of one per field (a city's year at day grain was 42 regions × 31 days × 13 fields).
// The fold writes these rows with the others from now on; here they are added up once from what
// is kept.

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
  const cols = sql.join(COUNTERS.map((c) => sql.ref(c)));
  const sums = sql.join(COUNTERS.map((c) => sql`sum(${sql.ref(c)})`));
  await sql`
    insert into stats_flows (region_code, department_id, grain, period, field, ${cols})
    select region_code, department_id, grain, period, '*', ${sums} from stats_flows
    where field <> '*'
    group by region_code, department_id, grain, period`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from stats_flows where field = '*'`.execute(db);
}
