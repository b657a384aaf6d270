import { applyCaps, computeEarning, earnsFrom, expiryDate, type EarningBreakdown } from '../../../../common/points.js';
import { starLevelFor } from '../../../../common/settings.js';
import { addDays } from '../../../../common/zoned-time.js';
import { redemptionLedgerKey } from '../../supermarkets/index.js';
import type { DemoRandom } from '../demo.random.js';
import type { Activities, Shifts } from './scale.activities.js';
import { ReceiptNumbers } from './scale.ids.js';
import type { ScaleLedger } from './scale.ledger.js';
import { WINDOW_DAYS, type ScaleRun } from './scale.run.js';
import type { ScaleGoods, ScaleSupermarket } from './scale.sites.js';
import type { People } from './scale.volunteers.js';

/**
 * The year of service, one local day at a time: each past shift's volunteers (its team's
 * members first, else neighbours; never someone not yet registered or serving elsewhere at the
 * time), their records confirmed by the organiser the same evening, the points each earns by
 * its rule — as points/earning.ts computes them, caps and bonuses included — and redemptions
 * at the generated supermarkets during opening hours, all in time order, so every wallet's
 * entries run in the order they happened and never below zero.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Cheapest goods: a wallet with less does not come to the counter. */
const MIN_PRICE = 40;
const RESTOCK = 100;

export interface RecordsResult {
  records: number;
  earnings: number;
  pointsEarned: number;
  redemptions: number;
  pointsRedeemed: number;
  /** Confirmed minutes per generated volunteer. */
  minutes: Int32Array;
}

interface RecordEvent {
  t: number;
  redemption: false;
  shift: number;
  volunteer: number;
  createdMs: number;
  scan: boolean;
  startAt: string;
  endAt: string;
}
type DayEvent = RecordEvent | { t: number; redemption: true };

export async function generateRecords(
  run: ScaleRun,
  people: People,
  activities: Activities,
  shifts: Shifts,
  supermarkets: ScaleSupermarket[],
  ledger: ScaleLedger,
  takenReceipts: ReadonlySet<string>,
): Promise<RecordsResult> {
  const rnd = run.random(5);
  const n = people.count;
  const state = {
    busyUntil: new Float64Array(n),
    minutes: new Int32Array(n),
    capDay: new Int32Array(n).fill(-1),
    capDayPoints: new Int32Array(n),
    capMonth: new Int32Array(n).fill(-1),
    capMonthPoints: new Int32Array(n),
    redeemedMonth: new Int32Array(n).fill(-1),
  };
  const result: RecordsResult = {
    records: 0,
    earnings: 0,
    pointsEarned: 0,
    redemptions: 0,
    pointsRedeemed: 0,
    minutes: state.minutes,
  };
  const receipts = new ReceiptNumbers(rnd.int(31 ** 6), takenReceipts);
  const byDistrict = new Map<number, ScaleSupermarket[]>();
  for (const s of supermarkets) byDistrict.set(s.district.idx, [...(byDistrict.get(s.district.idx) ?? []), s]);
  const { starThresholdsHours, hourStepMinutes, timeZone } = run.settings;
  const expiries = new Map<string, string>();
  const breakdowns = new Map<string, string>();
  const target = run.sizes.records;
  let p = 0;

  for (let d = -WINDOW_DAYS; d < 0; d++) {
    const dayStart = run.dayStart(d);
    const dayEnd = run.dayStart(d + 1);
    const date = addDays(run.asOf, d);
    const month = date.slice(0, 7);
    const monthKey = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
    const events: DayEvent[] = [];
    for (; p < shifts.past.length && (shifts.start[shifts.past[p] as number] as number) < dayEnd; p++) {
      const s = shifts.past[p] as number;
      const start = shifts.start[s] as number;
      const end = shifts.end[s] as number;
      const startAt = new Date(start).toISOString();
      const endAt = new Date(end).toISOString();
      const a = shifts.activity[s] as number;
      for (let k = 0; k < (shifts.records[s] as number); k++) {
        const v = pickVolunteer(rnd, people, state.busyUntil, activities, a, start);
        if (v < 0) continue;
        state.busyUntil[v] = end;
        // Checked out at the end; confirmed by the organiser within two hours, the same day.
        const createdMs = end + rnd.int(5 * MINUTE);
        const t = Math.max(createdMs, Math.min(createdMs + 10 * MINUTE + rnd.int(110 * MINUTE), dayEnd - MINUTE));
        events.push({
          t,
          redemption: false,
          shift: s,
          volunteer: v,
          createdMs,
          scan: rnd.next() < 0.2,
          startAt,
          endAt,
        });
      }
    }
    const redemptions =
      Math.floor(((d + WINDOW_DAYS + 1) * run.sizes.redemptions) / WINDOW_DAYS) -
      Math.floor(((d + WINDOW_DAYS) * run.sizes.redemptions) / WINDOW_DAYS);
    // Supermarkets open 09:00–17:00.
    for (let k = 0; k < redemptions; k++) events.push({ t: dayStart + 9 * HOUR + rnd.int(8 * HOUR), redemption: true });
    events.sort((x, y) => x.t - y.t);

    for (const e of events) {
      if (e.redemption) {
        redeem(e.t, monthKey);
        continue;
      }
      confirm(e, date, d, monthKey);
    }
    await run.writer.flushIfFull();
    run.progress.tick(result.records, target, 'records');
  }
  return result;

  function confirm(e: RecordEvent, date: string, day: number, monthKey: number): void {
    const v = e.volunteer;
    const a = shifts.activity[e.shift] as number;
    const team = activities.teams[a];
    if (!team) throw new Error(`activity ${a} has no team`);
    const volunteerUser = people.userIds[v] as string;
    const organiser =
      team.organiserUserId && team.organiserSince <= e.t && team.organiserUserId !== volunteerUser
        ? team.organiserUserId
        : run.adminUserId;
    const span = ((shifts.end[e.shift] as number) - (shifts.start[e.shift] as number)) / MINUTE;
    const minutes = Math.floor(span / hourStepMinutes) * hourStepMinutes;
    const source = e.scan ? 'organiser_scan' : 'self';
    const recordId = run.ids.next('record', e.createdMs);
    const confirmedAt = new Date(e.t).toISOString();
    const title = activities.titles[a] as string;
    run.writer.add('service_records', {
      id: recordId,
      volunteer_id: people.ids[v] as string,
      activity_id: activities.ids[a] as string,
      shift_id: shifts.ids[e.shift] as string,
      organisation_id: team.id,
      attendance_id: null,
      service_date: date,
      start_at: e.startAt,
      end_at: e.endAt,
      minutes,
      content: title,
      place: activities.places[a] as string,
      source,
      status: 'confirmed',
      evidence: null,
      recorded_by: e.scan ? organiser : null,
      approved_by: organiser,
      confirmed_at: confirmedAt,
      revoked_by: null,
      revoked_at: null,
      revoke_reason: null,
      replaces_id: null,
      created_at: new Date(e.createdMs).toISOString(),
    });
    result.records += 1;
    const before = state.minutes[v] as number;
    const after = before + minutes;
    state.minutes[v] = after;

    const rule = activities.rules[a];
    if (!rule || !earnsFrom(rule, source)) return;
    const earning = computeEarning(rule, {
      minutes,
      source,
      field: activities.fields[a] as string,
      projectId: activities.projects[a] ?? null,
      firstService: before === 0,
      starBefore: starLevelFor(before, starThresholdsHours),
      starAfter: starLevelFor(after, starThresholdsHours),
    });
    const caps = applyCaps(earning.gross, rule, {
      day: state.capDay[v] === day ? (state.capDayPoints[v] as number) : 0,
      month: state.capMonth[v] === monthKey ? (state.capMonthPoints[v] as number) : 0,
    });
    let points = caps.points;
    let limitedBy: EarningBreakdown['limitedBy'] = caps.clippedBy;
    if (rule.budgetLimited) {
      const left = Math.max(0, ledger.balanceOf('budget', team.id));
      if (points > left) {
        points = left;
        limitedBy = 'budget';
      }
    }
    if (points <= 0) return;
    const expiryKey = `${rule.id}|${date}`;
    let expiresAt = expiries.get(expiryKey);
    if (expiresAt === undefined) {
      expiresAt = expiryDate(rule.expiry, confirmedAt, timeZone);
      expiries.set(expiryKey, expiresAt);
    }
    const plain = limitedBy === null && earning.breakdown.firstService === 0 && earning.breakdown.stars.length === 0;
    const memoKey = `${rule.id}|${minutes}|${earning.breakdown.fieldMultiplier}|${earning.breakdown.projectMultiplier}`;
    let breakdown = plain ? breakdowns.get(memoKey) : undefined;
    if (breakdown === undefined) {
      breakdown = JSON.stringify({ ...earning.breakdown, limitedBy, points } satisfies EarningBreakdown);
      if (plain) breakdowns.set(memoKey, breakdown);
    }
    const transactionId = ledger.post({
      kind: 'earn',
      idempotencyKey: `earn:${recordId}`,
      source: 'rule',
      sourceId: recordId,
      memo: title.slice(0, 500),
      actorUserId: organiser,
      atMs: e.t,
      at: confirmedAt,
      postings: [
        { wallet: v, amount: points, expiresAt },
        { kind: 'budget', owner: team.id, amount: -points },
      ],
    });
    run.writer.add('point_earnings', {
      record_id: recordId,
      volunteer_id: people.ids[v] as string,
      transaction_id: transactionId,
      rule_id: rule.id,
      day: date,
      month: date.slice(0, 7),
      points,
      created_at: confirmedAt,
      breakdown,
    });
    result.earnings += 1;
    result.pointsEarned += points;
    state.capDayPoints[v] = (state.capDay[v] === day ? (state.capDayPoints[v] as number) : 0) + points;
    state.capDay[v] = day;
    state.capMonthPoints[v] = (state.capMonth[v] === monthKey ? (state.capMonthPoints[v] as number) : 0) + points;
    state.capMonth[v] = monthKey;
  }

  /** A holder of enough points, at most once a month (so monthly goods limits hold), at a supermarket of their district. */
  function redeem(t: number, monthKey: number): void {
    if (supermarkets.length === 0 || ledger.holders.length === 0) return;
    let v = -1;
    for (let k = 0; k < 30 && v < 0; k++) {
      const c = ledger.holders[rnd.int(ledger.holders.length)] as number;
      if ((ledger.walletBalance[c] as number) >= MIN_PRICE && state.redeemedMonth[c] !== monthKey) v = c;
    }
    if (v < 0) return;
    const local = byDistrict.get(people.district[v] as number);
    const site = local?.length ? rnd.pick(local) : rnd.pick(supermarkets);
    let left = ledger.walletBalance[v] as number;
    const want = 1 + rnd.int(3);
    const items: { g: ScaleGoods; qty: number }[] = [];
    for (const g of rnd.sample(site.goods, site.goods.length)) {
      if (items.length >= want) break;
      if (g.points > left) continue;
      const qty = g.limit === null && 2 * g.points <= left && rnd.next() < 0.2 ? 2 : 1;
      items.push({ g, qty });
      left -= qty * g.points;
    }
    if (items.length === 0) return;
    state.redeemedMonth[v] = monthKey;
    const at = new Date(t).toISOString();
    const id = run.ids.next('redemption', t);
    const points = items.reduce((s, i) => s + i.qty * i.g.points, 0);
    const transactionId = ledger.post({
      kind: 'redeem',
      idempotencyKey: redemptionLedgerKey(site.id, id),
      source: 'redemption',
      sourceId: id,
      memo: site.name,
      actorUserId: site.clerkUserId,
      atMs: t,
      at,
      postings: [
        { wallet: v, amount: -points },
        { kind: 'supermarket', owner: site.id, amount: points },
      ],
    });
    run.writer.add('redemptions', {
      id,
      site_id: site.id,
      volunteer_id: people.ids[v] as string,
      clerk_user_id: site.clerkUserId,
      idempotency_key: id,
      points,
      balance_after: ledger.walletBalance[v] as number,
      transaction_id: transactionId,
      status: 'completed',
      created_at: at,
      reversed_at: null,
      reversed_by: null,
      reverse_reason: null,
      reversal_transaction_id: null,
      receipt_no: receipts.next(),
    });
    for (const { g, qty } of items) {
      run.writer.add('redemption_items', {
        id: run.ids.next('redemptionItem', t),
        redemption_id: id,
        goods_id: g.id,
        qty,
        points_each: g.points,
      });
      if (g.stock < qty) restock(site, g, t - MINUTE);
      g.stock -= qty;
      g.changedAt = at;
      run.writer.add('stock_movements', {
        id: run.ids.next('movement', t),
        goods_id: g.id,
        site_id: site.id,
        delta: -qty,
        kind: 'redemption',
        reason: 'redemption',
        redemption_id: id,
        actor_user_id: site.clerkUserId,
        stock_after: g.stock,
        created_at: at,
      });
    }
    result.redemptions += 1;
    result.pointsRedeemed += points;
  }

  /** The clerk takes in a delivery just before the goods run out. */
  function restock(site: ScaleSupermarket, g: ScaleGoods, ms: number): void {
    g.stock += RESTOCK;
    run.writer.add('stock_movements', {
      id: run.ids.next('movement', ms),
      goods_id: g.id,
      site_id: site.id,
      delta: RESTOCK,
      kind: 'in',
      reason: '补货',
      redemption_id: null,
      actor_user_id: site.clerkUserId,
      stock_after: g.stock,
      created_at: new Date(ms).toISOString(),
    });
  }
}

/**
 * Someone free and registered by `start`: a member of the organising team mostly, else a
 * resident of the district, else anyone; -1 if a few hundred draws find nobody.
 */
function pickVolunteer(
  rnd: DemoRandom,
  people: People,
  busyUntil: Float64Array,
  activities: Activities,
  a: number,
  start: number,
): number {
  const members = (activities.teams[a] as { members: number[] }).members;
  const local = people.byDistrict[activities.districts[a] as number] ?? [];
  for (let k = 0; k < 300; k++) {
    const v =
      k < 20 && members.length && rnd.next() < 0.8
        ? (members[rnd.int(members.length)] as number)
        : k < 60 && local.length
          ? (local[rnd.int(local.length)] as number)
          : rnd.int(people.count);
    if ((people.registeredMs[v] as number) <= start && (busyUntil[v] as number) <= start) return v;
  }
  return -1;
}
