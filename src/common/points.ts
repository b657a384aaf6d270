/**
 * Point rules as pure functions: what a confirmed record earns, how caps clip it, and when
 * earned points expire. The server feeds them facts read in the confirming transaction.
 */

import type { HonourLevel } from './enums.js';
import { localDate, localMidnight } from './zoned-time.js';

/** Points a volunteer's honour earns, by its level (a level not named earns nothing). */
export type HonourBonuses = Partial<Record<HonourLevel, number>>;

export type ExpiryRule = { mode: 'end_of_following_year' } | { mode: 'years'; years: number };

export interface EarningRule {
  pointsPerHour: number;
  pointsPerActivity: number;
  sources: readonly string[];
  fieldMultipliers: Record<string, number>;
  projectMultipliers: Record<string, number>;
  bonuses: {
    firstService?: number;
    starReached?: Record<string, number>;
    honour?: HonourBonuses;
    /** Points for a handled report (随手拍), to its reporter. */
    report?: number;
  };
  dailyCap: number | null;
  monthlyCap: number | null;
}

export const DEFAULT_SOURCES = ['self', 'organiser_scan'] as const;

export interface EarningFacts {
  minutes: number;
  source: string;
  field: string;
  projectId: string | null;
  /** No other confirmed record of the volunteer exists. */
  firstService: boolean;
  starBefore: number;
  starAfter: number;
}

/**
 * Why a confirmed record earned what it did, as facts rather than words: kept beside the
 * earning and worded by the reader in their own language (the web's i18n, the notice
 * templates). `limitedBy` and `points` are set once caps and the budget are applied.
 */
export interface EarningBreakdown {
  /** Minutes of service counted. */
  minutes: number;
  perHour: number;
  fieldMultiplier: number;
  projectMultiplier: number;
  /** floor(hours × perHour × multipliers). */
  hourly: number;
  perActivity: number;
  /** The first-service bonus, 0 when none applies. */
  firstService: number;
  /** Each star level newly reached with its bonus. */
  stars: { level: number; bonus: number }[];
  /** What cut the points below the gross: the daily or monthly cap, or the organisation's budget. */
  limitedBy: 'day' | 'month' | 'budget' | null;
  /** What was credited in the end. */
  points: number;
}

export interface Earning {
  /** Points before caps. */
  gross: number;
  /** From hours × points per hour × multipliers, rounded down. */
  hourly: number;
  perActivity: number;
  bonus: number;
  /** The facts behind `gross` (with `points` = gross and no limit yet). */
  breakdown: EarningBreakdown;
}

/** Whether a record of this source earns under the rule (late entries only when listed). */
export const earnsFrom = (rule: Pick<EarningRule, 'sources'>, source: string): boolean => rule.sources.includes(source);

/**
 * Points before caps: floor(hours × pointsPerHour × field multiplier × project multiplier)
 * + per-activity points + bonuses (first service; each star level newly reached).
 * Integer arithmetic on minutes first, so 1.5 h × 10 is 15 exactly, not 14.999….
 */
export function computeEarning(rule: EarningRule, f: EarningFacts): Earning {
  const fieldM = rule.fieldMultipliers[f.field] ?? 1;
  const projectM = f.projectId ? (rule.projectMultipliers[f.projectId] ?? 1) : 1;
  const exact = (f.minutes * rule.pointsPerHour * fieldM * projectM) / 60;
  // Guard floating noise (e.g. 0.1×3 = 0.30000000000000004 or 14.999999999) before flooring.
  const hourly = Math.max(0, Math.floor(exact + 1e-9));
  const perActivity = rule.pointsPerActivity;
  let bonus = 0;
  const firstService = f.firstService ? (rule.bonuses.firstService ?? 0) : 0;
  bonus += firstService;
  const stars: EarningBreakdown['stars'] = [];
  for (let level = f.starBefore + 1; level <= f.starAfter; level++) {
    const b = rule.bonuses.starReached?.[String(level)];
    if (b) {
      bonus += b;
      stars.push({ level, bonus: b });
    }
  }
  const gross = hourly + perActivity + bonus;
  const breakdown: EarningBreakdown = {
    minutes: f.minutes,
    perHour: rule.pointsPerHour,
    fieldMultiplier: fieldM,
    projectMultiplier: projectM,
    hourly,
    perActivity,
    firstService,
    stars,
    limitedBy: null,
    points: gross,
  };
  return { gross, hourly, perActivity, bonus, breakdown };
}

export interface CapUsage {
  /** Points already earned (net of reversals) in the record's local day / month. */
  day: number;
  month: number;
}

/** Clips points to what the daily and monthly caps still allow; never negative. */
export function applyCaps(
  points: number,
  rule: Pick<EarningRule, 'dailyCap' | 'monthlyCap'>,
  used: CapUsage,
): { points: number; clippedBy: 'day' | 'month' | null } {
  let out = points;
  let clippedBy: 'day' | 'month' | null = null;
  if (rule.dailyCap !== null && out > rule.dailyCap - used.day) {
    out = Math.max(0, rule.dailyCap - used.day);
    clippedBy = 'day';
  }
  if (rule.monthlyCap !== null && out > rule.monthlyCap - used.month) {
    out = Math.max(0, rule.monthlyCap - used.month);
    clippedBy = 'month';
  }
  return { points: out, clippedBy };
}

/**
 * When points earned at `earnedAt` expire: the local midnight that ends their last valid
 * day. end_of_following_year: earned in 2026 → valid through 31 Dec 2027 → expire at
 * 2028-01-01 00:00 local. years N: earned on 29 Nov 2026 → valid through 29 Nov 2026+N.
 * Always a local midnight, so an expiry run on any instant of a day covers a whole day.
 */
export function expiryDate(rule: ExpiryRule, earnedAt: string, timeZone: string): string {
  const local = localDate(earnedAt, timeZone);
  const year = Number(local.slice(0, 4));
  if (rule.mode === 'end_of_following_year') return localMidnight(`${year + 2}-01-01`, timeZone);
  const md = local.slice(5);
  // 29 Feb + N years on a non-leap year: valid through 28 Feb.
  const target = `${year + rule.years}-${md}`;
  const valid =
    Number.isNaN(Date.parse(`${target}T00:00:00Z`)) || new Date(`${target}T00:00:00Z`).toISOString().slice(5, 10) !== md
      ? `${year + rule.years}-02-28`
      : target;
  const next = new Date(Date.parse(`${valid}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return localMidnight(next, timeZone);
}

/**
 * Ledger sources of points a region's system account gives a volunteer outside service
 * records (an admin's adjustment, an honour's or a handled report's bonus): the statistics count them as points
 * issued where that account is, on the local day they were given, with what a reversal took back.
 */
export const GRANT_SOURCES = ['adjustment', 'honour', 'report'] as const;
