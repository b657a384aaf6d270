import type { SiteCalendarEntry, SiteCalendarQueryT } from '../../../common/contract/sites.js';
import { notFound } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../ids.js';
import { Policy, type Actor } from '../../platform/access/policy.js';
import { displayStatus } from '../../../common/activity-status.js';
import { shiftsAtSite, type SiteShiftRow } from './site-calendar.repository.js';
import { siteById } from './sites.repository.js';

/** One answer holds at most this many shifts; a busier window says `truncated`. */
const CALENDAR_MAX_SHIFTS = 1000;

function presentEntry(r: SiteShiftRow, now: string): SiteCalendarEntry {
  return {
    shiftId: r.shift_id,
    activityId: r.activity_id,
    title: r.title,
    field: r.field,
    organisationName: r.organisation_name,
    activityStatus: displayStatus(
      { status: r.activity_status, first_start_at: r.first_start_at, last_end_at: r.last_end_at },
      now,
    ),
    shiftStatus: r.shift_status,
    start: r.start_at,
    end: r.end_at,
    capacity: r.capacity,
    taken: r.taken,
  };
}

/**
 * The site's calendar: shifts held there in the window. Anyone sees published activities;
 * the site's manager and admins over it also see drafts and cancelled shifts.
 */
export async function siteCalendar(db: Db, actor: Actor | null, siteId: string, q: SiteCalendarQueryT) {
  if (!(await siteById(db, siteId))) throw notFound('Site');
  const staff = !!actor && (await new Policy(db).actsForSite(actor, siteId));
  const window = { from: new Date(q.from).toISOString(), to: new Date(q.to).toISOString() };
  const rows = await shiftsAtSite(db, siteId, window, !staff, CALENDAR_MAX_SHIFTS);
  const now = nowIso();
  return {
    items: rows.slice(0, CALENDAR_MAX_SHIFTS).map((r) => presentEntry(r, now)),
    truncated: rows.length > CALENDAR_MAX_SHIFTS,
  };
}
