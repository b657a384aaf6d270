import type { Transaction } from 'kysely';
import type { Config } from '../../config.js';
import type { PersonalDataCipher } from '../../crypto.js';
import { cipherFor } from '../../crypto.js';
import type { Database } from '../../db/database.js';
import { hashPassword } from '../../platform/passwords.js';
import { DEMO_PASSWORD, insertAccounts, type DemoLogin } from './demo.accounts.js';
import { insertActivities, type DemoActivities } from './demo.activities.js';
import { DEPARTMENTS, insertDepartments, insertVolunteerOrganisations } from './demo.departments.js';
import { DemoRandom } from './demo.random.js';
import { insertDemoHonours } from './demo.honours.js';
import { insertDemoNeeds } from './demo.needs.js';
import { insertDemoPlans } from './demo.plans.js';
import { insertDemoReports } from './demo.reports.js';
import { insertCityRule, insertSupermarketGoods } from './demo.points.js';
import { loadChongqing } from './demo.regions.js';
import { databaseHoldsOrganisations } from './demo.repository.js';
import { insertSites, type DemoSite } from './demo.sites.js';
import { HOME_DISTRICT, insertTeams, type DemoTeam } from './demo.teams.js';
import { DEMO_VOLUNTEER_PHONE, DEMO_VOLUNTEER_REGION, insertVolunteers } from './demo.volunteers.js';
import type { DB } from '../../db/schema.js';
import { rebuildStats } from '../stats/index.js';

export { databaseHoldsOrganisations, DEMO_PASSWORD };

/** How many volunteers the demo registers. */
export const DEMO_VOLUNTEERS = 2000;
// A fixed seed: the same demo every time.
const SEED = 20261129;

/** What the demo loaded, and the logins to print. */
export interface DemoSummary {
  regionsAdded: number;
  departments: number;
  teamsByLevel: Record<string, number>;
  sitesByType: Record<string, number>;
  volunteers: number;
  memberships: number;
  activities: DemoActivities;
  goods: number;
  needs: number;
  /** Reports (随手拍) in the home district, in different states. */
  reports: number;
  /** Departments' yearly plans with key tasks and funding. */
  plans: number;
  logins: DemoLogin[];
  volunteer: { phone: string; volunteerCode: string; name: string };
  millis: number;
}

const countBy = <T>(items: T[], key: (t: T) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
};

/** The one item the demo relies on: a missing one is a bug in the demo data, so it throws. */
function required<T>(found: T | undefined, what: string): T {
  if (found === undefined) throw new Error(`the demo has no ${what}`);
  return found;
}

/** Everything but the timing, in the caller's transaction. */
async function loadInto(db: Transaction<DB>, cipher: PersonalDataCipher, passwordHash: string) {
  const rnd = new DemoRandom(SEED);
  const regions = await loadChongqing(db);
  const departments = await insertDepartments(db);
  await insertVolunteerOrganisations(db, departments);
  const teams: DemoTeam[] = await insertTeams(db, regions, departments);
  const sites: DemoSite[] = await insertSites(db, rnd, regions, teams);
  // The team admin's team: ecology's district team in 渝中区, with town and community teams below.
  const homeTeam = required(
    teams.find((t) => t.department === 'ecology' && t.level === 'district' && t.districtCode === HOME_DISTRICT),
    'ecology team in 渝中区',
  );
  const volunteers = await insertVolunteers({ cipher }, db, rnd, {
    regions,
    teams,
    passwordHash,
    count: DEMO_VOLUNTEERS,
    homeTeamId: homeTeam.id,
  });
  const home = required(regions.districts.get(HOME_DISTRICT), '渝中区');
  const ecology = required(
    DEPARTMENTS.find((d) => d.key === 'ecology'),
    'ecology department',
  );
  const managedSite = required(
    sites.find((s) => s.type === 'guidance_centre' && s.regionCode === HOME_DISTRICT),
    'guidance centre in 渝中区',
  );
  const logins = await insertAccounts(db, passwordHash, {
    region: { code: home.code, name: home.name },
    department: { id: required(departments.get('ecology'), 'ecology department'), name: ecology.name },
    team: homeTeam,
    site: managedSite,
    supermarket: required(
      sites.find((s) => s.type === 'supermarket' && s.districtCode === HOME_DISTRICT),
      'supermarket in 渝中区',
    ),
  });
  // Content to try: the city's point rule first, so the confirmed records earn through it.
  await insertCityRule(db);
  const activities = await insertActivities(db, rnd, {
    regions,
    teams,
    departments,
    demoVolunteerId: volunteers.demo.id,
    siteId: managedSite.id,
  });
  const goods = await insertSupermarketGoods(db, rnd, sites);
  await insertDemoHonours(db, {
    homeTeam,
    demoVolunteer: { id: volunteers.demo.id, regionCode: DEMO_VOLUNTEER_REGION },
  });
  // The demo writes most rows directly: its statistics are counted from them, as a rebuild does.
  await rebuildStats(db);
  return {
    regions,
    departments,
    teams,
    sites,
    volunteers,
    logins,
    activities,
    goods,
    home: { teamId: homeTeam.id },
  };
}

/**
 * Loads the Chongqing demo in one transaction: regions, the nine city departments, team
 * trees, sites of every type, 2,000 volunteers and one account per role. The caller checks
 * that the database is empty. The demo password is hashed once and reused: 2,000 argon2
 * hashes would take minutes.
 */
export async function loadDemo(database: Database, config: Config): Promise<DemoSummary> {
  const started = performance.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const cipher = cipherFor(config);
  const r = await database.db.transaction().execute((trx) => loadInto(trx, cipher, passwordHash));
  // Needs walk through their service, whose every step is a transaction of its own: after the load.
  const needs = await insertDemoNeeds(database.db, cipher, {
    regionCode: HOME_DISTRICT,
    teamId: r.home.teamId,
    demoVolunteerId: r.volunteers.demo.id,
  });
  const plans = await insertDemoPlans(database.db, { departments: r.departments, teams: r.teams });
  const reports = await insertDemoReports(database.db, cipher, {
    regionCode: HOME_DISTRICT,
    teamId: r.home.teamId,
    demoVolunteerId: r.volunteers.demo.id,
  });
  return {
    regionsAdded: r.regions.added,
    departments: DEPARTMENTS.length,
    teamsByLevel: countBy(r.teams, (t) => t.level),
    sitesByType: countBy(r.sites, (s) => s.type),
    volunteers: r.volunteers.count,
    memberships: r.volunteers.memberships,
    activities: r.activities,
    goods: r.goods,
    needs,
    reports,
    plans,
    logins: r.logins,
    volunteer: {
      phone: DEMO_VOLUNTEER_PHONE,
      volunteerCode: r.volunteers.demo.volunteerCode,
      name: r.volunteers.demo.name,
    },
    millis: Math.round(performance.now() - started),
  };
}

/** Prints what the demo holds and its logins; the admin only when its password is known. */
export function printDemoLogins(summary: DemoSummary, adminPassword: string | undefined): void {
  const teams = Object.values(summary.teamsByLevel).reduce((a, b) => a + b, 0);
  const sites = Object.values(summary.sitesByType).reduce((a, b) => a + b, 0);
  console.log(
    `Loaded the Chongqing demo in ${(summary.millis / 1000).toFixed(1)} s: ${summary.departments} departments, ` +
      `${teams} teams, ${sites} sites, ${summary.volunteers} volunteers, ` +
      `${summary.activities.activities} activities, ${summary.activities.records} confirmed service records, ` +
      `${summary.goods} supermarket goods, ${summary.needs} residents' needs, ${summary.reports} reports.`,
  );
  console.log(`Demo logins (password "${DEMO_PASSWORD}" unless noted):`);
  const rows: [string, string, string][] = [];
  if (adminPassword) rows.push(['admin', 'system_admin', `password "${adminPassword}"`]);
  for (const l of summary.logins) rows.push([l.login, l.role, l.scope]);
  const v = summary.volunteer;
  rows.push([`${v.phone} or ${v.volunteerCode}`, 'volunteer', v.name]);
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [login, role, scope] of rows) console.log(`  ${login.padEnd(width)}  ${role.padEnd(16)}  ${scope}`);
}

/**
 * Loads the Chongqing demo when the database holds no organisations yet, and prints the
 * logins. A demo that cannot load (say, a user already has the demo volunteer's phone) is
 * rolled back and reported, and the server starts without it: the demo is a convenience.
 */
export async function loadDemoIfEmpty(database: Database, config: Config): Promise<DemoSummary | null> {
  if (await databaseHoldsOrganisations(database.db)) return null;
  try {
    const summary = await loadDemo(database, config);
    printDemoLogins(summary, config.adminPassword);
    return summary;
  } catch (err) {
    console.error(`shanmei: the demo was not loaded: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}
