import type { Transaction } from 'kysely';
import { earnForRecord, lockBudgets, reverseForRecord } from '../points/index.js';
import { recordCounted } from '../stats/index.js';
import type { RecordRow } from './records.repository.js';
import type { DB } from '../../db/schema.js';

/**
 * Called inside the transaction that confirms a record, after the volunteer's hours and
 * star level changed: earns the record's points by rule in the same transaction, as
 * points must be, and counts it in the statistics. Whatever it throws rolls the confirmation back.
 */
export async function onRecordConfirmed(trx: Transaction<DB>, record: RecordRow): Promise<void> {
  const points = await earnForRecord(trx, record);
  await recordCounted(trx, record, 1, points);
}

/**
 * Called inside the transaction that revokes a confirmed record, after its minutes were
 * taken off: reverses the points the record earned and takes it out of the statistics.
 */
export async function onRecordRevoked(trx: Transaction<DB>, record: RecordRow): Promise<void> {
  const takenBack = await reverseForRecord(trx, record);
  await recordCounted(trx, record, -1, takenBack);
}

/**
 * Locks the points budgets of the records' organisations (one global order). Confirming
 * or revoking calls it right after locking the records and before touching any volunteer
 * row: earning writes the organisation's budget, so without it a bulk confirmation
 * (volunteer A, budget, volunteer B) and a single one for B (volunteer B, budget)
 * deadlock on PostgreSQL.
 */
export async function beforeRecordsChange(
  trx: Transaction<DB>,
  records: Pick<RecordRow, 'organisation_id'>[],
): Promise<void> {
  await lockBudgets(trx, [...new Set(records.map((r) => r.organisation_id))]);
}
