import { DEFAULT_FIELDS } from '../../../common/enums.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { MembershipsTable } from '../../db/schema.js';
import { newId, nowIso } from '../../ids.js';
import { registerVolunteer } from '../volunteers/index.js';
import { DEMO_PASSWORD } from './demo.accounts.js';
import { makePeople, residentIdNumber, type DemoPerson } from './demo.people.js';
import type { DemoRandom } from './demo.random.js';
import type { DemoRegions } from './demo.regions.js';
import { insertMemberships } from './demo.repository.js';
import type { DemoTeam } from './demo.teams.js';

/** The volunteer demo login: this phone, or the volunteer code printed at start. */
export const DEMO_VOLUNTEER_PHONE = '13800000001';

const SKILLS = ['急救', '手语', '驾驶', '摄影', '心理疏导', '外语', '法律咨询', '讲解', '医疗护理', '电脑维修'];
const FIELD_CODES = DEFAULT_FIELDS.map((f) => f.code);

export interface DemoVolunteers {
  count: number;
  memberships: number;
  /** The volunteer who logs in with DEMO_VOLUNTEER_PHONE. */
  demo: { id: string; volunteerCode: string; name: string };
}

/** Where the demo volunteer lives: 解放碑街道. */
export const DEMO_VOLUNTEER_REGION = '500103003';

/** The demo volunteer: lives in 解放碑街道 and belongs to the demo team admin's team. */
function demoPerson(): DemoPerson {
  return {
    name: '陈善美',
    idNumber: residentIdNumber('500103', '1992-05-04', 512, false),
    birthDate: '1992-05-04',
    male: false,
    phone: DEMO_VOLUNTEER_PHONE,
    regionCode: DEMO_VOLUNTEER_REGION,
    districtCode: '500103',
  };
}

/** The teams a person may join: those of their district, else the city teams. */
function teamsFor(person: DemoPerson, teams: DemoTeam[]): DemoTeam[] {
  const local = teams.filter((t) => t.districtCode === person.districtCode);
  return local.length ? local : teams.filter((t) => t.level === 'city');
}

/**
 * Registers `count` volunteers through the registration service (so ID numbers and phones
 * are encrypted, hashed and masked as for anyone), all with the demo password's one hash.
 * Most join one or two teams near home; the first member of a team leads it.
 */
export async function insertVolunteers(
  ctx: Pick<AppContext, 'cipher'>,
  db: Db,
  rnd: DemoRandom,
  input: { regions: DemoRegions; teams: DemoTeam[]; passwordHash: string; count: number; homeTeamId: string },
): Promise<DemoVolunteers> {
  const districts = input.regions.divisions.map((d) => ({ code: d.code, towns: d.towns.map((t) => t.code) }));
  const first = demoPerson();
  const others = makePeople(rnd, input.count + 1, districts, new Set([first.phone]));
  // One spare person covers the unlikely case that a random ID equals the demo volunteer's.
  const people = [first, ...others.filter((p) => p.idNumber !== first.idNumber).slice(0, input.count - 1)];
  const led = new Set<string>();
  const memberships: MembershipsTable[] = [];
  const join = (teamId: string, volunteerId: string) => {
    const role = led.has(teamId) ? 'member' : 'leader';
    led.add(teamId);
    memberships.push({
      id: newId(),
      organisation_id: teamId,
      volunteer_id: volunteerId,
      role,
      status: 'active',
      joined_at: nowIso(),
    });
  };
  let demo: DemoVolunteers['demo'] | undefined;
  for (const person of people) {
    const registered = await registerVolunteer(
      ctx,
      db,
      {
        name: person.name,
        idType: 'resident_id',
        idNumber: person.idNumber,
        phone: person.phone,
        password: DEMO_PASSWORD,
        regionCode: person.regionCode,
        skills: rnd.sample(SKILLS, rnd.int(3)),
        fields: rnd.sample(FIELD_CODES, 1 + rnd.int(2)),
      },
      { passwordHash: input.passwordHash },
    );
    if (!demo) {
      // Registered first, so the demo volunteer leads the team admin's team.
      demo = { id: registered.id, volunteerCode: registered.volunteerCode, name: person.name };
      join(input.homeTeamId, registered.id);
      continue;
    }
    // Seven in ten volunteers serve in a team, some in two.
    if (rnd.next() < 0.3) continue;
    for (const team of rnd.sample(teamsFor(person, input.teams), rnd.next() < 0.25 ? 2 : 1))
      join(team.id, registered.id);
  }
  if (!demo) throw new Error('the demo needs at least one volunteer');
  await insertMemberships(db, memberships);
  return { count: people.length, memberships: memberships.length, demo };
}
