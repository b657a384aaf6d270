import type { DepartmentKey } from '../demo.departments.js';
import type { DemoRandom } from '../demo.random.js';
import type * as repo from './scale.repository.js';
import { BASES, COMMUNITIES, GOODS, ROADS } from './scale.names.js';
import type { ScaleRun } from './scale.run.js';
import { FIGURE_SITE_TYPES, type FigureSiteType } from './scale.sizes.js';
import type { District, Team, Town } from './scale.world.js';

/**
 * Sites up to the figures of each type, every one in a real region and active: guidance
 * centres in district-level units lacking one, a centre in every town and street, practice
 * points, youth homes and points supermarkets spread over the towns, industry bases by district.
 * Each generated supermarket gets a clerk account and the demo's everyday goods with opening stock.
 */

const DAY = 86_400_000;

/** Where an activity can be held: a site's address and position. */
export interface Place {
  id: string;
  address: string;
  lat: number;
  lng: number;
}

export interface ScaleGoods {
  id: string;
  points: number;
  limit: number | null;
  stock: number;
  /** When its stock last changed (ISO), for the final stock update; null if it never did. */
  changedAt: string | null;
}

export interface ScaleSupermarket {
  id: string;
  name: string;
  district: District;
  clerkUserId: string;
  goods: ScaleGoods[];
}

export interface SitesResult {
  added: Record<FigureSiteType, number>;
  totals: Record<string, number>;
  supermarkets: ScaleSupermarket[];
  /** Sites activities may be held at, by town code (the demo's and the generated ones). */
  placesByTown: Map<string, Place[]>;
}

const DEPARTMENT_OF: Record<Exclude<FigureSiteType, 'industry_base'>, DepartmentKey> = {
  guidance_centre: 'publicity',
  town_centre: 'publicity',
  practice_point: 'publicity',
  youth_home: 'youth',
  supermarket: 'publicity',
};

const SUFFIX = { practice_point: '新时代文明实践站', youth_home: '青少年之家', supermarket: '积分超市' } as const;

interface SitePlan {
  name: string;
  type: FigureSiteType;
  district: District;
  town: Town | null;
  department: DepartmentKey;
}

export async function generateSites(
  run: ScaleRun,
  existing: Awaited<ReturnType<typeof repo.allSites>>,
): Promise<SitesResult> {
  const rnd = run.random(2);
  const totals: Record<string, number> = {};
  for (const s of existing) totals[s.type] = (totals[s.type] ?? 0) + 1;
  const towns = run.world.towns;
  const plans: SitePlan[] = [];
  const added = {} as Record<FigureSiteType, number>;
  for (const type of FIGURE_SITE_TYPES) {
    let n = Math.max(0, run.sizes.sites[type] - (totals[type] ?? 0));
    // Generated redemptions happen at generated supermarkets: keep one even when the demo's are enough.
    if (type === 'supermarket' && run.sizes.redemptions > 0) n = Math.max(n, 1);
    added[type] = n;
    totals[type] = (totals[type] ?? 0) + n;
    const have = new Set(existing.filter((s) => s.type === type).map((s) => s.region_code));
    if (type === 'guidance_centre') {
      const order = [...run.world.districts.filter((d) => !have.has(d.code)), ...run.world.districts];
      for (let i = 0; i < n; i++) {
        const district = order[i % order.length] as District;
        plans.push({ name: `${district.name}新时代文明实践中心`, type, district, town: null, department: 'publicity' });
      }
    } else if (type === 'town_centre') {
      const order = [...towns.filter((t) => !have.has(t.code)), ...towns];
      for (let i = 0; i < n; i++) {
        const town = order[i % order.length] as Town;
        plans.push({
          name: `${town.name}新时代文明实践所`,
          type,
          district: town.district,
          town,
          department: 'publicity',
        });
      }
    } else if (type === 'industry_base') {
      for (let i = 0; i < n; i++) {
        const base = BASES[i % BASES.length] as (typeof BASES)[number];
        const district = rnd.pick(run.world.districts);
        plans.push({ name: `${district.name}${base.name}`, type, district, town: null, department: base.department });
      }
    } else {
      const order = rnd.sample(towns, towns.length);
      const perTown = new Map<string, number>();
      for (let i = 0; i < n; i++) {
        const town = order[i % order.length] as Town;
        const k = perTown.get(town.code) ?? 0;
        perTown.set(town.code, k + 1);
        const community = `${COMMUNITIES[k % COMMUNITIES.length]}${k >= COMMUNITIES.length ? Math.floor(k / COMMUNITIES.length) + 1 : ''}`;
        plans.push({
          name: `${town.name}${community}${SUFFIX[type]}`,
          type,
          district: town.district,
          town,
          department: DEPARTMENT_OF[type],
        });
      }
    }
  }

  const placesByTown = new Map<string, Place[]>();
  const place = (townCode: string, p: Place) => placesByTown.set(townCode, [...(placesByTown.get(townCode) ?? []), p]);
  for (const s of existing) if (run.world.townByCode.has(s.region_code)) place(s.region_code, s);

  const manager = managers(run.world.teams);
  const supermarkets: ScaleSupermarket[] = [];
  const baseMs = run.windowStartMs - 300 * DAY;
  for (const [k, p] of plans.entries()) {
    const ms = baseMs + k * 30_000;
    const at = new Date(ms).toISOString();
    const id = run.ids.next('site', ms);
    const centre = p.town ?? p.district;
    const lat = Number((centre.lat + rnd.jitter(0.01)).toFixed(6));
    const lng = Number((centre.lng + rnd.jitter(0.01)).toFixed(6));
    const address = `重庆市${p.district.name}${p.town?.name ?? ''}${rnd.pick(ROADS)}${1 + rnd.int(300)}号`;
    const regionCode = p.town?.code ?? p.district.code;
    run.writer.add('sites', {
      id,
      name: p.name,
      type: p.type,
      region_code: regionCode,
      address,
      lat,
      lng,
      organisation_id: manager(p.department, p.town, p.district)?.id ?? null,
      opening_hours: p.type === 'supermarket' ? '周二至周日 09:00-17:00' : '周一至周日 09:00-18:00',
      facilities: JSON.stringify(FACILITIES[p.type]),
      accessibility: rnd.next() < 0.6 ? '无障碍坡道、无障碍卫生间' : null,
      status: 'active',
      created_at: at,
    });
    if (p.type !== 'supermarket' && p.town) place(p.town.code, { id, address, lat, lng });
    if (p.type === 'supermarket')
      supermarkets.push(
        stockSupermarket(run, rnd, { id, name: p.name, district: p.district }, regionCode, ms, supermarkets.length),
      );
    await run.writer.flushIfFull();
    run.progress.tick(k + 1, plans.length, 'sites');
  }
  return { added, totals, supermarkets, placesByTown };
}

const FACILITIES: Record<FigureSiteType, string[]> = {
  guidance_centre: ['多功能厅', '志愿者之家', '无障碍通道'],
  town_centre: ['活动室', '志愿服务站'],
  practice_point: ['活动室'],
  industry_base: ['展厅', '培训室'],
  youth_home: ['阅览室', '活动室'],
  supermarket: ['兑换柜台', '货架'],
};

/** The team of `department` nearest a place: its town team, else its district team, else its city team. */
function managers(teams: Team[]) {
  const byKey = new Map<string, Team>();
  for (const t of teams) {
    const key = `${t.department}:${t.level === 'city' ? 'city' : t.regionCode}`;
    if (t.level !== 'community' && !byKey.has(key)) byKey.set(key, t);
  }
  return (department: DepartmentKey, town: Town | null, district: District): Team | undefined =>
    (town ? byKey.get(`${department}:${town.code}`) : undefined) ??
    byKey.get(`${department}:${district.code}`) ??
    byKey.get(`${department}:city`);
}

/** A clerk account (no usable password) with its clerk grant, and the goods with opening stock. */
function stockSupermarket(
  run: ScaleRun,
  rnd: DemoRandom,
  site: { id: string; name: string; district: District },
  regionCode: string,
  ms: number,
  n: number,
): ScaleSupermarket {
  const at = new Date(ms).toISOString();
  const clerkUserId = run.ids.next('user', ms);
  run.writer.add('users', {
    id: clerkUserId,
    username: `clerk.${String(n + 1).padStart(5, '0')}`,
    display_name: `${site.name}店员`,
    phone_enc: null,
    phone_hash: null,
    phone_masked: null,
    password_hash: run.unusableHash,
    region_code: regionCode,
    locale: 'zh-CN',
    status: 'active',
    created_at: at,
  });
  run.writer.add('role_grants', {
    id: run.ids.next('grant', ms),
    user_id: clerkUserId,
    role: 'clerk',
    scope_type: 'site',
    scope_id: site.id,
    granted_by: run.adminUserId,
    created_at: at,
  });
  const goods: ScaleGoods[] = GOODS.map((g) => {
    const id = run.ids.next('goods', ms);
    const stock = 20 + rnd.int(101);
    run.writer.add('goods', {
      id,
      site_id: site.id,
      name: g.name,
      points: g.points,
      stock,
      limit_per_person: g.limit,
      limit_period: g.limit ? 'month' : null,
      donor: g.donor,
      image_url: null,
      active: 1,
      created_by: null,
      created_at: at,
      updated_at: at,
    });
    run.writer.add('stock_movements', {
      id: run.ids.next('movement', ms),
      goods_id: id,
      site_id: site.id,
      delta: stock,
      kind: 'initial',
      reason: 'opening stock',
      redemption_id: null,
      actor_user_id: null,
      stock_after: stock,
      created_at: at,
    });
    return { id, points: g.points, limit: g.limit, stock, changedAt: null };
  });
  return { ...site, clerkUserId, goods };
}
