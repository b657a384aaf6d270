import type { MonthFigures, RegionFigures, StatsOverview, StatsQueryInput } from '../../../common/contract/stats.js';
import { ORG_LEVELS, SITE_TYPES } from '../../../common/enums.js';
import { AppError } from '../../../common/errors.js';
import { minutesToHours } from '../../../common/settings.js';
import type { Db } from '../../db/database.js';
import { childrenOf, regionByCode } from '../regions/index.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { TtlCache } from './stats.cache.js';
import * as repo from './stats.repository.js';
import { monthsOf, resolveWindow } from './stats.window.js';

/**
 * Answers for 30 s per database and query: the portal's front page asks on every visit, and
 * at city scale each answer scans the window's records. Figures may lag writes by that much.
 */
const caches = new WeakMap<Db, TtlCache<StatsOverview>>();
const CACHE_TTL_MS = 30_000;

function cacheOf(db: Db): TtlCache<StatsOverview> {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = new TtlCache<StatsOverview>(CACHE_TTL_MS, 200)));
  return c;
}

const rangeError = (field: string, message: string) => new AppError('NOT_FOUND', `${field}: ${message}`, { field });

/** The city statistics: public aggregates over a region subtree, a department and a window. */
export async function overview(db: Db, q: StatsQueryInput, now = Date.now()): Promise<StatsOverview> {
  const { timeZone } = await getSettings(db);
  const region = q.regionCode ? await regionByCode(db, q.regionCode) : await repo.rootRegion(db);
  if (!region) {
    throw q.regionCode
      ? rangeError('regionCode', `region "${q.regionCode}" does not exist`)
      : rangeError('regionCode', 'no regions are loaded yet');
  }
  if (q.departmentId && !(await repo.isDepartment(db, q.departmentId))) {
    throw rangeError('departmentId', `no department has the id "${q.departmentId}"`);
  }
  const window = resolveWindow(q, now, timeZone);
  const key = JSON.stringify([region.code, q.departmentId ?? null, window.from, window.to, timeZone]);
  const cache = cacheOf(db);
  const hit = cache.get(key, now);
  if (hit) return hit;

  const { bounds, months } = monthsOf(window, timeZone);
  const children = await childrenOf(db, region.code);
  const scope: repo.StatsScope = {
    regions: [region.code, ...children.map((c) => c.code)],
    ...(q.departmentId ? { departmentId: q.departmentId } : {}),
  };
  const b = { bounds };
  // Sessions are shifts that took place: started before now as well as before the window's end.
  const nowIso = new Date(now).toISOString();
  const until = nowIso < window.to ? nowIso : window.to;
  const [volunteers, teams, sites, sessions, minutes, active, issued, redeemed] = await Promise.all([
    repo.volunteerCounts(db, scope, b),
    repo.teamCounts(db, scope),
    repo.siteCounts(db, scope),
    repo.sessionCounts(db, scope, b, until),
    repo.confirmedMinutes(db, scope, b),
    repo.activeVolunteerCounts(db, scope, b),
    repo.pointsIssued(db, scope, b),
    repo.pointsRedeemed(db, scope, b),
  ]);
  const n = months.length;
  const inWindow = (bucket: number) => bucket >= 0 && bucket < n;
  /** Sum of one value over a region's rows, in the window's buckets or (allBuckets) all of them. */
  const total = <T>(rows: repo.Bucketed<T>[], code: string, pick: (v: T) => number, allBuckets = false) =>
    rows.reduce((s, r) => (r.region === code && (allBuckets || inWindow(r.bucket)) ? s + pick(r.values) : s), 0);
  const inMonth = <T>(rows: repo.Bucketed<T>[], i: number, pick: (v: T) => number) =>
    rows.reduce((s, r) => (r.region === region.code && r.bucket === i ? s + pick(r.values) : s), 0);
  const countWhere = <R extends { region: string; n: number }>(rows: R[], code: string) =>
    rows.reduce((s, r) => (r.region === code ? s + r.n : s), 0);

  const figuresOf = (code: string) => ({
    volunteers: total(volunteers, code, (v) => v.n, true),
    activeVolunteers: active.get(code) ?? 0,
    sessions: total(sessions, code, (v) => v.sessions),
    peopleServed: total(sessions, code, (v) => v.peopleServed),
    hours: minutesToHours(total(minutes, code, (v) => v.minutes)),
    pointsIssued: total(issued, code, (v) => v.points),
    pointsRedeemed: total(redeemed, code, (v) => v.points),
  });

  const byRegion: RegionFigures[] = children.map((c) => ({
    regionCode: c.code,
    name: c.name,
    ...figuresOf(c.code),
    teams: countWhere(teams, c.code),
    sites: countWhere(sites, c.code),
  }));
  const byMonth: MonthFigures[] = months.map((m, i) => ({
    ...m,
    hours: minutesToHours(inMonth(minutes, i, (v) => v.minutes)),
    sessions: inMonth(sessions, i, (v) => v.sessions),
    peopleServed: inMonth(sessions, i, (v) => v.peopleServed),
    pointsIssued: inMonth(issued, i, (v) => v.points),
    pointsRedeemed: inMonth(redeemed, i, (v) => v.points),
    newVolunteers: inMonth(volunteers, i, (v) => v.n),
  }));
  const mine = <R extends { region: string; n: number }, K extends string>(
    rows: R[],
    keys: readonly K[],
    of: (r: R) => string,
  ) =>
    Object.fromEntries(
      keys.map((k) => [k, rows.reduce((s, r) => (r.region === region.code && of(r) === k ? s + r.n : s), 0)]),
    ) as Record<K, number>;

  const answer: StatsOverview = {
    regionCode: region.code,
    regionName: region.name,
    departmentId: q.departmentId ?? null,
    from: window.from,
    to: window.to,
    timeZone,
    ...figuresOf(region.code),
    teamsByLevel: mine(teams, ORG_LEVELS, (r) => r.level),
    sitesByType: mine(sites, SITE_TYPES, (r) => r.type),
    byRegion,
    byMonth,
  };
  cache.set(key, answer, now);
  return answer;
}
