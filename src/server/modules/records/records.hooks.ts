import type { Db } from '../../db/database.js';
import type { RecordRow } from './records.repository.js';

/**
 * Called inside the transaction that confirms a record, after the volunteer's hours and
 * star level changed. The points issue fills this in (earning points by rule in the same
 * transaction, API.md "points are earned in the same transaction"); until then it does
 * nothing. Whatever it throws rolls the confirmation back.
 */
export async function onRecordConfirmed(_trx: Db, _record: RecordRow): Promise<void> {}

/**
 * Called inside the transaction that revokes a confirmed record, after its minutes were
 * taken off. The points issue fills this in (reversing the points the record earned).
 */
export async function onRecordRevoked(_trx: Db, _record: RecordRow): Promise<void> {}
