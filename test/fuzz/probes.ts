/**
 * One plain request per operation, role and scope for the access matrix: the path's ids, the
 * query's scope parameters and the body's ids all from 渝中区 (in scope for the organiser, site
 * manager and region admin) or all from 沙坪坝区 (out of it); everything else the plainest value
 * its schema takes.
 */
import fc from 'fast-check';
import { isoIn } from '../clock.js';
import { bodySchemaOf, pathParamsOf, type Method, type Operation } from './operations.js';
import type { Ids, Scene } from './scene.js';
import { POOL_OF_SEGMENT } from './requests.js';
import { arbitraryOf, type Hints } from './schema-arbitrary.js';

export type Scope = 'in' | 'out';

export interface Probe {
  method: Method;
  url: string;
  body?: unknown;
}

/** An id that names nothing, for path parameters the scene has no pool for. */
const NOBODY = '01a00000-0000-7000-8000-000000000000';

const POOL: Record<string, string> = {
  ...POOL_OF_SEGMENT,
  organisationId: 'organisations',
  parentId: 'organisations',
  departmentId: 'organisations',
  siteId: 'sites',
  activityId: 'activities',
  shiftId: 'shifts',
  volunteerId: 'volunteers',
  userId: 'users',
  goodsId: 'goods',
  regionCode: 'regions',
  region: 'regions',
  scopeId: 'regions',
  volunteerCode: 'codes',
};

const first = (ids: Ids, pool: string | undefined) => (pool ? ids[pool]?.[0] : undefined);
const one = (ids: Ids, pool: string) => ids[pool]?.[0] ?? NOBODY;
const HOUR = 3_600_000;

/**
 * Bodies and queries for the operations whose schema alone does not give a valid plain probe
 * (one-of rules, "change at least one field", a range): without these their cells would only
 * show that the caller reached the input check.
 */
const OVERRIDES: Record<string, (ids: Ids) => { body?: unknown; query?: string }> = {
  postOrganisationsByIdMembers: (ids) => ({ body: { volunteerCode: one(ids, 'codes') } }),
  getStatsOverview: (ids) => ({ query: `regionCode=${one(ids, 'regions')}` }),
  getStatsOverviewXlsx: (ids) => ({ query: `regionCode=${one(ids, 'regions')}` }),
  patchSitesById: () => ({ body: { openingHours: '每天 9:00-17:00' } }),
  getSitesByIdActivities: () => ({ query: `from=${isoIn(-24 * HOUR)}&to=${isoIn(24 * HOUR)}` }),
  getVolunteers: (ids) => ({ query: `regionCode=${one(ids, 'regions')}` }),
  postVolunteersSearch: (ids) => ({ body: { regionCode: one(ids, 'regions'), phone: '13800000000' } }),
  patchVolunteersById: () => ({ body: { skills: ['急救'] } }),
  postActivities: (ids) => ({
    body: {
      organisationId: one(ids, 'organisations'),
      title: '岸线清洁',
      field: 'ecology',
      description: '清理垃圾',
      location: { address: '解放碑', lat: 29.5576, lng: 106.5774 },
      radiusM: 200,
      shifts: [{ start: isoIn(48 * HOUR), end: isoIn(50 * HOUR), capacity: 5 }],
    },
  }),
  patchActivitiesById: () => ({ body: { title: '改名' } }),
  patchShiftsById: () => ({ body: { capacity: 6 } }),
  postInsurancePolicies: (ids) => ({
    body: {
      insurer: '中国人寿',
      policyNumber: 'MATRIX-1',
      startsOn: isoIn(0).slice(0, 10),
      endsOn: isoIn(30 * 24 * HOUR).slice(0, 10),
      activityId: one(ids, 'activities'),
    },
  }),
  getInsurancePolicies: (ids) => ({ query: `activityId=${one(ids, 'activities')}` }),
  putMeEmail: () => ({ body: { email: 'someone@example.org' } }),
  postCheckins: () => ({ body: { token: 'not-a-token', lat: 29.5576, lng: 106.5774, accuracyM: 10 } }),
  postCheckouts: () => ({ body: { token: 'not-a-token', lat: 29.5576, lng: 106.5774, accuracyM: 10 } }),
  postShiftsByIdAttendance: (ids) => ({
    body: { volunteerId: one(ids, 'volunteers'), kind: 'in', reason: '手机没电' },
  }),
  postRecords: (ids) => ({
    body: {
      volunteerId: one(ids, 'volunteers'),
      activityId: one(ids, 'activities'),
      start: isoIn(-3 * HOUR),
      end: isoIn(-2 * HOUR),
      content: '清理',
      evidence: '签到表',
    },
  }),
  postSupermarketsBySiteIdMemberLookup: () => ({ body: { memberCode: 'not-a-member-code' } }),
  postSupermarketsBySiteIdRedemptions: (ids) => ({
    body: {
      memberCode: 'not-a-member-code',
      items: [{ goodsId: one(ids, 'goods'), qty: 1 }],
      idempotencyKey: 'matrix-1',
    },
  }),
  postRecordsConfirm: (ids) => ({ body: { ids: [one(ids, 'records')] } }),
  getSupermarketsBySiteIdDayReport: () => ({ query: `date=${isoIn(0).slice(0, 10)}` }),
  postCertificates: (ids) => ({
    body: { volunteerId: one(ids, 'volunteers'), from: isoIn(-30 * 24 * HOUR).slice(0, 10), to: isoIn(0).slice(0, 10) },
  }),
  postNeedsByIdActivity: (ids) => ({
    body: {
      organisationId: one(ids, 'organisations'),
      title: '陪同买菜',
      field: 'ecology',
      siteId: one(ids, 'sites'),
      radiusM: 200,
      shift: { start: isoIn(48 * HOUR), end: isoIn(50 * HOUR), capacity: 2 },
    },
  }),
  postStories: (ids) => ({
    body: { organisationId: one(ids, 'organisations'), title: '江岸清洁', summary: '清理江岸', field: 'ecology' },
  }),
  patchStoriesById: () => ({ body: { summary: '清理江岸垃圾' } }),
  postStoriesByIdReturn: () => ({ body: { reason: '请补充时间' } }),
  postStoryTips: (ids) => ({ body: { regionCode: one(ids, 'regions'), text: '线索' } }),
  postStoryTipsByIdDecide: () => ({ body: { status: 'used' } }),
  getPlansOverview: () => ({ query: `year=${isoIn(0).slice(0, 4)}` }),
  getPlansOverviewXlsx: () => ({ query: `year=${isoIn(0).slice(0, 4)}` }),
  patchPlansById: () => ({ body: { summary: '巡河护河' } }),
  patchPlansByIdTasksByTaskId: () => ({ body: { unit: '场' } }),
  postPlansByIdTasks: (ids) => ({
    body: {
      title: '巡河',
      organisationId: one(ids, 'organisations'),
      target: 5,
      unit: '次',
      deadline: `${isoIn(0).slice(0, 4)}-12-31`,
    },
  }),
  postPlansByIdTasksByTaskIdProgress: () => ({ body: { value: 3, note: '巡河 3 次' } }),
  postPlansByIdFundingByFundingIdSpending: () => ({ body: { amount: 100, spentOn: `${isoIn(0).slice(0, 4)}-01-02` } }),
  patchPlansByIdFundingByFundingIdSpendingBySpendingId: () => ({ body: { note: '发票已补' } }),
  postHonours: (ids) => ({
    body: {
      subjectKind: 'volunteer',
      subjectId: one(ids, 'volunteers'),
      name: '优秀志愿者',
      level: 'city',
      year: 2024,
    },
  }),
  getHonours: (ids) => ({ query: `subjectKind=volunteer&subjectId=${one(ids, 'volunteers')}` }),
};

const plainHints =
  (ids: Ids): Hints =>
  (name) => {
    const id = first(ids, POOL[name]);
    if (id) return fc.constant(id);
    if (/password/i.test(name)) return fc.constant('not-the-password-1');
    if (name === 'phone') return fc.constant('13800000000');
    if (name === 'field') return fc.constant('ecology');
    if (name === 'scopeType') return fc.constant('region');
    return undefined;
  };

/** The probe of `op` as seen from `scope`. */
export function probeOf(scene: Scene, op: Operation, scope: Scope): Probe {
  const ids = scope === 'in' ? scene.inScope : scene.outOfScope;
  const hints = plainHints(ids);
  const sample = (a: fc.Arbitrary<unknown>) => fc.sample(a, { seed: 1, numRuns: 1 })[0];
  let url = op.path;
  for (const { name, segment } of pathParamsOf(op.path)) {
    const declared = op.parameters?.find((p) => p.in === 'path' && p.name === name)?.schema;
    const value =
      first(ids, POOL[segment] ?? POOL[name]) ??
      (declared?.enum?.length ? String(declared.enum[0]) : undefined) ??
      NOBODY;
    url = url.replace(`{${name}}`, encodeURIComponent(value));
  }
  const query = (op.parameters ?? [])
    .filter((p) => p.in === 'query' && (p.required || first(ids, POOL[p.name])))
    .map((p) => {
      const v = first(ids, POOL[p.name]) ?? sample(arbitraryOf(p.schema, {}, hints, p.name, 0, { plain: true }));
      return `${p.name}=${encodeURIComponent(String(v))}`;
    });
  const override = OVERRIDES[op.operationId]?.(ids);
  const q = override?.query ?? query.join('&');
  if (q) url += `?${q}`;
  const schema = bodySchemaOf(op);
  const body =
    override?.body ??
    (schema ? sample(arbitraryOf(schema, {}, hints, '', 0, { plain: true })) : op.method === 'GET' ? undefined : {});
  return { method: op.method, url, body };
}
