/**
 * Test scene for the supermarket suites: a supermarket site in 解放碑 with a clerk, a site
 * manager and a region admin; another supermarket with its own clerk; funded volunteers
 * and their member codes.
 */
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { clientFor, type BearerClient } from './activity-factories.js';
import { makeRegions, makeUser, makeVolunteer, REGIONS } from './factories.js';
import type { TestApp } from './test-app.js';
import { issueMemberCode } from '../src/server/platform/codes.js';
import { postTransaction, walletOf } from '../src/server/modules/points/ledger.js';
import { insertSite } from '../src/server/modules/sites/sites.repository.js';
import type { SiteType } from '../src/common/enums.js';

export interface Staff {
  userId: string;
  client: BearerClient;
}

export interface SupermarketScene {
  siteId: string;
  clerk: Staff;
  manager: Staff;
  regionAdmin: Staff;
  /** A supermarket in 沙坪坝 with its own clerk and region admin. */
  otherSiteId: string;
  otherClerk: Staff;
  otherRegionAdmin: Staff;
  /** A site that is not a supermarket, and a manager of it. */
  plainSiteId: string;
  plainManager: Staff;
}

export async function staff(t: TestApp, role: 'clerk' | 'site_manager', siteId: string): Promise<Staff> {
  const u = await makeUser(t.tdb.db, { roles: [{ role, scopeType: 'site', scopeId: siteId }] });
  return { userId: u.id, client: await clientFor(t.app, u.id) };
}

async function regionAdmin(t: TestApp, code: string): Promise<Staff> {
  const u = await makeUser(t.tdb.db, { roles: [{ role: 'region_admin', scopeType: 'region', scopeId: code }] });
  return { userId: u.id, client: await clientFor(t.app, u.id) };
}

export async function makeSupermarketSite(
  t: TestApp,
  regionCode: string = REGIONS.jiefangbei,
  type: SiteType = 'supermarket',
) {
  return insertSite(t.tdb.db, {
    name: type === 'supermarket' ? '解放碑积分超市' : '解放碑新时代文明实践站',
    type,
    regionCode,
    address: '渝中区解放碑民族路 1 号',
    lat: 29.5576,
    lng: 106.5774,
    organisationId: null,
  });
}

export async function makeSupermarketScene(t: TestApp): Promise<SupermarketScene> {
  await makeRegions(t.tdb.db);
  const siteId = await makeSupermarketSite(t);
  const otherSiteId = await makeSupermarketSite(t, REGIONS.xiaolongkan);
  const plainSiteId = await makeSupermarketSite(t, REGIONS.jiefangbei, 'practice_point');
  return {
    siteId,
    clerk: await staff(t, 'clerk', siteId),
    manager: await staff(t, 'site_manager', siteId),
    regionAdmin: await regionAdmin(t, REGIONS.yuzhong),
    otherSiteId,
    otherClerk: await staff(t, 'clerk', otherSiteId),
    otherRegionAdmin: await regionAdmin(t, REGIONS.shapingba),
    plainSiteId,
    plainManager: await staff(t, 'site_manager', plainSiteId),
  };
}

/** Gives a wallet points: an adjustment from the city's system account. */
export async function fund(t: TestApp, volunteerId: string, points: number): Promise<void> {
  await t.tdb.db.transaction().execute((trx) =>
    postTransaction(trx, {
      kind: 'adjust',
      idempotencyKey: `test-fund:${volunteerId}:${randomBytes(6).toString('hex')}`,
      source: 'adjustment',
      memo: 'test funding',
      postings: [
        { account: walletOf(volunteerId), amount: points },
        { account: { kind: 'system', ownerId: 'city' }, amount: -points },
      ],
    }),
  );
}

export interface Member {
  volunteerId: string;
  userId: string;
  name: string;
  /** The volunteer code and the phone: what a volunteer without a smartphone gives at the counter. */
  volunteerCode: string;
  phone: string;
  client: BearerClient;
  /** The member code as the volunteer's phone would show it now. */
  code(): string;
}

export async function makeMember(t: TestApp, points = 0, name = '陈小美'): Promise<Member> {
  const v = await makeVolunteer(t.app, { name });
  if (points) await fund(t, v.id, points);
  return {
    volunteerId: v.id,
    userId: v.userId,
    name,
    volunteerCode: v.volunteerCode,
    phone: v.phone,
    client: await clientFor(t.app, v.userId),
    code: () => issueMemberCode(t.app.ctx.cipher, v.id, 30).token,
  };
}

/** Sets the member's counter PIN through the API; throws unless accepted. */
export async function setPin(m: Member, pin: string): Promise<void> {
  const res = await m.client.request('PUT', '/api/v1/me/pin', { pin });
  if (res.statusCode !== 204) throw new Error(`setPin: ${res.statusCode} ${res.body}`);
}

export const key = (): string => `k-${randomBytes(9).toString('base64url')}`;

/** Adds goods as the given clerk; throws unless created. */
export async function addGoods(
  client: BearerClient,
  siteId: string,
  body: Record<string, unknown> = {},
): Promise<{ id: string; points: number; stock: number }> {
  const res = await client.post(`/api/v1/supermarkets/${siteId}/goods`, {
    name: '洗衣液',
    points: 10,
    stock: 100,
    ...body,
  });
  if (res.statusCode !== 201) throw new Error(`addGoods: ${res.statusCode} ${res.body}`);
  return res.json();
}

export const redeem = (
  client: BearerClient,
  siteId: string,
  memberCode: string,
  items: { goodsId: string; qty: number }[],
  idempotencyKey: string = key(),
): Promise<LightMyRequestResponse> =>
  client.post(`/api/v1/supermarkets/${siteId}/redemptions`, { memberCode, items, idempotencyKey });

export async function walletBalance(t: TestApp, volunteerId: string): Promise<number> {
  const row = await t.tdb.db
    .selectFrom('point_accounts')
    .select('balance')
    .where('kind', '=', 'wallet')
    .where('owner_id', '=', volunteerId)
    .executeTakeFirst();
  return row?.balance ?? 0;
}

export async function stockOf(t: TestApp, goodsId: string): Promise<number> {
  const row = await t.tdb.db.selectFrom('goods').select('stock').where('id', '=', goodsId).executeTakeFirstOrThrow();
  return row.stock;
}
