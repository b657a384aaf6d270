import { DEFAULT_FIELDS } from '../../../../common/enums.js';
import { maskIdNumber } from '../../../../common/id-numbers.js';
import { birthDate, chineseName, residentIdNumber } from '../demo.people.js';
import type { DemoRandom } from '../demo.random.js';
import { idNamespace } from '../../volunteers/index.js';
import { VolunteerCodes } from './scale.ids.js';
import type * as repo from './scale.repository.js';
import { SKILLS } from './scale.names.js';
import type { ScaleRun } from './scale.run.js';
import type { Team, Town } from './scale.world.js';

/**
 * Registered volunteers as the registration service stores them — user, volunteer, the
 * `volunteer` grant — with real-format 居民身份证 numbers encrypted, hashed and masked the same
 * way, and no phone. Seven in ten join teams near home; the first to join a team without a
 * leader leads it and holds team_admin over it.
 */

const DAY = 86_400_000;
const YEAR = 365 * DAY;
/** The keyed-hash namespace of resident ID numbers, as registration hashes them. */
const RESIDENT_ID_NAMESPACE = idNamespace('resident_id');
const FIELD_CODES = DEFAULT_FIELDS.map((f) => f.code);
const BIRTH_FROM = Date.UTC(1950, 0, 1);
const BIRTH_DAYS = Math.round((Date.UTC(2009, 0, 1) - BIRTH_FROM) / DAY);

/** The generated people, by index (registration order), as later phases need them. */
export interface People {
  count: number;
  ids: string[];
  userIds: string[];
  registeredMs: Float64Array;
  district: Uint16Array;
  /** Volunteer indices by district index. */
  byDistrict: number[][];
  memberships: number;
}

export async function generateVolunteers(
  run: ScaleRun,
  taken: Awaited<ReturnType<typeof repo.takenVolunteerKeys>>,
): Promise<People> {
  const rnd = run.random(3);
  const n = run.sizes.volunteers;
  const codes = new VolunteerCodes(rnd.int(10_000_000_000), taken.codes);
  const towns = run.world.towns.filter((t) => t.district.division);
  const pools = teamPools(run.world.teams);
  // One counter per (district, birth date, gender): the sequence digits, so no number repeats.
  const sequences = new Uint16Array(run.world.districts.length * BIRTH_DAYS * 2);
  const people: People = {
    count: n,
    ids: new Array<string>(n),
    userIds: new Array<string>(n),
    registeredMs: new Float64Array(n),
    district: new Uint16Array(n),
    byDistrict: run.world.districts.map(() => []),
    memberships: 0,
  };
  // Registered over six years up to the day before the reference date, in index order.
  const from = run.windowStartMs - 5 * YEAR;
  const step = (run.asOfMs - DAY - from) / n;
  for (let i = 0; i < n; i++) {
    const ms = Math.floor(from + (i + rnd.next()) * step);
    const town = rnd.pick(towns);
    const at = new Date(ms).toISOString();
    const male = rnd.next() < 0.5;
    const birth = birthDate(rnd, new Date(ms));
    const { idNumber, hash } = nextIdNumber(run, sequences, taken.idHashes, town, birth, male);
    const name = chineseName(rnd);
    const userId = run.ids.next('user', ms);
    const volunteerId = run.ids.next('volunteer', ms);
    people.ids[i] = volunteerId;
    people.userIds[i] = userId;
    people.registeredMs[i] = ms;
    people.district[i] = town.district.idx;
    people.byDistrict[town.district.idx]?.push(i);
    run.writer.add('users', {
      id: userId,
      username: null,
      display_name: name,
      phone_enc: null,
      phone_hash: null,
      phone_masked: null,
      password_hash: run.unusableHash,
      region_code: town.code,
      locale: 'zh-CN',
      status: 'active',
      created_at: at,
    });
    run.writer.add('volunteers', {
      id: volunteerId,
      user_id: userId,
      volunteer_code: codes.next(),
      national_code: null,
      name,
      id_type: 'resident_id',
      id_number_enc: run.cipher.encrypt(idNumber),
      id_number_hash: hash,
      id_number_masked: maskIdNumber('resident_id', idNumber),
      birth_year: Number(birth.slice(0, 4)),
      gender: male ? 'male' : 'female',
      region_code: town.code,
      skills: JSON.stringify(rnd.sample(SKILLS, rnd.int(3))),
      fields: JSON.stringify(rnd.sample(FIELD_CODES, 1 + rnd.int(2))),
      availability: '[]',
      status: 'active',
      registered_at: at,
      updated_at: at,
    });
    run.writer.add('role_grants', {
      id: run.ids.next('grant', ms),
      user_id: userId,
      role: 'volunteer',
      scope_type: 'system',
      scope_id: 'system',
      granted_by: null,
      created_at: at,
    });
    people.memberships += join(run, rnd, pools, town, i, userId, volunteerId, ms);
    if ((i & 1023) === 0) {
      await run.writer.flushIfFull();
      run.progress.tick(i, n, 'volunteers');
    }
  }
  return people;
}

/**
 * A resident ID number of a person of the town's district born on `birth`: the sequence is
 * the next free one of its (district, date, gender), and numbers already registered (the
 * demo's random ones) are passed over by their hash.
 */
function nextIdNumber(
  run: ScaleRun,
  sequences: Uint16Array,
  takenHashes: ReadonlySet<string>,
  town: Town,
  birth: string,
  male: boolean,
): { idNumber: string; hash: string } {
  const day = Math.round((Date.parse(birth) - BIRTH_FROM) / DAY);
  const slot = (town.district.idx * BIRTH_DAYS + day) * 2 + (male ? 1 : 0);
  for (;;) {
    const k = sequences[slot] ?? 0;
    if (k >= 500) throw new Error(`more than 500 people share district ${town.district.code}, ${birth} and gender`);
    sequences[slot] = k + 1;
    const idNumber = residentIdNumber(town.district.code, birth, k * 2, male);
    const hash = run.cipher.lookupHash(RESIDENT_ID_NAMESPACE, idNumber);
    if (!takenHashes.has(hash)) return { idNumber, hash };
  }
}

interface Pools {
  byTown: Map<string, Team[]>;
  byDistrict: Map<string, Team[]>;
  city: Team[];
}

function teamPools(teams: Team[]): Pools {
  const pools: Pools = { byTown: new Map(), byDistrict: new Map(), city: [] };
  for (const t of teams) {
    if (t.level === 'city') pools.city.push(t);
    else if (t.town) pools.byTown.set(t.town.code, [...(pools.byTown.get(t.town.code) ?? []), t]);
    else if (t.district) pools.byDistrict.set(t.district.code, [...(pools.byDistrict.get(t.district.code) ?? []), t]);
  }
  return pools;
}

/** Joins the person to one team near home, sometimes two; answers how many. */
function join(
  run: ScaleRun,
  rnd: DemoRandom,
  pools: Pools,
  town: Town,
  index: number,
  userId: string,
  volunteerId: string,
  registeredMs: number,
): number {
  if (rnd.next() < 0.3) return 0;
  const local = pools.byTown.get(town.code) ?? [];
  const district = pools.byDistrict.get(town.district.code) ?? [];
  const first = local.length ? rnd.pick(local) : district.length ? rnd.pick(district) : rnd.pick(pools.city);
  const teams = [first];
  if (rnd.next() < 0.25) {
    const more = [...local, ...district, ...pools.city].filter((t) => t !== first);
    if (more.length) teams.push(rnd.pick(more));
  }
  // Joined within a month of registering, and before the reference date.
  const ms = Math.min(registeredMs + rnd.int(30 * DAY), run.asOfMs - 1);
  const at = new Date(ms).toISOString();
  for (const team of teams) {
    const leads = !team.led;
    team.led = true;
    team.members.push(index);
    run.writer.add('memberships', {
      id: run.ids.next('membership', ms),
      organisation_id: team.id,
      volunteer_id: volunteerId,
      role: leads ? 'leader' : 'member',
      status: 'active',
      joined_at: at,
    });
    if (!leads) continue;
    team.organiserUserId = userId;
    team.organiserSince = ms;
    run.writer.add('role_grants', {
      id: run.ids.next('grant', ms),
      user_id: userId,
      role: 'team_admin',
      scope_type: 'organisation',
      scope_id: team.id,
      granted_by: run.adminUserId,
      created_at: at,
    });
  }
  return teams.length;
}
