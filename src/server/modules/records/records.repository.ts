import type { Insertable, Transaction, Updateable } from 'kysely';
import type { CorrectionStatus, RecordStatus } from '../../../common/contract/records.js';
import type { Db } from '../../db/database.js';
import { toNumber } from '../../db/database.js';
import type { DB, RecordCorrectionsTable, ServiceRecordsTable } from '../../db/schema.js';
import { isPostgres } from '../../platform/db.js';

export type RecordRow = Omit<ServiceRecordsTable, 'flags'> & { flags: string };
export type CorrectionRow = RecordCorrectionsTable;

export async function insertRecord(db: Db, row: Insertable<ServiceRecordsTable>): Promise<void> {
  await db.insertInto('service_records').values(row).execute();
}

export async function recordById(db: Db, id: string): Promise<RecordRow | undefined> {
  return db.selectFrom('service_records').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Records by id, locked until commit on PostgreSQL (in id order, so two bulk confirmations
 * over overlapping sets cannot deadlock). SQLite runs one writer at a time.
 */
export async function lockRecords(trx: Transaction<DB>, ids: string[]): Promise<RecordRow[]> {
  if (ids.length === 0) return [];
  let q = trx.selectFrom('service_records').selectAll().where('id', 'in', ids).orderBy('id');
  if (isPostgres(trx)) q = q.forUpdate();
  return q.execute();
}

/** Changes a record's status only if it still has the status the caller saw. */
export async function updateRecordIf(
  db: Db,
  id: string,
  fromStatuses: readonly RecordStatus[],
  patch: Updateable<ServiceRecordsTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('service_records')
    .set(patch)
    .where('id', '=', id)
    .where('status', 'in', fromStatuses)
    .executeTakeFirst();
  return toNumber(r.numUpdatedRows) === 1;
}

export interface RecordFilter {
  volunteerId?: string;
  /** Records of this organisation and every organisation under it. */
  organisationUnder?: string;
  /** Only records of organisations under one of these (what a membership lets its admins see). */
  organisationsUnderAny?: string[];
  status?: RecordStatus;
  activityId?: string;
  /** Service days, local, both included. */
  from?: string;
  to?: string;
  /** A volunteer code, or the start of a name. */
  volunteer?: string;
}

/** A record with who served it and where, as lists show it. */
export type ListedRecordRow = RecordRow & { volunteer_name: string; volunteer_code: string; activity_title: string };

/** Newest first, after `beforeId`. */
export async function listRecords(
  db: Db,
  f: RecordFilter,
  beforeId: string | undefined,
  limit: number,
): Promise<ListedRecordRow[]> {
  let q = db
    .selectFrom('service_records')
    .innerJoin('volunteers', 'volunteers.id', 'service_records.volunteer_id')
    .innerJoin('activities', 'activities.id', 'service_records.activity_id')
    .selectAll('service_records')
    .select([
      'volunteers.name as volunteer_name',
      'volunteers.volunteer_code as volunteer_code',
      'activities.title as activity_title',
    ]);
  if (f.organisationUnder) {
    q = q
      .innerJoin('organisation_closure', 'organisation_closure.descendant', 'service_records.organisation_id')
      .where('organisation_closure.ancestor', '=', f.organisationUnder);
  }
  if (f.volunteerId) q = q.where('service_records.volunteer_id', '=', f.volunteerId);
  const under = f.organisationsUnderAny;
  if (under) {
    if (under.length === 0) return [];
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('organisation_closure as oc')
          .select('oc.ancestor')
          .whereRef('oc.descendant', '=', 'service_records.organisation_id')
          .where('oc.ancestor', 'in', under),
      ),
    );
  }
  if (f.status) q = q.where('service_records.status', '=', f.status);
  if (f.activityId) q = q.where('service_records.activity_id', '=', f.activityId);
  if (f.from) q = q.where('service_records.service_date', '>=', f.from);
  if (f.to) q = q.where('service_records.service_date', '<=', f.to);
  const who = f.volunteer;
  if (who) {
    // LIKE wildcards typed by the caller are dropped, so a prefix stays a prefix on both dialects.
    const prefix = who.replace(/[%_\\]/g, '');
    q = q.where((eb) =>
      prefix
        ? eb.or([eb('volunteers.name', 'like', `${prefix}%`), eb('volunteers.volunteer_code', '=', who.toUpperCase())])
        : eb('volunteers.volunteer_code', '=', who.toUpperCase()),
    );
  }
  if (beforeId) q = q.where('service_records.id', '<', beforeId);
  return q.orderBy('service_records.id', 'desc').limit(limit).execute();
}

/** A record not revoked of this volunteer, activity and local day, if any: an import's duplicate check. */
export async function liveRecordOn(db: Db, volunteerId: string, activityId: string, serviceDate: string) {
  return db
    .selectFrom('service_records')
    .select('id')
    .where('volunteer_id', '=', volunteerId)
    .where('activity_id', '=', activityId)
    .where('service_date', '=', serviceDate)
    .where('status', '<>', 'revoked')
    .executeTakeFirst();
}

export async function volunteerFacts(db: Db, id: string) {
  return db
    .selectFrom('volunteers')
    .select(['id', 'user_id', 'star_level', 'confirmed_minutes'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function activityFacts(db: Db, id: string) {
  return db
    .selectFrom('activities')
    .select(['id', 'organisation_id', 'title', 'address', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function shiftOfActivity(db: Db, shiftId: string, activityId: string) {
  return db
    .selectFrom('shifts')
    .select(['id', 'start_at', 'end_at', 'break_minutes'])
    .where('id', '=', shiftId)
    .where('activity_id', '=', activityId)
    .executeTakeFirst();
}

export async function insertCorrection(db: Db, row: Insertable<RecordCorrectionsTable>): Promise<void> {
  await db.insertInto('record_corrections').values(row).execute();
}

export async function correctionById(db: Db, id: string): Promise<CorrectionRow | undefined> {
  return db.selectFrom('record_corrections').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function openCorrectionOf(db: Db, recordId: string): Promise<CorrectionRow | undefined> {
  return db
    .selectFrom('record_corrections')
    .selectAll()
    .where('record_id', '=', recordId)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

export async function correctionsOf(db: Db, recordId: string): Promise<CorrectionRow[]> {
  return db.selectFrom('record_corrections').selectAll().where('record_id', '=', recordId).orderBy('id').execute();
}

/** Answers an open correction; false when someone answered it first. */
export async function answerCorrection(
  db: Db,
  id: string,
  patch: Pick<CorrectionRow, 'status' | 'answer' | 'answered_by' | 'answered_at'>,
): Promise<boolean> {
  const r = await db
    .updateTable('record_corrections')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return toNumber(r.numUpdatedRows) === 1;
}

/** Corrections of records in an organisation's subtree, newest first, after `beforeId`. */
export async function correctionsUnder(
  db: Db,
  organisationId: string,
  status: CorrectionStatus | undefined,
  beforeId: string | undefined,
  limit: number,
): Promise<CorrectionRow[]> {
  let q = db
    .selectFrom('record_corrections')
    .innerJoin('service_records', 'service_records.id', 'record_corrections.record_id')
    .innerJoin('organisation_closure', 'organisation_closure.descendant', 'service_records.organisation_id')
    .selectAll('record_corrections')
    .where('organisation_closure.ancestor', '=', organisationId);
  if (status) q = q.where('record_corrections.status', '=', status);
  if (beforeId) q = q.where('record_corrections.id', '<', beforeId);
  return q.orderBy('record_corrections.id', 'desc').limit(limit).execute();
}
