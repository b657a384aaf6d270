import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../ids.js';
import { userByUsername } from '../auth/index.js';
import { insertRule } from '../points/index.js';
import { insertGoods, insertMovements } from '../supermarkets/index.js';
import type { DemoRandom } from './demo.random.js';
import type { DemoSite } from './demo.sites.js';

/** The city rule: points per confirmed hour, from self-reported and scanned service. */
export const DEMO_POINTS_PER_HOUR = 10;
/** The city rule's bonus for a volunteer's honour, by level. */
export const DEMO_HONOUR_POINTS = { national: 500, city: 200, district: 100, street: 50 } as const;

const GOODS: { name: string; points: number; donor: string | null; limit?: number }[] = [
  { name: '大米 5kg', points: 300, donor: null, limit: 1 },
  { name: '食用油 1.8L', points: 260, donor: null, limit: 1 },
  { name: '洗衣液 2kg', points: 120, donor: null },
  { name: '毛巾', points: 50, donor: null },
  { name: '牙膏', points: 40, donor: null },
  { name: '公交卡充值 20 元', points: 200, donor: '重庆市公共交通控股（集团）有限公司', limit: 2 },
  { name: '志愿者文化衫', points: 150, donor: '重庆市志愿服务联合会' },
  { name: '保温杯', points: 180, donor: null },
];

/**
 * The city's point rule (region 500000): 10 points an hour for self-reported and scanned
 * service and a bonus for a volunteer's honour by its level, expiring at the end of the following year. Inserted before any record is
 * confirmed, so the demo's confirmations earn through the real path.
 */
export async function insertCityRule(db: Db): Promise<string> {
  const admin = (await userByUsername(db, 'region.admin')) ?? (await userByUsername(db, 'admin'));
  if (!admin) throw new Error('the demo has no admin to own its point rule');
  const id = newId();
  await insertRule(db, {
    id,
    scope_type: 'region',
    scope_id: '500000',
    points_per_hour: DEMO_POINTS_PER_HOUR,
    points_per_activity: 0,
    sources: JSON.stringify(['self', 'organiser_scan']),
    field_multipliers: '{}',
    project_multipliers: '{}',
    bonuses: JSON.stringify({ honour: DEMO_HONOUR_POINTS }),
    daily_cap: null,
    monthly_cap: null,
    expiry: JSON.stringify({ mode: 'end_of_following_year' }),
    budget_limited: 0,
    created_by: admin.id,
    created_at: nowIso(),
  });
  return id;
}

/** Stocks every demo supermarket with everyday goods, each with its opening stock movement. */
export async function insertSupermarketGoods(db: Db, rnd: DemoRandom, sites: DemoSite[]): Promise<number> {
  const now = nowIso();
  let count = 0;
  for (const site of sites.filter((s) => s.type === 'supermarket')) {
    for (const g of GOODS) {
      const id = newId();
      const stock = 10 + rnd.int(91);
      await insertGoods(db, {
        id,
        site_id: site.id,
        name: g.name,
        points: g.points,
        stock,
        limit_per_person: g.limit ?? null,
        limit_period: g.limit ? 'month' : null,
        donor: g.donor,
        image_url: null,
        active: 1,
        created_by: null,
        created_at: now,
        updated_at: now,
      });
      await insertMovements(db, [
        {
          id: newId(),
          goods_id: id,
          site_id: site.id,
          delta: stock,
          kind: 'initial',
          reason: 'opening stock',
          redemption_id: null,
          actor_user_id: null,
          stock_after: stock,
          created_at: now,
        },
      ]);
      count++;
    }
  }
  return count;
}
