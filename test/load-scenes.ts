/**
 * Data for load against a real server process, written straight to the database through the
 * test factories: a shift running now with many approved volunteers (check-ins), and a points
 * supermarket with clerks, funded wallets and goods (redemptions). Used by the benchmarks and
 * by the crash tests, which then judge the result with `storeConsistency`.
 */
import { clientFor, makeActivity, makeOrganisationTree, makeSignup, type AppLike } from './activity-factories.js';
import { testNow } from './clock.js';
import { makeRegions, makeUser, makeVolunteer } from './factories.js';
import { toNumber, type Db } from '../src/server/db/database.js';
import { newId, nowIso } from '../src/server/ids.js';
import { postTransaction, walletOf } from '../src/server/modules/points/ledger.js';
import { insertSite } from '../src/server/modules/sites/sites.repository.js';

export interface CheckinScene {
  shiftId: string;
  organiserToken: string;
  volunteerTokens: string[];
  /** The volunteers' ids, in the order of their tokens. */
  volunteerIds: string[];
}

/** A birth date of its own per volunteer: the factory's ID numbers vary only 3 digits per date. */
const birthDateNo = (base: number, i: number) =>
  new Date(Date.UTC(base, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);

/** A team with its admin, one shift that started ten minutes ago (room for everyone) and `n` approved sign-ups. */
export async function checkinScene(app: AppLike, n: number): Promise<CheckinScene> {
  const tree = await makeOrganisationTree(app);
  const start = testNow() - 10 * 60_000;
  const activity = await makeActivity(app, {
    orgId: tree.teamId,
    createdBy: tree.teamAdmin.userId,
    shifts: [{ start: new Date(start).toISOString(), end: new Date(start + 4 * 3_600_000).toISOString(), capacity: n }],
  });
  const shiftId = activity.shiftIds[0] as string;
  const volunteerTokens: string[] = [];
  const volunteerIds: string[] = [];
  for (let i = 0; i < n; i++) {
    const v = await makeVolunteer(app, { birthDate: birthDateNo(1960, i) });
    await makeSignup(app, { shiftId, volunteerId: v.id });
    volunteerTokens.push((await clientFor(app, v.userId)).token);
    volunteerIds.push(v.id);
  }
  return { shiftId, organiserToken: tree.teamAdmin.client.token, volunteerTokens, volunteerIds };
}

export interface StoreScene {
  siteId: string;
  clerkTokens: string[];
  wallets: string[];
  goods: string[];
}

/** One supermarket with `clerks` clerks, `wallets` funded wallets and `goods` well-stocked goods. */
export async function supermarketScene(
  app: AppLike,
  o: { name: string; clerks: number; wallets: number; goods: number; birthYear?: number; funds?: number },
): Promise<StoreScene> {
  const db = app.ctx.database.db;
  const regions = await db.selectFrom('regions').select('code').where('code', '=', '500103003').executeTakeFirst();
  if (!regions) await makeRegions(db);
  const siteId = await insertSite(db, {
    name: o.name,
    type: 'supermarket',
    regionCode: '500103003',
    address: '渝中区解放碑',
    lat: 29.5576,
    lng: 106.5774,
    organisationId: null,
  });
  const clerkTokens: string[] = [];
  for (let i = 0; i < o.clerks; i++) {
    const u = await makeUser(db, { roles: [{ role: 'clerk', scopeType: 'site', scopeId: siteId }] });
    clerkTokens.push((await clientFor(app, u.id)).token);
  }
  const funds = o.funds ?? 100_000_000;
  const wallets: string[] = [];
  for (let i = 0; i < o.wallets; i++) {
    const v = await makeVolunteer(app, { birthDate: birthDateNo(o.birthYear ?? 1970, i) });
    await db.transaction().execute((trx) =>
      postTransaction(trx, {
        kind: 'adjust',
        idempotencyKey: `fund:${v.id}`,
        source: 'adjustment',
        postings: [
          { account: walletOf(v.id), amount: funds },
          { account: { kind: 'system', ownerId: 'city' }, amount: -funds },
        ],
      }),
    );
    wallets.push(v.id);
  }
  const goods: string[] = [];
  for (let i = 0; i < o.goods; i++) {
    const id = newId();
    const now = nowIso();
    await db
      .insertInto('goods')
      .values({
        id,
        site_id: siteId,
        name: `商品 ${i + 1}`,
        points: 1 + i,
        stock: 1_000_000,
        limit_per_person: null,
        limit_period: null,
        donor: null,
        image_url: null,
        active: 1,
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto('stock_movements')
      .values({
        id: newId(),
        goods_id: id,
        site_id: siteId,
        delta: 1_000_000,
        kind: 'initial',
        reason: 'load scene',
        redemption_id: null,
        actor_user_id: null,
        stock_after: 1_000_000,
        created_at: now,
      })
      .execute();
    goods.push(id);
  }
  return { siteId, clerkTokens, wallets, goods };
}

/** Orders, the supermarket's account, the ledger and the stock of one store, and whether they agree. */
export async function storeConsistency(db: Db, siteId: string) {
  const orders = await db
    .selectFrom('redemptions')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('points').as('p')])
    .where('site_id', '=', siteId)
    .executeTakeFirstOrThrow();
  const account = await db
    .selectFrom('point_accounts')
    .select('balance')
    .where('kind', '=', 'supermarket')
    .where('owner_id', '=', siteId)
    .executeTakeFirst();
  const entries = await db
    .selectFrom('point_entries')
    .select((eb) => eb.fn.sum<number>('amount').as('s'))
    .executeTakeFirstOrThrow();
  const stock = await db
    .selectFrom('goods')
    .select((eb) => eb.fn.sum<number>('stock').as('s'))
    .where('site_id', '=', siteId)
    .executeTakeFirstOrThrow();
  const moved = await db
    .selectFrom('stock_movements')
    .select((eb) => eb.fn.sum<number>('delta').as('s'))
    .where('site_id', '=', siteId)
    .executeTakeFirstOrThrow();
  const ok =
    toNumber(orders.p) === toNumber(account?.balance) &&
    toNumber(entries.s) === 0 &&
    toNumber(stock.s) === toNumber(moved.s);
  return { orders: toNumber(orders.n), ok };
}
