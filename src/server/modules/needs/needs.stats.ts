// Residents' needs in the statistics: counts by status, mean minutes per step and the share of
// ratings of 4 or 5, over a region's subtree and a window of posting times.
import { NEED_STATUSES } from '../../../common/contract/needs.js';
import type { StatsNeedsQueryInput, StatsNeedsResult } from '../../../common/contract/stats.js';
import { forbidden, notFound } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../ids.js';
import type { Actor } from '../../platform/access/policy.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { regionByCode } from '../regions/index.js';
import { resolveWindow } from '../stats/index.js';
import * as repo from './needs.stats.repository.js';
import { reviews } from './needs.view.js';

type Row = Awaited<ReturnType<typeof repo.needsForStats>>[number];

const SATISFIED = 4;

function counts(rows: Row[]) {
  const rated = rows.filter((r) => r.score !== null);
  const satisfied = rated.filter((r) => (r.score ?? 0) >= SATISFIED).length;
  return {
    total: rows.length,
    rated: rated.length,
    satisfied,
    satisfactionRate: rated.length === 0 ? null : Math.round((satisfied / rated.length) * 1000) / 1000,
  };
}

/** Per site that handled needs, by name (then id); the needs no site handled last, under a null site. */
function bySite(rows: Row[]) {
  const sites = new Map<string | null, string | null>();
  for (const r of rows) sites.set(r.site_id, r.site_name);
  return [...sites.entries()]
    .sort(([a, an], [b, bn]) =>
      a === null ? 1 : b === null ? -1 : (an ?? '').localeCompare(bn ?? '', 'zh-CN') || a.localeCompare(b),
    )
    .map(([siteId, name]) => ({ siteId, name, ...counts(rows.filter((r) => r.site_id === siteId)) }));
}

type Step = 'review' | 'dispatch' | 'take' | 'done';

/**
 * Each step's minutes, from the timelines: post→review (the review, either way), review→dispatch
 * (the first dispatch), dispatch→take (each take, from the dispatch it answered) and take→done.
 */
function meanMinutes(events: { need_id: string; kind: string; at: string }[]) {
  const sum = { review: 0, dispatch: 0, take: 0, done: 0 };
  const n = { review: 0, dispatch: 0, take: 0, done: 0 };
  const add = (step: Step, since: string | undefined, at: string) => {
    if (since === undefined) return;
    sum[step] += (Date.parse(at) - Date.parse(since)) / 60_000;
    n[step] += 1;
  };
  let need = '';
  let t: Partial<Record<'posted' | 'reviewed' | 'dispatched' | 'taken', string>> = {};
  let dispatchedOnce = false;
  for (const e of events) {
    if (e.need_id !== need) {
      need = e.need_id;
      t = {};
      dispatchedOnce = false;
    }
    if (e.kind === 'posted') t.posted = e.at;
    else if (e.kind === 'reviewed') {
      add('review', t.posted, e.at);
      t.reviewed = e.at;
    } else if (e.kind === 'dispatched') {
      if (!dispatchedOnce) add('dispatch', t.reviewed, e.at);
      dispatchedOnce = true;
      t.dispatched = e.at;
    } else if (e.kind === 'taken') {
      add('take', t.dispatched, e.at);
      t.taken = e.at;
    } else if (e.kind === 'completed') add('done', t.taken, e.at);
  }
  const mean = (s: Step) => (n[s] === 0 ? null : Math.round((sum[s] / n[s]) * 10) / 10);
  return { review: mean('review'), dispatch: mean('dispatch'), take: mean('take'), done: mean('done') };
}

/** The needs' statistics of a region: for those who review its needs. */
export async function needStats(db: Db, actor: Actor, q: StatsNeedsQueryInput): Promise<StatsNeedsResult> {
  const region = await regionByCode(db, q.regionCode);
  if (!region) throw notFound('Region');
  if (!(await reviews(db, actor, q.regionCode))) throw forbidden('You do not review the needs of that region');
  const { timeZone } = await getSettings(db);
  const w = resolveWindow({ from: q.from, to: q.to }, Date.parse(nowIso()), timeZone);
  const scope = { regionCode: q.regionCode, from: w.from, to: w.to, type: q.type, siteId: q.siteId };
  const rows = await repo.needsForStats(db, scope);
  const events = await repo.eventsForStats(db, scope);
  const now = nowIso();
  const byStatus = Object.fromEntries(NEED_STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length]));
  const types = [...new Set(rows.map((r) => r.type))].sort();
  const children = await repo.childOfRegions(
    db,
    region.code,
    rows.map((r) => r.region_code),
  );
  const childCodes = [...new Map(children.map((c) => [c.code, c.name])).entries()];
  return {
    regionCode: region.code,
    regionName: region.name,
    from: w.from,
    to: w.to,
    ...counts(rows),
    byStatus,
    overdue: rows.filter((r) => r.due_at !== null && r.due_at < now).length,
    complaints: new Set(events.filter((e) => e.kind === 'complained').map((e) => e.need_id)).size,
    meanMinutes: meanMinutes(events),
    byType: types.map((type) => ({ type, ...counts(rows.filter((r) => r.type === type)) })),
    byRegion: childCodes.map(([code, name]) => {
      const under = new Set(children.filter((c) => c.code === code).map((c) => c.descendant));
      return { regionCode: code, name, ...counts(rows.filter((r) => under.has(r.region_code))) };
    }),
    bySite: bySite(rows),
  };
}
