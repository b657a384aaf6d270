import type { Correction, ListedRecord, ServiceRecord } from '../../../common/contract/records.js';
import { minutesToHours } from '../../../common/settings.js';
import type { CorrectionRow, ListedRecordRow, RecordRow } from './records.repository.js';

function parseFlags(text: string): string[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** A service record as the API shows it: minutes become hours with one decimal place. */
export function presentRecord(r: RecordRow): ServiceRecord {
  return {
    id: r.id,
    volunteerId: r.volunteer_id,
    activityId: r.activity_id,
    shiftId: r.shift_id,
    organisationId: r.organisation_id,
    date: r.service_date,
    start: r.start_at,
    end: r.end_at,
    hours: minutesToHours(r.minutes),
    content: r.content,
    place: r.place,
    source: r.source,
    status: r.status,
    recordedBy: r.recorded_by,
    approvedBy: r.approved_by,
    confirmedAt: r.confirmed_at,
    revokedAt: r.revoked_at,
    revokeReason: r.revoke_reason,
    replacesId: r.replaces_id,
    evidence: r.evidence,
    flags: parseFlags(r.flags),
    createdAt: r.created_at,
  };
}

/** A record in a list, with its volunteer's name and code and its activity's title. */
export function presentListedRecord(r: ListedRecordRow): ListedRecord {
  return {
    ...presentRecord(r),
    volunteerName: r.volunteer_name,
    volunteerCode: r.volunteer_code,
    activityTitle: r.activity_title,
  };
}

export function presentCorrection(c: CorrectionRow): Correction {
  return {
    id: c.id,
    recordId: c.record_id,
    volunteerId: c.volunteer_id,
    requestedStart: c.requested_start,
    requestedEnd: c.requested_end,
    reason: c.reason,
    status: c.status,
    answer: c.answer,
    answeredBy: c.answered_by,
    createdAt: c.created_at,
    answeredAt: c.answered_at,
  };
}
