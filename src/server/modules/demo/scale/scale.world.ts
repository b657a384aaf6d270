import type { OrgLevel } from '../../../../common/enums.js';
import type { EarningRule, ExpiryRule } from '../../../../common/points.js';
import type { Db } from '../../../db/database.js';
import type { PointRulesTable } from '../../../db/schema.js';
import { DEPARTMENTS, type DepartmentKey } from '../demo.departments.js';
import type { DemoRandom } from '../demo.random.js';
import { loadChongqing } from '../demo.regions.js';
import * as repo from './scale.repository.js';

/**
 * What the generator builds on: Chongqing's district-level units and towns with positions, the
 * nine departments, every organisation already there (the demo's teams among them) and the
 * point rules, read once into memory.
 */

export interface Town {
  idx: number;
  code: string;
  name: string;
  district: District;
  lat: number;
  lng: number;
}

export interface District {
  idx: number;
  code: string;
  name: string;
  lat: number;
  lng: number;
  /** A GB/T 2260 division (its code starts ID numbers); functional zones are not. */
  division: boolean;
  towns: Town[];
}

/** A team the bulk may hang members, sites and activities on: the demo's or a generated one. */
export interface Team {
  id: string;
  name: string;
  department: DepartmentKey;
  departmentId: string;
  level: OrgLevel;
  regionCode: string;
  district: District | null;
  town: Town | null;
  fields: string[];
  /**
   * The account that organises its activities and confirms its records: a generated team's
   * leader, who holds team_admin over it; null for the demo's teams (the system admin acts).
   */
  organiserUserId: string | null;
  /** Since when the organiser's account exists (ms): earlier activities fall back to the admin. */
  organiserSince: number;
  /** Whether a member leads it already (the demo's teams have their leaders). */
  led: boolean;
  /** Indices of the generated volunteers who belong to it. */
  members: number[];
  generated: boolean;
}

export type ParsedRule = EarningRule & {
  id: string;
  scopeType: string;
  scopeId: string;
  expiry: ExpiryRule;
  budgetLimited: boolean;
};

export interface World {
  districts: District[];
  towns: Town[];
  districtByCode: Map<string, District>;
  townByCode: Map<string, Town>;
  departments: Map<DepartmentKey, string>;
  teams: Team[];
  /** Every organisation's parent and supervising department, for the rule chain. */
  orgParent: Map<string, string | null>;
  orgDepartment: Map<string, string | null>;
  /** Each organisation's ancestors (itself at depth 0), to write closure rows of new children. */
  ancestors: Map<string, { id: string; depth: number }[]>;
  organisationCount: number;
  rules: ParsedRule[];
  projectsByDepartment: Map<string, string[]>;
}

// The central urban districts are small: towns stay within ~5 km of the centre there.
const URBAN = new Set(['500103', '500104', '500105', '500106', '500107', '500108', '500112', '500113']);

function parse<T>(text: string, fallback: T): T {
  try {
    return (JSON.parse(text) as T) ?? fallback;
  } catch {
    return fallback;
  }
}

/** A rule row as the pure earning functions take it (as points/rules.presenter.ts reads it). */
function parseRule(r: PointRulesTable): ParsedRule {
  const expiry = parse<ExpiryRule>(r.expiry, { mode: 'end_of_following_year' });
  return {
    id: r.id,
    scopeType: r.scope_type,
    scopeId: r.scope_id,
    pointsPerHour: Number(r.points_per_hour),
    pointsPerActivity: Number(r.points_per_activity),
    sources: parse<string[]>(r.sources, []),
    fieldMultipliers: parse<Record<string, number>>(r.field_multipliers, {}),
    projectMultipliers: parse<Record<string, number>>(r.project_multipliers, {}),
    bonuses: parse<EarningRule['bonuses']>(r.bonuses, {}),
    dailyCap: r.daily_cap === null ? null : Number(r.daily_cap),
    monthlyCap: r.monthly_cap === null ? null : Number(r.monthly_cap),
    expiry: expiry.mode === 'years' ? { mode: 'years', years: expiry.years } : { mode: 'end_of_following_year' },
    budgetLimited: Number(r.budget_limited) === 1,
  };
}

/** Reads the world; throws when the nine departments are not all there (load the demo first). */
export async function loadWorld(db: Db, rnd: DemoRandom): Promise<World> {
  const regions = await loadChongqing(db);
  const districts: District[] = [];
  const towns: Town[] = [];
  for (const d of regions.districts.values()) {
    const district: District = {
      idx: districts.length,
      code: d.code,
      name: d.name,
      lat: d.lat,
      lng: d.lng,
      division: d.kind === 'division',
      towns: [],
    };
    districts.push(district);
    const spread = URBAN.has(d.code) || d.code.includes('X') ? 0.04 : 0.12;
    for (const t of d.towns) {
      const town: Town = {
        idx: towns.length,
        code: t.code,
        name: t.name,
        district,
        lat: Number((d.lat + rnd.jitter(spread)).toFixed(6)),
        lng: Number((d.lng + rnd.jitter(spread)).toFixed(6)),
      };
      district.towns.push(town);
      towns.push(town);
    }
  }
  const districtByCode = new Map(districts.map((d) => [d.code, d]));
  const townByCode = new Map(towns.map((t) => [t.code, t]));

  const orgs = await repo.allOrganisations(db);
  const departments = new Map<DepartmentKey, string>();
  for (const d of DEPARTMENTS) {
    const row = orgs.find((o) => o.kind === 'department' && o.name === d.name);
    if (!row) throw new Error(`the city department ${d.name} is missing: the bulk loads on top of the demo`);
    departments.set(d.key, row.id);
  }
  const keyOfDepartment = new Map([...departments].map(([k, id]) => [id, k]));
  const leaders = new Set((await repo.teamLeaders(db)).map((l) => l.organisation_id));

  const teams: Team[] = [];
  for (const o of orgs) {
    const department = o.department_id ? keyOfDepartment.get(o.department_id) : undefined;
    if (o.kind !== 'team' || !department || !o.department_id) continue;
    const town = townByCode.get(o.region_code) ?? null;
    teams.push({
      id: o.id,
      name: o.name,
      department,
      departmentId: o.department_id,
      level: o.level,
      regionCode: o.region_code,
      district: town?.district ?? districtByCode.get(o.region_code) ?? null,
      town,
      fields: parse<string[]>(o.fields, []),
      organiserUserId: null,
      organiserSince: 0,
      led: leaders.has(o.id),
      members: [],
      generated: false,
    });
  }

  const ancestors = new Map<string, { id: string; depth: number }[]>();
  for (const c of await repo.allOrganisationClosure(db)) {
    const list = ancestors.get(c.descendant) ?? [];
    list.push({ id: c.ancestor, depth: Number(c.depth) });
    ancestors.set(c.descendant, list);
  }
  const projectsByDepartment = new Map<string, string[]>();
  for (const p of await repo.allProjects(db)) {
    projectsByDepartment.set(p.department_id, [...(projectsByDepartment.get(p.department_id) ?? []), p.id]);
  }
  return {
    districts,
    towns,
    districtByCode,
    townByCode,
    departments,
    teams,
    orgParent: new Map(orgs.map((o) => [o.id, o.parent_id])),
    orgDepartment: new Map(orgs.map((o) => [o.id, o.department_id])),
    ancestors,
    organisationCount: orgs.length,
    rules: (await repo.allPointRules(db)).map(parseRule),
    projectsByDepartment,
  };
}

/** The region chain of a code, nearest first: town, district, 500000. */
function regionChain(world: World, code: string): string[] {
  const town = world.townByCode.get(code);
  if (town) return [code, town.district.code, '500000'];
  if (world.districtByCode.has(code)) return [code, '500000'];
  return [code];
}

/**
 * The rule a record of this organisation in this region earns under, chosen as
 * points/earning.ts `applicableRule` chooses: the nearest rule of the organisation's chain
 * (itself, its ancestors; failing those its supervising department), else the nearest rule of
 * the region chain; within one scope the newest. Rules are listed newest first.
 */
export function ruleFor(world: World, organisationId: string, regionCode: string): ParsedRule | null {
  const byScope = (scopeType: 'organisation' | 'region', id: string) =>
    world.rules.find((r) => r.scopeType === scopeType && r.scopeId === id) ?? null;
  for (let id: string | null | undefined = organisationId; id; id = world.orgParent.get(id)) {
    const found = byScope('organisation', id);
    if (found) return found;
  }
  const department = world.orgDepartment.get(organisationId);
  if (department) {
    const found = byScope('organisation', department);
    if (found) return found;
  }
  for (const code of regionChain(world, regionCode)) {
    const found = byScope('region', code);
    if (found) return found;
  }
  return null;
}
