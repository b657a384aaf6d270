import type {
  FieldFigures,
  MonthFigures,
  RegionFigures,
  StatsOverview,
  StatsProjects,
  StatsProjectsQueryInput,
  StatsQueryInput,
  StatsToday,
  StatsTodayQueryInput,
} from '../../../common/contract/stats.js';
import { ORG_LEVELS, SITE_TYPES } from '../../../common/enums.js';
import { AppError } from '../../../common/errors.js';
import { minutesToHours } from '../../../common/settings.js';
import { addDays, localDate, localMidnight, wallTime } from '../../../common/zoned-time.js';
import type { Db } from '../../db/database.js';
import { childrenOf, regionByCode } from '../regions/index.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import * as repo from './stats.repository.js';
import { monthsOf, resolveWindow, type Month, type Window } from './stats.window.js';

const rangeError = (field: string, message: string) => new AppError('NOT_FOUND', `${field}: ${message}`, { field });

const nextMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/**
 * The kept periods that make up the window: each calendar month it covers in whole at month
 * grain, the days of a partial first or last month at day grain. Figures are kept per local
 * day, so a bound given as a time inside a day counts that whole day.
 */
export function periodsOf(w: Window, months: Month[], timeZone: string): repo.Periods {
  if (w.to <= w.from) return { months: [], days: [], first: '9999-12-31', last: '0000-01-01' };
  const dayBefore = (iso: string) => localDate(new Date(Date.parse(iso) - 1).toISOString(), timeZone);
  const p: repo.Periods = { months: [], days: [], first: localDate(w.from, timeZone), last: dayBefore(w.to) };
  for (const m of months) {
    const whole =
      m.from === localMidnight(`${m.month}-01`, timeZone) &&
      m.to === localMidnight(`${nextMonth(m.month)}-01`, timeZone);
    if (whole) p.months.push(m.month);
    else p.days.push([localDate(m.from, timeZone), dayBefore(m.to)]);
  }
  return p;
}

/** The month twelve calendar months back from the one `now` falls in (that one included). */
function activeSince(now: number, timeZone: string): string {
  const [y, m] = localDate(new Date(now).toISOString(), timeZone).split('-').map(Number) as [number, number];
  const back = y * 12 + (m - 1) - 11;
  return `${Math.floor(back / 12)}-${String((back % 12) + 1).padStart(2, '0')}`;
}

type Flows = Record<repo.FlowCounter, number>;
const noFlows = (): Flows => ({
  sessions: 0,
  participations: 0,
  people_served: 0,
  minutes: 0,
  points_issued: 0,
  points_redeemed: 0,
  registered: 0,
});
const add = (into: Flows, row: Flows) => {
  for (const k of repo.FLOW_COUNTERS) into[k] += row[k];
};
const flowFigures = (f: Flows) => ({
  sessions: f.sessions,
  participations: f.participations,
  peopleServed: f.people_served,
  minutes: f.minutes,
  hours: minutesToHours(f.minutes),
  pointsIssued: f.points_issued,
  pointsRedeemed: f.points_redeemed,
});

/** The region a query names, or the top of the tree; a 404 naming regionCode when there is none. */
async function regionOf(db: Db, code: string | undefined): Promise<{ code: string; name: string }> {
  const region = code ? await regionByCode(db, code) : await repo.rootRegion(db);
  if (region) return region;
  throw code
    ? rangeError('regionCode', `region "${code}" does not exist`)
    : rangeError('regionCode', 'no regions are loaded yet');
}

/**
 * The city statistics: public aggregates over a region subtree, a department and a window,
 * from the statistics kept as things happen, so exact the moment a change commits.
 */
export async function overview(db: Db, q: StatsQueryInput, now = Date.now()): Promise<StatsOverview> {
  const { timeZone } = await getSettings(db);
  const region = await regionOf(db, q.regionCode);
  if (q.departmentId && !(await repo.isDepartment(db, q.departmentId))) {
    throw rangeError('departmentId', `no department has the id "${q.departmentId}"`);
  }
  const window = resolveWindow(q, now, timeZone);
  const { months } = monthsOf(window, timeZone);
  const children = await childrenOf(db, region.code);
  const codes = [region.code, ...children.map((c) => c.code)];
  const department = q.departmentId ?? '';
  const since = activeSince(now, timeZone);
  const [flowRows, people, stockRows] = await Promise.all([
    repo.flows(db, codes, department, periodsOf(window, months, timeZone)),
    repo.volunteerTotals(db, codes, department, since),
    repo.stock(db, codes, department),
  ]);

  const monthIndex = new Map(months.map((m, i) => [m.month, i]));
  const perRegion = new Map(codes.map((c) => [c, noFlows()]));
  const perMonth = months.map(() => noFlows());
  const perField = new Map<string, Flows>();
  for (const r of flowRows) {
    if (r.field) {
      const f = perField.get(r.field) ?? noFlows();
      add(f, r);
      perField.set(r.field, f);
      continue;
    }
    const into = perRegion.get(r.region);
    if (into) add(into, r);
    const i = r.region === region.code ? monthIndex.get(r.month) : undefined;
    if (i !== undefined) add(perMonth[i] as Flows, r);
  }
  const peopleOf = (code: string) => people.find((p) => p.region === code) ?? { volunteers: 0, active: 0 };
  const stockOf = (code: string, prefix: string) =>
    stockRows.reduce((s, r) => (r.region === code && r.kind.startsWith(prefix) ? s + r.n : s), 0);
  const kinds = <K extends string>(keys: readonly K[], prefix: string) =>
    Object.fromEntries(
      keys.map((k) => [
        k,
        stockRows.reduce((s, r) => (r.region === region.code && r.kind === `${prefix}${k}` ? s + r.n : s), 0),
      ]),
    ) as Record<K, number>;

  const figuresOf = (code: string): Omit<RegionFigures, 'regionCode' | 'name'> => ({
    volunteers: peopleOf(code).volunteers,
    activeVolunteers: peopleOf(code).active,
    teams: stockOf(code, 'team:'),
    sites: stockOf(code, 'site:'),
    ...flowFigures(perRegion.get(code) ?? noFlows()),
  });
  const whole = figuresOf(region.code);
  const byRegion: RegionFigures[] = children.map((c) => ({ regionCode: c.code, name: c.name, ...figuresOf(c.code) }));
  // What lies at the region itself (an activity placed at the district's own code): the whole
  // less its children, kept in the same units so the rows add up exactly.
  const itself = Object.fromEntries(
    (Object.keys(whole) as (keyof typeof whole)[]).map((k) => [k, whole[k] - byRegion.reduce((s, r) => s + r[k], 0)]),
  ) as Omit<RegionFigures, 'regionCode' | 'name'>;
  itself.hours = minutesToHours(itself.minutes);
  const byMonth: MonthFigures[] = months.map((m, i) => {
    const f = perMonth[i] as Flows;
    return { ...m, ...flowFigures(f), newVolunteers: f.registered };
  });
  const byField: FieldFigures[] = [...perField]
    .map(([field, f]) => ({ field, ...flowFigures(f) }))
    .filter((f) => f.participations !== 0 || f.sessions !== 0 || f.pointsIssued !== 0)
    .sort((a, b) => b.hours - a.hours || a.field.localeCompare(b.field));

  return {
    regionCode: region.code,
    regionName: region.name,
    departmentId: q.departmentId ?? null,
    from: window.from,
    to: window.to,
    timeZone,
    ...whole,
    teamsByLevel: kinds(ORG_LEVELS, 'team:'),
    sitesByType: kinds(SITE_TYPES, 'site:'),
    byRegion,
    atRegionItself: { regionCode: region.code, name: region.name, ...itself },
    byMonth,
    byField,
  };
}

/**
 * The brand projects with the most service in a region subtree, over the whole local months the
 * window touches (projects are kept per month).
 */
export async function projects(db: Db, q: StatsProjectsQueryInput, now = Date.now()): Promise<StatsProjects> {
  const { timeZone } = await getSettings(db);
  const region = await regionOf(db, q.regionCode);
  const window = resolveWindow(q, now, timeZone);
  if (window.to <= window.from) return { items: [] };
  const first = localDate(window.from, timeZone).slice(0, 7);
  const last = localDate(new Date(Date.parse(window.to) - 1).toISOString(), timeZone).slice(0, 7);
  const rows = await repo.topProjects(db, region.code, first, last, q.limit);
  return { items: rows.map((r) => ({ ...r, hours: minutesToHours(r.minutes) })) };
}

/** How many recent check-ins today's answer lists. */
const RECENT_CHECK_INS = 10;

/** Today's check-ins in a region subtree: per child region, per local hour, and the latest places. */
export async function today(db: Db, q: StatsTodayQueryInput, now = Date.now()): Promise<StatsToday> {
  const { timeZone } = await getSettings(db);
  const region = await regionOf(db, q.regionCode);
  const day = localDate(new Date(now).toISOString(), timeZone);
  const start = localMidnight(day, timeZone);
  const end = localMidnight(addDays(day, 1), timeZone);
  const children = await childrenOf(db, region.code);
  const [counts, hours, latest] = await Promise.all([
    repo.checkInsByRegion(db, [region.code, ...children.map((c) => c.code)], start, end),
    repo.checkInsByHour(db, region.code, start, end),
    repo.latestCheckIns(db, region.code, start, end, RECENT_CHECK_INS),
  ]);
  const byHour = Array.from({ length: 24 }, (_, hour) => ({ hour, checkIns: 0 }));
  for (const h of hours) {
    // A UTC hour lies in one local hour where the zone's offset is whole hours (Asia/Shanghai).
    const local = Number(wallTime(`${h.hour}:00:00.000Z`, timeZone).slice(11, 13));
    const slot = byHour[local];
    if (slot) slot.checkIns += h.n;
  }
  return {
    day,
    timeZone,
    checkIns: counts.get(region.code) ?? 0,
    byRegion: children.map((c) => ({ regionCode: c.code, name: c.name, checkIns: counts.get(c.code) ?? 0 })),
    byHour,
    recent: latest.map((r) => ({
      at: r.at,
      regionCode: r.region_code,
      regionName: r.region_name,
      activityTitle: r.title,
      field: r.field,
    })),
  };
}
