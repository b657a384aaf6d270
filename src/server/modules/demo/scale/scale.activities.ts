import type { DemoRandom } from '../demo.random.js';
import { ROADS, TITLES } from './scale.names.js';
import { UPCOMING_DAYS, WINDOW_DAYS, type ScaleRun } from './scale.run.js';
import type { Place } from './scale.sites.js';
import { ruleFor, type ParsedRule, type Team, type Town } from './scale.world.js';

/**
 * Published activities with their shifts: most over the generated year (finished by the
 * reference date), a few upcoming in the month after it. Each past shift is given how many
 * confirmed records it will have, so that they add up to the target.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Shifts per activity, drawn uniformly from this list (mean 3.3). */
const SHIFT_COUNTS = [1, 1, 1, 2, 2, 3, 3, 4, 5, 6, 8];
/** The last day (from the reference date) a shift may fall on. */
export const LAST_SHIFT_DAY = UPCOMING_DAYS + 29;
/** One activity in this many is upcoming: its shifts start on or after the reference date. */
const UPCOMING_SHARE = 0.04;

/** The activities as the records phase needs them, by index (creation order). */
export interface Activities {
  count: number;
  ids: string[];
  teams: Team[];
  titles: string[];
  places: string[];
  /** District index of where it is held: whose residents may serve. */
  districts: Int32Array;
  fields: string[];
  projects: (string | null)[];
  rules: (ParsedRule | null)[];
  createdMs: Float64Array;
}

/** Shifts: times, activity, planned records, ids; `past` lists those ended by the reference date, by start. */
export interface Shifts {
  count: number;
  ids: string[];
  start: Float64Array;
  end: Float64Array;
  activity: Int32Array;
  records: Int32Array;
  past: Int32Array;
}

interface Draft {
  team: Team;
  field: string;
  project: string | null;
  title: string;
  town: Town;
  place: Place | null;
  address: string;
  lat: number;
  lng: number;
  createdMs: number;
  starts: number[];
  minutes: number;
  weekly: boolean;
  approval: boolean;
  contact: string;
}

export async function generateActivities(
  run: ScaleRun,
  placesByTown: Map<string, Place[]>,
): Promise<{ activities: Activities; shifts: Shifts }> {
  const rnd = run.random(4);
  const drafts = planDrafts(run, rnd, placesByTown);
  drafts.sort((a, b) => a.createdMs - b.createdMs);
  const { activities, shifts } = index(run, drafts);
  allocateRecords(rnd, shifts, run.sizes.records);
  await writeRows(run, rnd, drafts, activities, shifts);
  return { activities, shifts };
}

/** Teams weighted by their members: busy teams organise more. */
function teamPicker(rnd: DemoRandom, teams: Team[]): () => Team {
  const cumulative: number[] = [];
  let sum = 0;
  for (const t of teams) {
    sum += t.members.length;
    cumulative.push(sum);
  }
  if (sum === 0) return () => rnd.pick(teams);
  return () => {
    const x = rnd.int(sum);
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return teams[lo] as Team;
  };
}

function planDrafts(run: ScaleRun, rnd: DemoRandom, placesByTown: Map<string, Place[]>): Draft[] {
  const { world } = run;
  const towns = world.towns.filter((t) => t.district.division);
  const pickTeam = teamPicker(rnd, world.teams);
  const drafts: Draft[] = [];
  for (let i = 0; i < run.sizes.activities; i++) {
    const team = pickTeam();
    const field = rnd.pick(team.fields.length ? team.fields : ['community']);
    const projects = world.projectsByDepartment.get(team.departmentId) ?? [];
    const project = projects.length && rnd.next() < 0.2 ? rnd.pick(projects) : null;
    const town = team.town ?? (team.district?.towns.length ? rnd.pick(team.district.towns) : rnd.pick(towns));
    const base = rnd.pick(TITLES[field] ?? (TITLES.community as string[]));
    const title = rnd.next() < 0.5 ? `${town.name}${base}` : base;
    const sites = placesByTown.get(town.code) ?? [];
    const place = sites.length && rnd.next() < 0.3 ? rnd.pick(sites) : null;
    const address = place?.address ?? `重庆市${town.district.name}${town.name}${rnd.pick(ROADS)}${1 + rnd.int(300)}号`;
    const lat = place?.lat ?? Number((town.lat + rnd.jitter(0.01)).toFixed(6));
    const lng = place?.lng ?? Number((town.lng + rnd.jitter(0.01)).toFixed(6));
    // 08:00–19:00 local, one to four hours in half hours; the same time every shift.
    const startMinute = 480 + 30 * rnd.int(23);
    const minutes = 60 + 30 * rnd.int(7);
    const upcoming = rnd.next() < UPCOMING_SHARE;
    const first = upcoming ? rnd.int(UPCOMING_DAYS) : -WINDOW_DAYS + rnd.int(WINDOW_DAYS);
    const count = rnd.pick(SHIFT_COUNTS);
    const pattern = rnd.next();
    const weekly = count > 1 && pattern < 0.5;
    const starts: number[] = [];
    let day = first;
    for (let k = 0; k < count && day <= LAST_SHIFT_DAY; k++) {
      starts.push(run.dayStart(day) + startMinute * MINUTE);
      day += weekly ? 7 : pattern < 0.8 ? 1 : 1 + rnd.int(14);
    }
    // Published three to twenty days before its first shift.
    const createdMs = (starts[0] as number) - (3 + rnd.int(18)) * DAY - rnd.int(8 * HOUR);
    drafts.push({
      team,
      field,
      project,
      title,
      town,
      place,
      address,
      lat,
      lng,
      createdMs,
      starts,
      minutes,
      weekly,
      approval: rnd.next() < 0.2,
      contact: `023-${6 + rnd.int(4)}${String(rnd.int(10_000_000)).padStart(7, '0')}`,
    });
  }
  return drafts;
}

function index(run: ScaleRun, drafts: Draft[]): { activities: Activities; shifts: Shifts } {
  const n = drafts.length;
  const total = drafts.reduce((s, d) => s + d.starts.length, 0);
  const activities: Activities = {
    count: n,
    ids: [],
    teams: [],
    titles: [],
    places: [],
    districts: new Int32Array(n),
    fields: [],
    projects: [],
    rules: [],
    createdMs: new Float64Array(n),
  };
  const shifts: Shifts = {
    count: total,
    ids: [],
    start: new Float64Array(total),
    end: new Float64Array(total),
    activity: new Int32Array(total),
    records: new Int32Array(total),
    past: new Int32Array(0),
  };
  const rules = new Map<string, ParsedRule | null>();
  let s = 0;
  for (const [a, d] of drafts.entries()) {
    const key = `${d.team.id}|${d.town.code}`;
    if (!rules.has(key)) rules.set(key, ruleFor(run.world, d.team.id, d.town.code));
    activities.ids.push(run.ids.next('activity', d.createdMs));
    activities.teams.push(d.team);
    activities.titles.push(d.title);
    activities.places.push(d.address);
    activities.districts[a] = d.town.district.idx;
    activities.fields.push(d.field);
    activities.projects.push(d.project);
    activities.rules.push(rules.get(key) ?? null);
    activities.createdMs[a] = d.createdMs;
    for (const start of d.starts) {
      shifts.ids.push(run.ids.next('shift', d.createdMs));
      shifts.start[s] = start;
      shifts.end[s] = start + d.minutes * MINUTE;
      shifts.activity[s] = a;
      s++;
    }
  }
  const past: number[] = [];
  for (let i = 0; i < total; i++) if ((shifts.end[i] as number) <= run.asOfMs) past.push(i);
  past.sort((x, y) => (shifts.start[x] as number) - (shifts.start[y] as number) || x - y);
  shifts.past = Int32Array.from(past);
  return { activities, shifts };
}

/** Spreads `total` records over the past shifts, in proportion to a random weight each. */
function allocateRecords(rnd: DemoRandom, shifts: Shifts, total: number): void {
  const past = shifts.past;
  if (past.length === 0) return;
  const weights = new Float64Array(past.length);
  let sum = 0;
  for (let i = 0; i < past.length; i++) {
    weights[i] = 0.3 + 1.4 * rnd.next();
    sum += weights[i] as number;
  }
  let given = 0;
  for (let i = 0; i < past.length; i++) {
    const k = Math.floor((total * (weights[i] as number)) / sum);
    shifts.records[past[i] as number] = k;
    given += k;
  }
  for (let i = 0; given < total; i = (i + 1) % past.length, given++) {
    const s = past[i] as number;
    shifts.records[s] = (shifts.records[s] as number) + 1;
  }
}

async function writeRows(run: ScaleRun, rnd: DemoRandom, drafts: Draft[], activities: Activities, shifts: Shifts) {
  const iso = (ms: number) => new Date(ms).toISOString();
  let s = 0;
  for (const [a, d] of drafts.entries()) {
    const first = d.starts[0] as number;
    const last = (d.starts[d.starts.length - 1] as number) + d.minutes * MINUTE;
    const organiser =
      d.team.organiserUserId && d.team.organiserSince <= d.createdMs ? d.team.organiserUserId : run.adminUserId;
    run.writer.add('activities', {
      id: activities.ids[a] as string,
      organisation_id: d.team.id,
      project_id: d.project,
      title: d.title,
      field: d.field,
      description: `${d.team.name}组织的${d.title}志愿服务活动，欢迎报名参加。`,
      site_id: d.place?.id ?? null,
      region_code: d.town.code,
      address: d.address,
      lat: d.lat,
      lng: d.lng,
      radius_m: 500,
      requires_approval: d.approval ? 1 : 0,
      risky: 0,
      recurrence: d.weekly ? JSON.stringify({ freq: 'weekly', count: d.starts.length }) : null,
      status: 'published',
      created_by: organiser,
      created_at: iso(d.createdMs),
      published_at: iso(d.createdMs + 2 * HOUR),
      cancelled_at: null,
      cancel_reason: null,
      first_start_at: iso(first),
      last_end_at: iso(last),
      contact_name: '志愿服务联络员',
      contact_phone: d.contact,
    });
    for (let k = 0; k < d.starts.length; k++, s++) {
      const records = shifts.records[s] as number;
      const past = (shifts.end[s] as number) <= run.asOfMs;
      run.writer.add('shifts', {
        id: shifts.ids[s] as string,
        activity_id: activities.ids[a] as string,
        start_at: iso(shifts.start[s] as number),
        end_at: iso(shifts.end[s] as number),
        capacity: Math.max(10 + rnd.int(91), records + rnd.int(10)),
        signup_deadline: null,
        min_age: null,
        max_age: null,
        required_qualifications: '[]',
        required_skills: '[]',
        // People served (服务人次) the organiser recorded for the session.
        people_served: past ? records * (1 + rnd.int(3)) + rnd.int(20) : null,
        closed_at: null,
        reminded_at: null,
      });
    }
    await run.writer.flushIfFull();
    run.progress.tick(a + 1, drafts.length, 'activities');
  }
}
