import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeActivity,
  makeOrganisationTree,
  makeSignup,
  shiftAt,
  type OrganisationTree,
} from '../../../../test/activity-factories.js';
import { allCells } from '../../../../test/db-dump.js';
import { makeUser, makeVolunteer, PASSWORD, REGIONS, type MadeVolunteer } from '../../../../test/factories.js';
import { countIdCandidates, type IdFacts } from '../../../../test/id-candidates.js';
import { makeActivityPolicy, readSheet } from '../../../../test/insurance-factories.js';
import { Client, createTestApp, type TestApp } from '../../../../test/test-app.js';
import { DIALECTS } from '../../../../test/test-db.js';

/** At least this many numbers must fit whatever an admin or a database copy shows of a person. */
const ENOUGH = 10_000;

/** Every form a birth date or the number itself could take in an answer or a cell. */
const secretsOf = (v: MadeVolunteer): string[] => {
  const ymd = v.idNumber.slice(6, 14);
  return [v.idNumber, ymd, `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6)}`, v.phone];
};

/** The facts an answer object gives about a person, wherever the object sits in the answer. */
function factsIn(node: unknown, v: MadeVolunteer, into: IdFacts): void {
  if (Array.isArray(node)) return node.forEach((n) => factsIn(n, v, into));
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  if (o.id === v.id || o.volunteerId === v.id || o.volunteerCode === v.volunteerCode) {
    if (typeof o.idNumber === 'string') Object.assign(into, { first: o.idNumber[0], last: o.idNumber.slice(-1) });
    if (typeof o.birthYear === 'number') into.birthYear = o.birthYear;
    if (typeof o.birthDate === 'string') into.birthDate = o.birthDate;
    if (o.gender === 'male' || o.gender === 'female') into.gender = o.gender;
  }
  Object.values(o).forEach((n) => factsIn(n, v, into));
}

describe.each(DIALECTS)('no ID number can be rebuilt from what is shown or stored, on %s', (dialect) => {
  let t: TestApp;
  let tree: OrganisationTree;
  let people: MadeVolunteer[];
  let shiftId: string;
  /** Every answer body an admin of each kind got, parsed. */
  const answers: unknown[] = [];
  /** Every raw answer body, to search for the secrets as text. */
  const raw: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await makeOrganisationTree(t.app);
    people = [];
    for (let i = 0; i < 6; i++) people.push(await makeVolunteer(t.app, { regionCode: REGIONS.jiefangbei }));
    const activity = await makeActivity(t.app, { orgId: tree.teamId, shifts: [shiftAt(24, 2, { capacity: 10 })] });
    shiftId = activity.shiftIds[0] as string;
    for (const p of people) await makeSignup(t.app, { shiftId, volunteerId: p.id });
    await makeActivityPolicy(t.tdb.db, activity.id, 'PA-1');

    const regionAdmin = await makeUser(t.tdb.db, {
      roles: [{ role: 'region_admin', scopeType: 'region', scopeId: REGIONS.yuzhong }],
    });
    const region = await new Client(t.app).login(regionAdmin.username, PASSWORD);
    const organiser = tree.teamAdmin.client;
    const keep = (status: number, body: string) => {
      expect(status).toBe(200);
      raw.push(body);
      answers.push(JSON.parse(body));
    };
    for (const q of [`?regionCode=${REGIONS.yuzhong}&limit=100`, `?regionCode=${REGIONS.jiefangbei}&q=张`]) {
      const res = await region.get(`/api/v1/volunteers${q}`);
      keep(res.statusCode, res.body);
    }
    for (const p of people) {
      for (const c of [region, organiser]) {
        const res = await c.get(`/api/v1/volunteers/${p.id}`);
        if (res.statusCode !== 404) keep(res.statusCode, res.body);
      }
      const found = await region.post('/api/v1/volunteers/search', { regionCode: REGIONS.yuzhong, phone: p.phone });
      keep(found.statusCode, found.body);
    }
    const signups = await organiser.get(`/api/v1/shifts/${shiftId}/signups`);
    keep(signups.statusCode, signups.body);

    // The insurer workbook, its rows turned into objects keyed like the API's.
    const xlsx = await organiser.get(`/api/v1/shifts/${shiftId}/insured.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const rows = await readSheet(xlsx.rawPayload);
    const header = (rows[0] ?? []).slice(1).map(String);
    expect(header).toContain('出生年份');
    const col = (name: string) => header.indexOf(name) + 1;
    const sheet = rows.slice(1).map((r) => ({
      volunteerCode: r[col('志愿者编号')],
      idNumber: r[col('证件号码')],
      birthYear: r[col('出生年份')],
      gender: r[col('性别')] === '男' ? 'male' : r[col('性别')] === '女' ? 'female' : null,
    }));
    raw.push(JSON.stringify(rows));
    answers.push(sheet);
  });
  afterAll(() => t.close());

  it('shows no birth date, ID number or phone in any answer a region admin or an organiser gets', () => {
    for (const p of people) {
      for (const secret of secretsOf(p)) {
        expect(
          raw.filter((body) => body.includes(secret)),
          secret,
        ).toEqual([]);
      }
    }
  });

  it(`leaves at least ${ENOUGH} candidates for every person from everything those answers show`, () => {
    for (const p of people) {
      const facts: IdFacts = { regionCode: REGIONS.jiefangbei };
      factsIn(answers, p, facts);
      expect(facts.first, 'the answers show the masked number').toBeDefined();
      expect(facts.birthYear, 'and the birth year').toBe(Number(p.idNumber.slice(6, 10)));
      expect(facts.birthDate).toBeUndefined();
      expect(countIdCandidates(facts)).toBeGreaterThanOrEqual(ENOUGH);
    }
  });

  it(`keeps nothing in clear that narrows a number below ${ENOUGH} candidates, in any table`, async () => {
    const cells = await allCells(t.tdb.db, dialect);
    expect(cells.length).toBeGreaterThan(100);
    for (const p of people) {
      for (const secret of secretsOf(p))
        expect(
          cells.filter((c) => c.includes(secret)),
          secret,
        ).toEqual([]);
      const row = await t.tdb.db.selectFrom('volunteers').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
      const facts: IdFacts = {
        first: row.id_number_masked[0],
        last: row.id_number_masked.slice(-1),
        regionCode: row.region_code,
        birthYear: row.birth_year === null ? null : Number(row.birth_year),
        gender: row.gender === 'male' || row.gender === 'female' ? row.gender : null,
      };
      expect(countIdCandidates(facts)).toBeGreaterThanOrEqual(ENOUGH);
    }
  });

  it('counts candidates right: the old mask with the birth date left a handful', () => {
    const p = people[0] as MadeVolunteer;
    const old: IdFacts = {
      regionCode: REGIONS.jiefangbei,
      first: p.idNumber[0],
      last: p.idNumber.slice(-1),
      birthDate: `${p.idNumber.slice(6, 10)}-${p.idNumber.slice(10, 12)}-${p.idNumber.slice(12, 14)}`,
      gender: Number(p.idNumber[16]) % 2 === 1 ? 'male' : 'female',
    };
    expect(countIdCandidates(old)).toBeLessThan(100);
    expect(countIdCandidates(old)).toBeGreaterThan(0);
  });

  it('opens the birth date only for the person: in their own data export', async () => {
    const p = people[1] as MadeVolunteer;
    const self = await new Client(t.app).login(p.phone, PASSWORD);
    const own = await self.request('GET', '/api/v1/me/export', undefined, { 'x-confirm-password': PASSWORD });
    expect(own.statusCode).toBe(200);
    const v = own.json().volunteer;
    expect(v.birthDate).toBe(`${p.idNumber.slice(6, 10)}-${p.idNumber.slice(10, 12)}-${p.idNumber.slice(12, 14)}`);
    expect(v.idNumber).toBe(p.idNumber);
  });
});
