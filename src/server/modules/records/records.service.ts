import type { Insertable, Transaction } from 'kysely';
import type { LateEntry, RecordListQuery } from '../../../common/contract/records.js';
import { forbidden, notFound, ruleBroken } from '../../../common/errors.js';
import { computeMinutes, spanMinutes } from '../../../common/hours.js';
import { localDate, localMidnight } from '../../../common/zoned-time.js';
import type { RecordSource } from '../../../common/enums.js';
import type { PlatformSettings } from '../../../common/settings.js';
import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../ids.js';
import { decodeCursor, pageOf } from '../../pagination.js';
import { Policy, type Actor } from '../../platform/access/policy.js';
import { appendAudit, auditPersonalRead } from '../../platform/audit/audit.repository.js';
import { volunteerIdOf } from '../volunteers/index.js';
import { volunteerIdByCode } from '../organisations/index.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { requireOrganiserOf, requireOrganiserRole } from './records.access.js';
import { presentRecord } from './records.presenter.js';
import * as repo from './records.repository.js';
import type { DB, ServiceRecordsTable } from '../../db/schema.js';

/**
 * Lists records: a volunteer's own (no filter, or their own id), a volunteer an admin sees,
 * or an organisation's subtree for its organisers. Newest first.
 */
export async function listRecords(db: Db, actor: Actor, q: RecordListQuery) {
  const policy = new Policy(db);
  let volunteerId = q.volunteerId;
  if (!volunteerId && !q.organisationId) {
    volunteerId = await volunteerIdOf(db, actor);
    if (!volunteerId)
      throw ruleBroken(
        'query.volunteerId',
        'volunteer_or_organisation_needed',
        'give a volunteerId or an organisationId',
      );
  }
  const sight = volunteerId ? await policy.sightOf(actor, volunteerId) : null;
  let allowed = sight !== null;
  // A membership shows its organisation's admins the person's service with that organisation only.
  let limitTo = sight?.kind === 'membership' ? sight.via : undefined;
  if (q.organisationId && (!allowed || limitTo)) {
    if (await policy.adminsOrganisation(actor, q.organisationId)) {
      allowed = true;
      limitTo = undefined;
    } else if (!allowed && !q.volunteerId) {
      throw forbidden('You do not administer this organisation');
    }
  }
  if (!allowed) throw notFound('Volunteer');
  if (volunteerId && sight && sight.kind !== 'self') await auditPersonalRead(db, actor.userId, volunteerId, 'records');
  const after = decodeCursor(q.cursor, { id: 'string' });
  const rows = await repo.listRecords(
    db,
    {
      volunteerId,
      organisationUnder: q.organisationId,
      organisationsUnderAny: limitTo,
      status: q.status,
      activityId: q.activityId,
      from: q.from,
      to: q.to,
      volunteer: q.volunteer,
    },
    after?.id,
    q.limit + 1,
  );
  return pageOf(rows, q.limit, (r) => ({ id: r.id }));
}

/** One record: its volunteer, admins who see the volunteer, or organisers of its organisation. */
export async function getRecord(db: Db, actor: Actor, id: string): Promise<repo.RecordRow> {
  const r = await repo.recordById(db, id);
  if (!r) throw notFound('Record');
  const policy = new Policy(db);
  const sight = await policy.sightOf(actor, r.volunteer_id);
  if (sight?.kind === 'self' || (await policy.adminsOrganisation(actor, r.organisation_id))) return r;
  // Someone else's service, read through a duty over their region: audited.
  if (sight?.kind === 'duty') {
    await auditPersonalRead(db, actor.userId, r.volunteer_id, 'records');
    return r;
  }
  throw notFound('Record');
}

/** A new record's columns of what is decided later: confirmation, revocation, correction. */
const UNDECIDED = {
  approved_by: null,
  confirmed_at: null,
  revoked_by: null,
  revoked_at: null,
  revoke_reason: null,
  replaces_id: null,
} as const;

export interface AttendanceRecordInput {
  attendanceId: string;
  volunteerId: string;
  activityId: string;
  shiftId: string;
  organisationId: string;
  checkedInAt: string;
  checkedOutAt: string;
  shiftStart: string;
  shiftEnd: string;
  breakMinutes: number;
  content: string;
  place: string;
  source: RecordSource;
  flags: string[];
  recordedBy: string | null;
}

/**
 * The pending record a check-out makes, inside the check-out's transaction: times clipped to
 * the shift, minutes by computeMinutes (breaks off, rounded down to the step).
 */
export async function recordFromAttendance(
  trx: Transaction<DB>,
  i: AttendanceRecordInput,
  settings: Pick<PlatformSettings, 'hourStepMinutes' | 'timeZone'>,
): Promise<string> {
  const startMs = Math.max(Date.parse(i.checkedInAt), Date.parse(i.shiftStart));
  const endMs = Math.max(startMs, Math.min(Date.parse(i.checkedOutAt), Date.parse(i.shiftEnd)));
  const start = new Date(startMs).toISOString();
  const id = newId();
  await repo.insertRecord(trx, {
    id,
    volunteer_id: i.volunteerId,
    activity_id: i.activityId,
    shift_id: i.shiftId,
    organisation_id: i.organisationId,
    attendance_id: i.attendanceId,
    service_date: localDate(start, settings.timeZone),
    start_at: start,
    end_at: new Date(endMs).toISOString(),
    minutes: computeMinutes({ ...i, stepMinutes: settings.hourStepMinutes }),
    content: i.content,
    place: i.place,
    source: i.source,
    status: 'pending',
    evidence: null,
    recorded_by: i.recordedBy,
    ...UNDECIDED,
    created_at: nowIso(),
    flags: JSON.stringify(i.flags),
  });
  return id;
}

/** What a late record (by hand or from an import) is made of; the rest is the same for all. */
type LateRecord = Pick<
  Insertable<ServiceRecordsTable>,
  | 'id'
  | 'volunteer_id'
  | 'activity_id'
  | 'shift_id'
  | 'organisation_id'
  | 'service_date'
  | 'start_at'
  | 'end_at'
  | 'minutes'
  | 'content'
  | 'place'
  | 'source'
  | 'evidence'
>;

/** A late record, pending, recorded by `actor`, and its audit entry, in the caller's transaction. */
async function insertLateRecord(
  trx: Transaction<DB>,
  actor: Actor,
  row: LateRecord,
  details?: Record<string, unknown>,
): Promise<void> {
  await repo.insertRecord(trx, {
    ...row,
    attendance_id: null,
    status: 'pending',
    recorded_by: actor.userId,
    ...UNDECIDED,
    created_at: nowIso(),
  });
  await appendAudit(trx, {
    actorUserId: actor.userId,
    action: 'record.late_entry',
    entityType: 'service_record',
    entityId: row.id,
    ...(details ? { details } : {}),
  });
}

/**
 * A late entry (补录) by an organiser of the activity: evidence is required, and the record
 * stays pending until a different person confirms it. With a shift, times are clipped to it
 * and its breaks taken off.
 */
export async function createLateEntry(db: Db, actor: Actor, body: LateEntry): Promise<repo.RecordRow> {
  requireOrganiserRole(actor);
  const activity = await repo.activityFacts(db, body.activityId);
  if (!activity) throw notFound('Activity');
  await requireOrganiserOf(db, actor, activity.organisation_id, 'Activity');
  const volunteerId = body.volunteerCode
    ? await volunteerIdByCode(db, body.volunteerCode)
    : (await repo.volunteerFacts(db, body.volunteerId ?? ''))?.id;
  if (!volunteerId) {
    throw body.volunteerCode
      ? ruleBroken('volunteerCode', 'no_such_volunteer_code', 'no volunteer has this volunteer code')
      : ruleBroken('volunteerId', 'no_such_volunteer', 'no such volunteer');
  }
  const start = new Date(body.start).toISOString();
  const end = new Date(body.end).toISOString();
  if (Date.parse(end) > Date.now())
    throw ruleBroken('end', 'late_entry_in_future', 'a late entry records service that already happened');
  const settings = await getSettings(db);
  let minutes: number;
  let span = { start, end };
  if (body.shiftId) {
    const shift = await repo.shiftOfActivity(db, body.shiftId, body.activityId);
    if (!shift) throw ruleBroken('shiftId', 'no_such_shift', 'no such shift in this activity');
    minutes = computeMinutes({
      checkedInAt: start,
      checkedOutAt: end,
      shiftStart: shift.start_at,
      shiftEnd: shift.end_at,
      breakMinutes: shift.break_minutes,
      stepMinutes: settings.hourStepMinutes,
    });
    const s = Math.max(Date.parse(start), Date.parse(shift.start_at));
    span = {
      start: new Date(s).toISOString(),
      end: new Date(Math.max(s, Math.min(Date.parse(end), Date.parse(shift.end_at)))).toISOString(),
    };
  } else {
    minutes = spanMinutes(start, end, settings.hourStepMinutes);
  }
  if (minutes === 0)
    throw ruleBroken('end', 'span_counts_no_time', 'the span counts no time once clipped and rounded down');
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await insertLateRecord(trx, actor, {
      id,
      volunteer_id: volunteerId,
      activity_id: activity.id,
      shift_id: body.shiftId ?? null,
      organisation_id: activity.organisation_id,
      service_date: localDate(span.start, settings.timeZone),
      start_at: span.start,
      end_at: span.end,
      minutes,
      content: body.content,
      place: activity.address,
      source: 'late',
      evidence: body.evidence,
    });
  });
  return (await repo.recordById(db, id)) as repo.RecordRow;
}

/** A service record read from an import's row, its volunteer and activity already found. */
export interface ImportedRecord {
  volunteerId: string;
  activityId: string;
  /** The local service day (YYYY-MM-DD): a file gives the day and the hours, not the times. */
  serviceDate: string;
  /** Minutes as the file gives them; rounded down to the step here, as a late entry's span is. */
  minutes: number;
  content: string;
  importId: string;
  row: number;
}

/**
 * A late record from an import (source `import`), inside the import batch's transaction: the
 * rules of a late entry without a shift — an organiser of the activity records it, it is
 * service that already happened, its minutes are rounded down to the step — and it stays
 * pending until a different person confirms it (refuseConfirm), so hours, points and
 * statistics move only then, exactly as for a late entry. The file gives no times: the span
 * starts at the day's local midnight and lasts the minutes that count. The evidence names the
 * import and the row (`import:<id>#<row>`).
 */
export async function importRecord(trx: Transaction<DB>, actor: Actor, r: ImportedRecord): Promise<string> {
  const activity = await repo.activityFacts(trx, r.activityId);
  if (!activity) throw notFound('Activity');
  await requireOrganiserOf(trx, actor, activity.organisation_id, 'Activity');
  const settings = await getSettings(trx);
  const start = localMidnight(r.serviceDate, settings.timeZone);
  const minutes = spanMinutes(Date.parse(start), Date.parse(start) + r.minutes * 60_000, settings.hourStepMinutes);
  if (minutes === 0)
    throw ruleBroken('end', 'span_counts_no_time', 'the span counts no time once clipped and rounded down');
  const end = new Date(Date.parse(start) + minutes * 60_000).toISOString();
  if (Date.parse(end) > Date.now())
    throw ruleBroken('end', 'late_entry_in_future', 'a late entry records service that already happened');
  const id = newId();
  await insertLateRecord(
    trx,
    actor,
    {
      id,
      volunteer_id: r.volunteerId,
      activity_id: activity.id,
      shift_id: null,
      organisation_id: activity.organisation_id,
      service_date: r.serviceDate,
      start_at: start,
      end_at: end,
      minutes,
      content: r.content,
      place: activity.address,
      source: 'import',
      evidence: `import:${r.importId}#${r.row}`,
    },
    { source: 'import', importId: r.importId, row: r.row },
  );
  return id;
}

/** The records page as the API shows it, for modules that gather a person's data (the own-data export). */
export async function listRecordsShown(...args: Parameters<typeof listRecords>) {
  const p = await listRecords(...args);
  return { items: p.items.map(presentRecord), nextCursor: p.nextCursor };
}
