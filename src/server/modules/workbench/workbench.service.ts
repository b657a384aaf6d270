import type { Workbench } from '../../../common/contract/workbench.js';
import { localDate, localDaysRange } from '../../../common/zoned-time.js';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../ids.js';
import { isSystemAdmin, scopesOf, type Actor } from '../../platform/access/policy.js';
import type { CountScope } from '../../platform/access/scope.repository.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { countActivities, countShiftsAtSite } from '../activities/index.js';
import { countOrganisations } from '../organisations/index.js';
import { needsToDo } from '../needs/index.js';
import { countPendingRecords } from '../records/index.js';
import { reportsToDo } from '../reports/index.js';
import { countAwaitingApproval } from '../signups/index.js';
import { siteById } from '../sites/index.js';
import { storiesToDo } from '../stories/index.js';
import { redemptionTotals } from '../supermarkets/index.js';
import { countVolunteers } from '../volunteers/index.js';

const WEEK_MS = 7 * 86_400_000;

/** To-dos of the organisations the person administers as team or department admin. */
async function organiserWork(db: Db, actor: Actor, now: string): Promise<Workbench['organiser']> {
  const organisations = scopesOf(actor, ['team_admin', 'department_admin'], 'organisation');
  if (organisations.length === 0) return null;
  const scope: CountScope = { organisations, regions: [] };
  const [signupsToApprove, recordsToConfirm, activities] = await Promise.all([
    countAwaitingApproval(db, scope, now),
    countPendingRecords(db, scope),
    countActivities(db, scope, now),
  ]);
  return { signupsToApprove, recordsToConfirm, drafts: activities.drafts, openActivities: activities.open };
}

/** Figures of what a system, region or department admin oversees; volunteers only where a region is theirs. */
async function adminFigures(db: Db, actor: Actor, now: string): Promise<Workbench['admin']> {
  const regions = scopesOf(actor, ['region_admin'], 'region');
  const departments = scopesOf(actor, ['department_admin'], 'organisation');
  const system = isSystemAdmin(actor);
  if (!system && regions.length === 0 && departments.length === 0) return null;
  const scope: CountScope = system ? 'all' : { organisations: departments, regions };
  const [volunteers, organisations, activities] = await Promise.all([
    system || regions.length ? countVolunteers(db, scope) : null,
    countOrganisations(db, scope),
    countActivities(db, scope, now),
  ]);
  return { volunteers, organisations, openActivities: activities.open };
}

/** The sites of the person's site grants in these roles, as found (a grant on a deleted site is skipped). */
async function grantedSites(db: Db, actor: Actor, roles: Parameters<typeof scopesOf>[1]) {
  const ids = [...new Set(scopesOf(actor, roles, 'site'))];
  const sites = await Promise.all(ids.map((id) => siteById(db, id)));
  return sites.filter((s) => s !== undefined);
}

/** Today's standing redemptions at each supermarket the person staffs. */
async function counterWork(db: Db, actor: Actor, now: string): Promise<Workbench['counters']> {
  const sites = (await grantedSites(db, actor, ['clerk', 'site_manager'])).filter((s) => s.type === 'supermarket');
  if (sites.length === 0) return [];
  const { timeZone } = await getSettings(db);
  const today = localDate(now, timeZone);
  const { start, end } = localDaysRange(today, today, timeZone);
  return Promise.all(
    sites.map(async (s) => {
      const done = (await redemptionTotals(db, s.id, start, end)).find((t) => t.status === 'completed');
      return { siteId: s.id, name: s.name, redemptionsToday: done?.n ?? 0, pointsToday: done?.points ?? 0 };
    }),
  );
}

/** Shifts held in the coming week at each site the person manages. */
async function siteWork(db: Db, actor: Actor, now: string): Promise<Workbench['sites']> {
  const sites = await grantedSites(db, actor, ['site_manager']);
  const weekOn = new Date(Date.parse(now) + WEEK_MS).toISOString();
  return Promise.all(
    sites.map(async (s) => ({
      siteId: s.id,
      name: s.name,
      shiftsThisWeek: await countShiftsAtSite(db, s.id, now, weekOn),
    })),
  );
}

/**
 * The signed-in person's workbench: every figure is counted only over what their own grants
 * reach, so a team admin never learns a neighbouring team's to-dos. Someone without a console
 * role gets an empty workbench, never an error.
 */
export async function workbenchOf(db: Db, actor: Actor): Promise<Workbench> {
  const now = nowIso();
  const [organiser, admin, counters, sites, needs, reports, stories] = await Promise.all([
    organiserWork(db, actor, now),
    adminFigures(db, actor, now),
    counterWork(db, actor, now),
    siteWork(db, actor, now),
    needsToDo(db, actor, now),
    reportsToDo(db, actor),
    storiesToDo(db, actor),
  ]);
  return { organiser, admin, counters, sites, needs, reports, stories };
}
