/** Service records written straight to the database, for suites that need them at given times. */
import type { RecordSource } from '../src/common/enums.js';
import type { Db } from '../src/server/db/database.js';
import { newId, nowIso } from '../src/server/ids.js';

/** What a directly written service record needs; the rest takes plain defaults. */
export interface PendingRecordValues {
  volunteerId: string;
  activityId: string;
  organisationId: string;
  /** ISO-8601 start. */
  startAt: string;
  minutes: number;
  source?: RecordSource;
  /** The shift served, if any (default none). */
  shiftId?: string;
  /** The local service day (default: the UTC day of startAt). */
  serviceDate?: string;
}

/**
 * A pending service record written straight to the database, for suites that need records at
 * given times without running check-in; confirm or revoke it over HTTP afterwards.
 */
export async function insertPendingRecord(db: Db, r: PendingRecordValues): Promise<string> {
  const id = newId();
  await db
    .insertInto('service_records')
    .values({
      id,
      volunteer_id: r.volunteerId,
      activity_id: r.activityId,
      shift_id: r.shiftId ?? null,
      organisation_id: r.organisationId,
      attendance_id: null,
      service_date: r.serviceDate ?? r.startAt.slice(0, 10),
      start_at: r.startAt,
      end_at: new Date(Date.parse(r.startAt) + r.minutes * 60_000).toISOString(),
      minutes: r.minutes,
      content: '岸线清洁',
      place: '解放碑',
      source: r.source ?? 'self',
      status: 'pending',
      evidence: null,
      recorded_by: null,
      approved_by: null,
      confirmed_at: null,
      revoked_by: null,
      revoked_at: null,
      revoke_reason: null,
      replaces_id: null,
      created_at: nowIso(),
    })
    .execute();
  return id;
}
