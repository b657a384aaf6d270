import type { Db } from '../../db/database.js';
import { earnForRecord, reverseForRecord } from '../points/earning.js';
import type { RecordRow } from './records.repository.js';

/**
 * Called inside the transaction that confirms a record, after the volunteer's hours and
 * star level changed: earns the record's points by rule in the same transaction (API.md
 * "points are earned in the same transaction"). Whatever it throws rolls the confirmation back.
 */
export async function onRecordConfirmed(trx: Db, record: RecordRow): Promise<void> {
  await earnForRecord(trx, record);
}

/**
 * Called inside the transaction that revokes a confirmed record, after its minutes were
 * taken off: reverses the points the record earned.
 */
export async function onRecordRevoked(trx: Db, record: RecordRow): Promise<void> {
  await reverseForRecord(trx, record);
}
