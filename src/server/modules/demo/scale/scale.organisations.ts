import type { OrgLevel } from '../../../../common/enums.js';
import { DEPARTMENTS, type Department, type DepartmentKey } from '../demo.departments.js';
import type { DemoRandom } from '../demo.random.js';
import { COMMUNITIES, TEAM_WEIGHTS } from './scale.names.js';
import type { ScaleRun } from './scale.run.js';
import type { District, Team, Town } from './scale.world.js';

/**
 * The organisation tree up to the target total: under each of the nine departments a city
 * team, district teams in the district-level units, and grassroots teams in towns and streets —
 * ecology with community squads as a fourth level and 132 teams in all, as the city reports.
 */

const DAY = 86_400_000;
// At city scale 369 of the 40,000 are district teams (nine departments × 41 units).
const DISTRICT_SHARE = 369 / 40_000;
const ECOLOGY_TEAMS = 132;

interface NewTeam {
  name: string;
  department: Department;
  level: OrgLevel;
  district: District | null;
  town: Town | null;
  parent: Team;
}

const isGrassroots = (t: Team) => t.level === 'town' || t.level === 'community';

export async function generateOrganisations(run: ScaleRun): Promise<number> {
  const { world, sizes } = run;
  const rnd = run.random(1);
  let budget = Math.max(0, sizes.organisations - world.organisationCount);
  const baseMs = run.windowStartMs - 400 * DAY;
  let made = 0;
  const add = (n: NewTeam): Team => {
    const ms = baseMs + made * 60_000;
    made += 1;
    budget -= 1;
    return writeTeam(run, n, ms);
  };
  const byDepartment = (key: DepartmentKey) => world.teams.filter((t) => t.department === key);

  // A city team per department first: every other team hangs below one.
  const city = new Map<DepartmentKey, Team>();
  for (const d of DEPARTMENTS) {
    const found = byDepartment(d.key).find((t) => t.level === 'city');
    if (found) city.set(d.key, found);
  }
  for (const d of DEPARTMENTS) {
    if (city.has(d.key) || budget <= 0) continue;
    const department = departmentTeam(run, d);
    city.set(
      d.key,
      add({
        name: `重庆市${d.team}总队`,
        department: d,
        level: 'city',
        district: null,
        town: null,
        parent: department,
      }),
    );
  }

  // District teams where a department has none yet, a share of the budget.
  const candidates: { d: Department; district: District }[] = [];
  for (const d of DEPARTMENTS) {
    for (const district of world.districts) {
      const has = byDepartment(d.key).some((t) => t.level === 'district' && t.regionCode === district.code);
      if (!has) candidates.push({ d, district });
    }
  }
  const districtCount = Math.min(candidates.length, Math.round(budget * DISTRICT_SHARE), budget);
  const chosen = new Set(rnd.sample(candidates, districtCount));
  for (const c of candidates.filter((x) => chosen.has(x))) {
    const parent = city.get(c.d.key);
    if (!parent) continue;
    add({
      name: `${c.district.name}${c.d.team}大队`,
      department: c.d,
      level: 'district',
      district: c.district,
      town: null,
      parent,
    });
  }

  const towns = world.towns.filter((t) => t.district.division);
  if (towns.length === 0 || budget <= 0) return made;
  const parentIn = (key: DepartmentKey, town: Town): Team | undefined =>
    byDepartment(key).find((t) => t.level === 'district' && t.regionCode === town.district.code) ?? city.get(key);

  // Ecology: town teams and community squads up to its 132 (scaled).
  const ecology = DEPARTMENTS.find((d) => d.key === 'ecology') as Department;
  const ecologyTarget = Math.round((ECOLOGY_TEAMS * sizes.organisations) / 40_000);
  const ecologyGrassroots = Math.min(budget, Math.max(0, ecologyTarget - byDepartment('ecology').length));
  const ecoTowns = rnd.sample(towns, Math.ceil(ecologyGrassroots / 2));
  const ecoTownTeams: Team[] = [];
  for (const town of ecoTowns) {
    if (ecoTownTeams.length >= Math.ceil(ecologyGrassroots / 2)) break;
    const parent = parentIn('ecology', town);
    if (parent)
      ecoTownTeams.push(
        add({
          name: `${town.name}${ecology.team}队`,
          department: ecology,
          level: 'town',
          district: town.district,
          town,
          parent,
        }),
      );
  }
  const squadParents = ecoTownTeams.length ? ecoTownTeams : byDepartment('ecology').filter((t) => t.level === 'town');
  for (let i = 0; squadParents.length && i < ecologyGrassroots - ecoTownTeams.length; i++) {
    const parent = squadParents[i % squadParents.length] as Team;
    const community = COMMUNITIES[Math.floor(i / squadParents.length) % COMMUNITIES.length];
    add({
      name: `${parent.town?.name ?? ''}${community}生态环保志愿服务小队`,
      department: ecology,
      level: 'community',
      district: parent.district,
      town: parent.town,
      parent,
    });
  }

  // Grassroots teams of the other departments by weight, round-robin over towns in a shuffled order.
  const weights = Object.entries(TEAM_WEIGHTS) as [Exclude<DepartmentKey, 'ecology'>, number][];
  const total = weights.reduce((s, [, w]) => s + w, 0);
  const remaining = budget;
  let given = 0;
  for (const [i, [key, w]] of weights.entries()) {
    const count = i === weights.length - 1 ? remaining - given : Math.round((remaining * w) / total);
    given += count;
    const d = DEPARTMENTS.find((x) => x.key === key) as Department;
    makeGrassroots(rnd, d, count, towns, parentIn, add, byDepartment(key).filter(isGrassroots));
  }
  return made;
}

/** `count` town teams of a department, numbered within each town (第2分队 …). */
function makeGrassroots(
  rnd: DemoRandom,
  d: Department,
  count: number,
  towns: Town[],
  parentIn: (key: DepartmentKey, town: Town) => Team | undefined,
  add: (n: NewTeam) => Team,
  existing: Team[],
): void {
  const order = rnd.sample(towns, towns.length);
  const perTown = new Map<string, number>();
  for (const t of existing) if (t.town) perTown.set(t.town.code, (perTown.get(t.town.code) ?? 0) + 1);
  for (let i = 0; i < count; i++) {
    const town = order[i % order.length] as Town;
    const n = (perTown.get(town.code) ?? 0) + 1;
    perTown.set(town.code, n);
    const parent = parentIn(d.key, town);
    if (!parent) continue;
    const name = n === 1 ? `${town.name}${d.team}队` : `${town.name}${d.team}第${n}分队`;
    add({ name, department: d, level: 'town', district: town.district, town, parent });
  }
}

/** The department itself as a parent (only when the demo left it without a city team). */
function departmentTeam(run: ScaleRun, d: Department): Team {
  const id = run.world.departments.get(d.key) as string;
  return {
    id,
    name: d.name,
    department: d.key,
    departmentId: id,
    level: 'city',
    regionCode: '500000',
    district: null,
    town: null,
    fields: [...d.fields],
    organiserUserId: null,
    organiserSince: 0,
    led: true,
    members: [],
    generated: false,
  };
}

/** Writes the team and its closure rows, and adds it to the world. */
function writeTeam(run: ScaleRun, n: NewTeam, ms: number): Team {
  const { world, writer } = run;
  const id = run.ids.next('organisation', ms);
  const departmentId = world.departments.get(n.department.key) as string;
  const regionCode = n.town?.code ?? n.district?.code ?? '500000';
  writer.add('organisations', {
    id,
    name: n.name,
    kind: 'team',
    level: n.level,
    region_code: regionCode,
    parent_id: n.parent.id,
    department_id: departmentId,
    fields: JSON.stringify(n.department.fields),
    description: null,
    status: 'active',
    created_at: new Date(ms).toISOString(),
  });
  const up = [
    { id, depth: 0 },
    ...(world.ancestors.get(n.parent.id) ?? []).map((a) => ({ id: a.id, depth: a.depth + 1 })),
  ];
  for (const a of up) writer.add('organisation_closure', { ancestor: a.id, descendant: id, depth: a.depth });
  world.ancestors.set(id, up);
  world.orgParent.set(id, n.parent.id);
  world.orgDepartment.set(id, departmentId);
  const team: Team = {
    id,
    name: n.name,
    department: n.department.key,
    departmentId,
    level: n.level,
    regionCode,
    district: n.district,
    town: n.town,
    fields: [...n.department.fields],
    organiserUserId: null,
    organiserSince: 0,
    led: false,
    members: [],
    generated: true,
  };
  world.teams.push(team);
  return team;
}
