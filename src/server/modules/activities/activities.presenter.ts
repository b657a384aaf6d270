import type { Activity, ActivitySummary, RecurrenceT, Shift } from '../../../common/contract/activities.js';
import { nowIso } from '../../ids.js';
import type { ActivityRow, ShiftWithCounts } from './activities.repository.js';
import { displayStatus, placesLeft } from '../../../common/activity-status.js';

const list = (json: string): string[] => JSON.parse(json) as string[];

export function presentShift(s: ShiftWithCounts): Shift {
  return {
    id: s.id,
    activityId: s.activity_id,
    start: s.start_at,
    end: s.end_at,
    capacity: s.capacity,
    taken: s.taken,
    waitlisted: s.waitlisted,
    applied: s.applied,
    signupDeadline: s.signup_deadline ?? s.end_at,
    minAge: s.min_age,
    maxAge: s.max_age,
    requiredQualifications: list(s.required_qualifications),
    requiredSkills: list(s.required_skills),
    breakMinutes: s.break_minutes,
    peopleServed: s.people_served,
    status: s.status,
  };
}

/** A list item; `places` is what `placesLeft` counts over its shifts (the search sums it in SQL). */
export function presentActivitySummary(
  a: ActivityRow,
  places: number,
  distance?: number,
  now = nowIso(),
): ActivitySummary {
  return {
    id: a.id,
    organisationId: a.organisation_id,
    organisationName: a.organisation_name,
    projectId: a.project_id,
    title: a.title,
    field: a.field,
    siteId: a.site_id,
    regionCode: a.region_code,
    address: a.address,
    lat: a.lat,
    lng: a.lng,
    radiusM: a.radius_m,
    requiresApproval: a.requires_approval === 1,
    risky: a.risky === 1,
    status: displayStatus(a, now),
    firstStart: a.first_start_at,
    lastEnd: a.last_end_at,
    publishedAt: a.published_at,
    placesLeft: places,
    ...(distance === undefined ? {} : { distanceM: Math.round(distance) }),
  };
}

/**
 * The whole activity; `withContact` says whether the caller may see whom to call (its organisers
 * and volunteers holding a live sign-up).
 */
export function presentActivity(a: ActivityRow, shifts: ShiftWithCounts[], withContact: boolean): Activity {
  const presented = shifts.map(presentShift);
  const now = nowIso();
  const hasContact = a.contact_name !== null || a.contact_phone !== null;
  return {
    ...presentActivitySummary(a, placesLeft(presented, now), undefined, now),
    description: a.description,
    recurrence: a.recurrence ? (JSON.parse(a.recurrence) as RecurrenceT) : null,
    createdAt: a.created_at,
    cancelledAt: a.cancelled_at,
    cancelReason: a.cancel_reason,
    shifts: presented,
    contact: withContact && hasContact ? { name: a.contact_name, phone: a.contact_phone } : null,
  };
}
