import { describe, expect, it } from 'vitest';
import { applyCaps, computeEarning, earnsFrom, expiryDate, type EarningRule } from './points.js';

const TZ = 'Asia/Shanghai';
const rule = (over: Partial<EarningRule> = {}): EarningRule => ({
  pointsPerHour: 10,
  pointsPerActivity: 0,
  sources: ['self', 'organiser_scan'],
  fieldMultipliers: {},
  projectMultipliers: {},
  bonuses: {},
  dailyCap: null,
  monthlyCap: null,
  ...over,
});
const facts = {
  minutes: 90,
  source: 'self',
  field: 'ecology',
  projectId: null,
  firstService: false,
  starBefore: 0,
  starAfter: 0,
};

describe('computeEarning', () => {
  it('is hours × points per hour, rounded down', () => {
    expect(computeEarning(rule(), facts).gross).toBe(15);
    expect(computeEarning(rule({ pointsPerHour: 7 }), { ...facts, minutes: 50 }).gross).toBe(5);
  });
  it('multiplies by field and project, then floors once', () => {
    const r = rule({ fieldMultipliers: { ecology: 1.5 }, projectMultipliers: { p1: 2 } });
    expect(computeEarning(r, { ...facts, projectId: 'p1' }).gross).toBe(45);
    expect(computeEarning(r, { ...facts, field: 'health', projectId: 'p2' }).gross).toBe(15);
    expect(computeEarning(rule({ pointsPerHour: 0.1 }), { ...facts, minutes: 180 }).gross).toBe(0);
    expect(computeEarning(rule({ pointsPerHour: 1.1 }), { ...facts, minutes: 600 }).gross).toBe(11);
  });
  it('adds per-activity points, the first-service bonus and each star newly reached', () => {
    const r = rule({
      pointsPerActivity: 5,
      bonuses: { firstService: 20, starReached: { '1': 100, '2': 200, '3': 300 } },
    });
    const e = computeEarning(r, { ...facts, firstService: true, starBefore: 0, starAfter: 2 });
    expect(e).toMatchObject({ hourly: 15, perActivity: 5, bonus: 320, gross: 340 });
    expect(computeEarning(r, { ...facts, starBefore: 2, starAfter: 2 }).gross).toBe(20);
  });
  it('keeps the facts behind the sum, for the reader to word', () => {
    const r = rule({
      fieldMultipliers: { ecology: 1.5 },
      pointsPerActivity: 5,
      bonuses: { firstService: 20, starReached: { '2': 200 } },
    });
    expect(computeEarning(r, { ...facts, firstService: true, starBefore: 0, starAfter: 2 }).breakdown).toEqual({
      minutes: facts.minutes,
      perHour: 10,
      fieldMultiplier: 1.5,
      projectMultiplier: 1,
      hourly: 22,
      perActivity: 5,
      firstService: 20,
      stars: [{ level: 2, bonus: 200 }],
      limitedBy: null,
      points: 247,
    });
    expect(computeEarning(r, facts).breakdown).toMatchObject({ firstService: 0, stars: [], points: 27 });
  });
  it('earns only from listed sources', () => {
    expect(earnsFrom(rule(), 'late')).toBe(false);
    expect(earnsFrom(rule({ sources: ['late'] }), 'late')).toBe(true);
  });
});

describe('applyCaps', () => {
  it('clips to what the day and the month still allow, never below zero', () => {
    const r = { dailyCap: 30, monthlyCap: 100 };
    expect(applyCaps(20, r, { day: 0, month: 0 })).toEqual({ points: 20, clippedBy: null });
    expect(applyCaps(20, r, { day: 20, month: 20 })).toEqual({ points: 10, clippedBy: 'day' });
    expect(applyCaps(20, r, { day: 0, month: 95 })).toEqual({ points: 5, clippedBy: 'month' });
    expect(applyCaps(20, r, { day: 40, month: 0 })).toEqual({ points: 0, clippedBy: 'day' });
    expect(applyCaps(20, { dailyCap: null, monthlyCap: null }, { day: 1e6, month: 1e6 }).points).toBe(20);
  });
});

describe('expiryDate', () => {
  it('defaults to the end of the following year, local time', () => {
    expect(expiryDate({ mode: 'end_of_following_year' }, '2026-11-29T03:00:00Z', TZ)).toBe('2027-12-31T16:00:00.000Z');
    // 31 Dec 2026 20:00 UTC is already 1 Jan 2027 in Shanghai
    expect(expiryDate({ mode: 'end_of_following_year' }, '2026-12-31T20:00:00Z', TZ)).toBe('2028-12-31T16:00:00.000Z');
  });
  it('runs N years to the end of the same local day', () => {
    expect(expiryDate({ mode: 'years', years: 2 }, '2026-11-29T03:00:00Z', TZ)).toBe('2028-11-29T16:00:00.000Z');
    expect(expiryDate({ mode: 'years', years: 1 }, '2028-02-29T03:00:00Z', TZ)).toBe('2029-02-28T16:00:00.000Z');
  });
});
