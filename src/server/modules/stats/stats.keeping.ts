/**
 * Statistics kept as they happen: each function is called inside the transaction that changes
 * what it counts (a record confirmed or revoked, a redemption made or reversed, a volunteer
 * registered, moved or closed, a site or team opened, a shift's people served), and appends
 * what changed to stats_deltas at the event's own region and local day, once for everyone
 * (department '') and once per department the organisation lies under. Appending never waits
 * for another transaction; readers add the pending rows to the folded ones (stats.fold.ts),
 * so a figure is exact the moment its transaction commits.
 */
import type { Transaction } from 'kysely';
import { localDate } from '../../../common/zoned-time.js';
import { toNumber, type Db } from '../../db/database.js';
import type { DB, StatsDeltasTable } from '../../db/schema.js';
import { getSettings } from '../../platform/settings/settings.service.js';

/** The counters of stats_flows and stats_deltas. */
export const COUNTERS = [
  'registered',
  'last_served',
  'sessions',
  'participations',
  'people_served',
  'minutes',
  'points_issued',
  'points_redeemed',
] as const;
export type Counter = (typeof COUNTERS)[number];

/** stats_flows' field for the sum over every field ('' is what has no field; no field code is '*'). */
export const ALL_FIELDS = '*';
export type Counts = Partial<Record<Counter, number>>;

const ZERO: Record<Counter, number> = Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Record<Counter, number>;

/**
 * Departments an organisation lies under: every department among its ancestors (itself
 * included) and every department an ancestor names as supervisor (department_id). The same
 * rule as the overview's department filter. Organisations never move, so the answer is kept
 * (ids are unique across databases).
 */
const departmentsCache = new Map<string, string[]>();
const DEPARTMENTS_CACHE_MAX = 50_000;

export async function departmentsOf(db: Db, organisationId: string): Promise<string[]> {
  const hit = departmentsCache.get(organisationId);
  if (hit) return hit;
  const rows = await db
    .selectFrom('organisation_closure as oc')
    .innerJoin('organisations as o', 'o.id', 'oc.ancestor')
    .select(['o.id', 'o.kind', 'o.department_id'])
    .where('oc.descendant', '=', organisationId)
    .execute();
  const found = new Set<string>();
  for (const r of rows) {
    if (r.kind === 'department') found.add(r.id);
    if (r.department_id) found.add(r.department_id);
  }
  const answer = [...found].sort();
  // Unknown organisations are not kept: one may be created later with that id by a test.
  if (rows.length > 0) {
    if (departmentsCache.size >= DEPARTMENTS_CACHE_MAX) departmentsCache.clear();
    departmentsCache.set(organisationId, answer);
  }
  return answer;
}

export interface Where {
  regionCode: string;
  /** The organisation whose departments also get the row; null: only the everyone row. */
  organisationId: string | null;
  /** Departments that also get the row, when not those of an organisation. */
  departments?: string[];
  /** Only the departments' rows, not everyone's. */
  onlyDepartments?: boolean;
  /** Local day YYYY-MM-DD. */
  day: string;
  field?: string;
  projectId?: string | null;
}

/** Appends one event's counters, for everyone and for each department of its organisation. */
export async function appendDelta(trx: Db, at: Where, counts: Counts): Promise<void> {
  if (Object.values(counts).every((v) => !v) || (at.onlyDepartments && (at.departments ?? []).length === 0)) return;
  const departments = at.organisationId ? await departmentsOf(trx, at.organisationId) : (at.departments ?? []);
  const rows: StatsDeltasTable[] = (at.onlyDepartments ? departments : ['', ...departments]).map((department) => ({
    region_code: at.regionCode,
    department_id: department,
    day: at.day,
    field: at.field ?? '',
    project_id: at.projectId ?? '',
    ...ZERO,
    ...counts,
  }));
  await trx.insertInto('stats_deltas').values(rows).execute();
}

const timeZoneOf = async (trx: Db) => (await getSettings(trx)).timeZone;

/** What the statistics need of a service record. */
export interface CountedRecord {
  volunteer_id: string;
  activity_id: string;
  shift_id: string | null;
  organisation_id: string;
  service_date: string;
  minutes: number;
}

/**
 * A record was confirmed (sign 1, after its status changed and its points were earned) or a
 * confirmed one revoked (sign -1, `points` what the revocation took back). One participation,
 * its minutes and points at its service day and the activity's region and field; its shift
 * becomes a session with its first confirmed record and stops being one with its last (a
 * record without a shift is a session of its own); the volunteer's latest service may move.
 */
export async function recordCounted(
  trx: Transaction<DB>,
  record: CountedRecord,
  sign: 1 | -1,
  points: number,
): Promise<void> {
  const a = await trx
    .selectFrom('activities')
    .select(['region_code', 'field', 'project_id', 'organisation_id'])
    .where('id', '=', record.activity_id)
    .executeTakeFirst();
  if (!a) return;
  const place = { regionCode: a.region_code, field: a.field, projectId: a.project_id };
  await appendDelta(
    trx,
    { ...place, organisationId: record.organisation_id, day: record.service_date.slice(0, 10) },
    {
      participations: sign,
      minutes: sign * record.minutes,
      points_issued: sign * points,
      ...(record.shift_id ? {} : { sessions: sign }),
    },
  );
  if (record.shift_id) {
    const left = await confirmedOfShift(trx, record.shift_id);
    if ((sign === 1 && left === 1) || (sign === -1 && left === 0)) {
      const shift = await shiftFacts(trx, record.shift_id);
      if (shift) {
        await appendDelta(
          trx,
          { ...place, organisationId: a.organisation_id, day: localDate(shift.start_at, await timeZoneOf(trx)) },
          { sessions: sign, people_served: sign * (shift.people_served ?? 0) },
        );
      }
    }
  }
  await moveLastServed(trx, record.volunteer_id, sign === 1 ? record.service_date.slice(0, 7) : null);
}

async function confirmedOfShift(db: Db, shiftId: string): Promise<number> {
  const row = await db
    .selectFrom('service_records')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('shift_id', '=', shiftId)
    .where('status', '=', 'confirmed')
    .executeTakeFirst();
  return toNumber(row?.n);
}

const shiftFacts = (db: Db, shiftId: string) =>
  db.selectFrom('shifts').select(['start_at', 'people_served']).where('id', '=', shiftId).executeTakeFirst();

/**
 * The people served of a shift changed by `delta`: if the shift is a session (it has a
 * confirmed record), its figure moves with it.
 */
export async function peopleServedChanged(trx: Transaction<DB>, shiftId: string, delta: number): Promise<void> {
  if (delta === 0 || (await confirmedOfShift(trx, shiftId)) === 0) return;
  const row = await trx
    .selectFrom('shifts as sh')
    .innerJoin('activities as a', 'a.id', 'sh.activity_id')
    .select(['sh.start_at', 'a.region_code', 'a.field', 'a.project_id', 'a.organisation_id'])
    .where('sh.id', '=', shiftId)
    .executeTakeFirst();
  if (!row) return;
  await appendDelta(
    trx,
    {
      regionCode: row.region_code,
      organisationId: row.organisation_id,
      day: localDate(row.start_at, await timeZoneOf(trx)),
      field: row.field,
      projectId: row.project_id,
    },
    { people_served: delta },
  );
}

/**
 * Keeps the month of the volunteer's latest confirmed service: a confirmation in `month` can
 * only move it later; a revocation (month null) finds it again from the records. An active
 * volunteer's move shows in last_served at their own region.
 */
async function moveLastServed(trx: Transaction<DB>, volunteerId: string, month: string | null): Promise<void> {
  const stored =
    (
      await trx
        .selectFrom('stats_last_served')
        .select('month')
        .where('volunteer_id', '=', volunteerId)
        .executeTakeFirst()
    )?.month ?? null;
  let next: string | null;
  if (month !== null) next = stored !== null && stored >= month ? stored : month;
  else {
    const latest = await trx
      .selectFrom('service_records')
      .select((eb) => eb.fn.max('service_date').as('day'))
      .where('volunteer_id', '=', volunteerId)
      .where('status', '=', 'confirmed')
      .executeTakeFirst();
    next = latest?.day ? String(latest.day).slice(0, 7) : null;
  }
  if (next === stored) return;
  if (next === null) await trx.deleteFrom('stats_last_served').where('volunteer_id', '=', volunteerId).execute();
  else if (stored === null)
    await trx.insertInto('stats_last_served').values({ volunteer_id: volunteerId, month: next }).execute();
  else
    await trx.updateTable('stats_last_served').set({ month: next }).where('volunteer_id', '=', volunteerId).execute();
  const v = await trx
    .selectFrom('volunteers')
    .select(['region_code', 'status'])
    .where('id', '=', volunteerId)
    .executeTakeFirst();
  if (v?.status !== 'active') return;
  const departments = await memberDepartments(trx, volunteerId);
  if (stored !== null) await lastServedMoved(trx, v.region_code, departments, stored, -1);
  if (next !== null) await lastServedMoved(trx, v.region_code, departments, next, 1);
}

const lastServedMoved = (trx: Db, regionCode: string, departments: string[], month: string, sign: 1 | -1) =>
  appendDelta(trx, { regionCode, organisationId: null, departments, day: `${month}-01` }, { last_served: sign });

/** The departments a volunteer is an active member in. */
async function memberDepartments(trx: Db, volunteerId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('stats_department_members')
    .select('department_id')
    .where('volunteer_id', '=', volunteerId)
    .where('n', '>', 0)
    .orderBy('department_id')
    .execute();
  return rows.map((r) => r.department_id);
}

/**
 * A volunteer as they are now starts counting (sign 1: registered, activated, or just moved
 * in) or stops (sign -1: about to close, or to move out), if their status is active: among
 * their region's volunteers by their day of registration, and among its active ones by the
 * month of their latest service.
 */
export async function volunteerCounted(trx: Transaction<DB>, volunteerId: string, sign: 1 | -1): Promise<void> {
  await volunteerIn(trx, volunteerId, await memberDepartments(trx, volunteerId), sign);
}

/**
 * An active volunteer starts (sign 1) or stops counting for everyone and the given departments
 * (`departments` without everyone: only there): by registration day and latest service month.
 */
async function volunteerIn(
  trx: Transaction<DB>,
  volunteerId: string,
  departments: string[],
  sign: 1 | -1,
  everyone = true,
): Promise<void> {
  const v = await trx
    .selectFrom('volunteers')
    .select(['id', 'region_code', 'registered_at', 'status'])
    .where('id', '=', volunteerId)
    .executeTakeFirst();
  if (v?.status !== 'active') return;
  const only = everyone ? {} : { onlyDepartments: true };
  const day = localDate(v.registered_at, await timeZoneOf(trx));
  await appendDelta(
    trx,
    { regionCode: v.region_code, organisationId: null, departments, day, ...only },
    { registered: sign },
  );
  const served = await trx
    .selectFrom('stats_last_served')
    .select('month')
    .where('volunteer_id', '=', v.id)
    .executeTakeFirst();
  if (served) {
    await appendDelta(
      trx,
      { regionCode: v.region_code, organisationId: null, departments, day: `${served.month}-01`, ...only },
      { last_served: sign },
    );
  }
}

/**
 * A membership became active (sign 1) or stopped being active (sign -1): the volunteer's count
 * of active memberships in each department of the organisation moves, and where it goes from
 * 0 to 1 (or 1 to 0) the volunteer starts (or stops) counting among that department's volunteers.
 */
export async function membershipCounted(
  trx: Transaction<DB>,
  m: { volunteer_id: string; organisation_id: string },
  sign: 1 | -1,
): Promise<void> {
  const changed: string[] = [];
  for (const department of await departmentsOf(trx, m.organisation_id)) {
    const row = await trx
      .selectFrom('stats_department_members')
      .select('n')
      .where('volunteer_id', '=', m.volunteer_id)
      .where('department_id', '=', department)
      .executeTakeFirst();
    const before = row ? Number(row.n) : 0;
    const after = Math.max(0, before + sign);
    if (after === before) continue;
    const key = { volunteer_id: m.volunteer_id, department_id: department };
    if (after === 0) {
      await trx
        .deleteFrom('stats_department_members')
        .where('volunteer_id', '=', key.volunteer_id)
        .where('department_id', '=', key.department_id)
        .execute();
    } else if (before === 0)
      await trx
        .insertInto('stats_department_members')
        .values({ ...key, n: after })
        .execute();
    else {
      await trx
        .updateTable('stats_department_members')
        .set({ n: after })
        .where('volunteer_id', '=', key.volunteer_id)
        .where('department_id', '=', key.department_id)
        .execute();
    }
    if ((before === 0) !== (after === 0)) changed.push(department);
  }
  if (changed.length > 0) await volunteerIn(trx, m.volunteer_id, changed, sign, false);
}

/** A closing volunteer's memberships all end: after volunteerCounted(-1), forget their departments. */
export async function membershipsEnded(trx: Transaction<DB>, volunteerId: string): Promise<void> {
  await trx.deleteFrom('stats_department_members').where('volunteer_id', '=', volunteerId).execute();
}

/** A redemption was made (sign 1) or reversed or voided (sign -1): its points at its supermarket's region and day. */
export async function redemptionCounted(
  trx: Transaction<DB>,
  r: { site_id: string; created_at: string; points: number },
  sign: 1 | -1,
): Promise<void> {
  const site = await trx
    .selectFrom('sites')
    .select(['region_code', 'organisation_id'])
    .where('id', '=', r.site_id)
    .executeTakeFirst();
  if (!site) return;
  await appendDelta(
    trx,
    {
      regionCode: site.region_code,
      organisationId: site.organisation_id,
      day: localDate(r.created_at, await timeZoneOf(trx)),
    },
    { points_redeemed: sign * r.points },
  );
}

/**
 * Something that exists now appeared (sign 1) or went (sign -1): an active site ('site:<type>')
 * or team ('team:<level>'), counted at its region and every ancestor, for everyone and for each
 * department. Rare, so it updates the counters in place.
 */
export async function stockCounted(
  trx: Db,
  at: { regionCode: string; organisationId: string | null; kind: string },
  sign: 1 | -1,
): Promise<void> {
  const departments = at.organisationId ? await departmentsOf(trx, at.organisationId) : [];
  const ancestors = await trx
    .selectFrom('region_closure')
    .select('ancestor')
    .where('descendant', '=', at.regionCode)
    .execute();
  const regions = ancestors.length > 0 ? ancestors.map((a) => a.ancestor) : [at.regionCode];
  const rows = regions.flatMap((region) =>
    ['', ...departments].map((department) => ({
      region_code: region,
      department_id: department,
      kind: at.kind,
      n: sign,
    })),
  );
  rows.sort((x, y) => x.region_code.localeCompare(y.region_code) || x.department_id.localeCompare(y.department_id));
  await trx
    .insertInto('stats_stock')
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(['region_code', 'department_id', 'kind'])
        .doUpdateSet((eb) => ({ n: eb('stats_stock.n', '+', eb.ref('excluded.n')) })),
    )
    .execute();
}
