import type { Activity, ActivitySummary, RecurrenceT, Shift } from '../../../common/contract/activities.js';
import { nowIso } from '../../ids.js';
import type { ActivityRow, ShiftWithCounts } from './activities.repository.js';
import { displayStatus } from '../../../common/activity-status.js';

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

export function presentActivitySummary(a: ActivityRow, distance?: number, now = nowIso()): ActivitySummary {
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
    ...(distance === undefined ? {} : { distanceM: Math.round(distance) }),
  };
}

export function presentActivity(a: ActivityRow, shifts: ShiftWithCounts[]): Activity {
  return {
    ...presentActivitySummary(a),
    description: a.description,
    recurrence: a.recurrence ? (JSON.parse(a.recurrence) as RecurrenceT) : null,
    createdAt: a.created_at,
    cancelledAt: a.cancelled_at,
    cancelReason: a.cancel_reason,
    shifts: shifts.map(presentShift),
  };
}
