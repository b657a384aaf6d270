/**
 * Where kept statistics start: a change's counters appended to stats_deltas at the event's own
 * region and local day, once for everyone (department '') and once per department its
 * organisation lies under. Appending never waits for another transaction.
 */
import { type Db } from '../../db/database.js';
import type { StatsDeltasTable } from '../../db/schema.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { insertDeltas, organisationAncestors } from './stats.keeping.repository.js';

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
  const rows = await organisationAncestors(db, organisationId);
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
export const appendDelta = (trx: Db, at: Where, counts: Counts): Promise<void> => appendDeltas(trx, [{ at, counts }]);

/** Appends several events' counters in one statement (a batch of registrations, at many regions and days). */
export async function appendDeltas(trx: Db, events: readonly { at: Where; counts: Counts }[]): Promise<void> {
  const rows: StatsDeltasTable[] = [];
  for (const { at, counts } of events) {
    if (Object.values(counts).every((v) => !v) || (at.onlyDepartments && (at.departments ?? []).length === 0)) continue;
    const departments = at.organisationId ? await departmentsOf(trx, at.organisationId) : (at.departments ?? []);
    for (const department of at.onlyDepartments ? departments : ['', ...departments]) {
      rows.push({
        region_code: at.regionCode,
        department_id: department,
        day: at.day,
        field: at.field ?? '',
        project_id: at.projectId ?? '',
        ...ZERO,
        ...counts,
      });
    }
  }
  // At most 1,000 rows (13,000 parameters) a statement: within both dialects' limits.
  for (let i = 0; i < rows.length; i += 1000) await insertDeltas(trx, rows.slice(i, i + 1000));
}

export const timeZoneOf = async (trx: Db) => (await getSettings(trx)).timeZone;
