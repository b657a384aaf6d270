import type { Transaction } from 'kysely';
import type { RecordStatus } from '../../../common/contract/records.js';
import { AppError, notFound, refusal } from '../../../common/errors.js';
import { minutesToHours, starLevelFor, type PlatformSettings } from '../../../common/settings.js';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../ids.js';
import { Policy, type Actor } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { notify } from '../../platform/notify/notify.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { requireOrganiserRole } from './records.access.js';
import { beforeRecordsChange, onRecordConfirmed, onRecordRevoked } from './records.hooks.js';
import * as repo from './records.repository.js';
import { addConfirmedMinutes, setStarLevel } from '../volunteers/index.js';
import type { DB } from '../../db/schema.js';

const CONFIRMABLE: readonly RecordStatus[] = ['pending', 'disputed'];
const REVOCABLE: readonly RecordStatus[] = ['pending', 'disputed', 'confirmed'];

/**
 * Moves a volunteer's confirmed total by `delta` minutes and recomputes the star level
 * from the settings' thresholds, in the caller's transaction.
 */
async function moveMinutes(trx: Transaction<DB>, volunteerId: string, delta: number, settings: PlatformSettings) {
  if (delta === 0) return;
  const total = await addConfirmedMinutes(trx, volunteerId, delta);
  await setStarLevel(trx, volunteerId, starLevelFor(total, settings.starThresholdsHours));
}

/** Why `actor` may not confirm `r`, checked inside the transaction on the locked row. */
export async function refuseConfirm(trx: Transaction<DB>, actor: Actor, r: repo.RecordRow): Promise<AppError | null> {
  if (!CONFIRMABLE.includes(r.status)) {
    return refusal(
      'CONFLICT',
      'record_not_pending',
      `Record ${r.id} is ${r.status}; only pending records can be confirmed`,
      {
        id: r.id,
      },
    );
  }
  // Late entries and imported records alike need a second person's approval.
  if ((r.source === 'late' || r.source === 'import') && r.recorded_by === actor.userId) {
    return new AppError(
      'SECOND_APPROVER_REQUIRED',
      `Record ${r.id} is a ${r.source === 'import' ? 'record you imported' : 'late entry you recorded'}; another organiser must confirm it`,
      { id: r.id },
    );
  }
  if ((await repo.volunteerFacts(trx, r.volunteer_id))?.user_id === actor.userId) {
    return refusal(
      'RULE_VIOLATION',
      'own_record',
      `Record ${r.id} is your own service; another organiser must confirm it`,
      {
        id: r.id,
      },
    );
  }
  return null;
}

/** Confirms one locked, checked record: status, hours, star level, points hook, notice, audit. */
export async function applyConfirm(trx: Transaction<DB>, actor: Actor, r: repo.RecordRow, settings: PlatformSettings) {
  const at = nowIso();
  if (
    !(await repo.updateRecordIf(trx, r.id, CONFIRMABLE, {
      status: 'confirmed',
      approved_by: actor.userId,
      confirmed_at: at,
    }))
  ) {
    throw refusal('CONFLICT', 'record_changed', `Record ${r.id} changed meanwhile; reload it`, { id: r.id });
  }
  await moveMinutes(trx, r.volunteer_id, r.minutes, settings);
  const confirmed: repo.RecordRow = { ...r, status: 'confirmed', approved_by: actor.userId, confirmed_at: at };
  await onRecordConfirmed(trx, confirmed);
  const volunteer = await repo.volunteerFacts(trx, r.volunteer_id);
  const activity = await repo.activityFacts(trx, r.activity_id);
  if (volunteer) {
    await notify(trx, {
      userId: volunteer.user_id,
      kind: 'record_confirmed',
      params: { activityTitle: activity?.title ?? r.content, hours: minutesToHours(r.minutes) },
      data: { recordId: r.id, activityId: r.activity_id },
      dedupeKey: `record_confirmed:${r.id}`,
    });
  }
  await appendAudit(trx, {
    actorUserId: actor.userId,
    action: 'record.confirm',
    entityType: 'service_record',
    entityId: r.id,
  });
}

/**
 * Revokes one locked record with a reason. The row stays (history); a confirmed record's
 * minutes come off the volunteer's total and the star level is recomputed.
 */
export async function applyRevoke(
  trx: Transaction<DB>,
  actor: Actor,
  r: repo.RecordRow,
  reason: string,
  settings: PlatformSettings,
) {
  if (!REVOCABLE.includes(r.status)) {
    throw refusal('CONFLICT', 'record_already_decided', `Record ${r.id} is already ${r.status}`, { id: r.id });
  }
  const at = nowIso();
  const patch = {
    status: 'revoked',
    revoked_by: actor.userId,
    revoked_at: at,
    revoke_reason: reason,
  } satisfies Partial<repo.RecordRow>;
  if (!(await repo.updateRecordIf(trx, r.id, [r.status], patch))) {
    throw refusal('CONFLICT', 'record_changed', `Record ${r.id} changed meanwhile; reload it`, { id: r.id });
  }
  if (r.status === 'confirmed') {
    await moveMinutes(trx, r.volunteer_id, -r.minutes, settings);
    await onRecordRevoked(trx, { ...r, ...patch });
  }
  await appendAudit(trx, {
    actorUserId: actor.userId,
    action: 'record.revoke',
    entityType: 'service_record',
    entityId: r.id,
    details: { was: r.status },
  });
}

/**
 * Confirms records all-or-nothing: any record missing, out of the organiser's scope, not
 * pending, or a late entry of their own fails the whole request and changes nothing.
 */
export async function confirmRecords(db: Db, actor: Actor, ids: string[]): Promise<repo.RecordRow[]> {
  requireOrganiserRole(actor);
  const settings = await getSettings(db);
  const unique = [...new Set(ids)];
  return db.transaction().execute(async (trx) => {
    const rows = await repo.lockRecords(trx, unique);
    const found = new Set(rows.map((r) => r.id));
    const missing = unique.find((id) => !found.has(id));
    if (missing) throw new AppError('NOT_FOUND', `Record ${missing} not found`, { id: missing });
    const policy = new Policy(trx);
    for (const r of rows) {
      if (!(await policy.adminsOrganisation(actor, r.organisation_id))) {
        throw new AppError('NOT_FOUND', `Record ${r.id} not found`, { id: r.id });
      }
      const refusal = await refuseConfirm(trx, actor, r);
      if (refusal) throw refusal;
    }
    // Volunteer rows are updated in one order, so concurrent bulk confirmations cannot deadlock.
    const ordered = [...rows].sort((a, b) => a.volunteer_id.localeCompare(b.volunteer_id) || a.id.localeCompare(b.id));
    await beforeRecordsChange(trx, ordered);
    for (const r of ordered) await applyConfirm(trx, actor, r, settings);
    return repo.lockRecords(trx, unique);
  });
}

export async function revokeRecord(db: Db, actor: Actor, id: string, reason: string): Promise<repo.RecordRow> {
  requireOrganiserRole(actor);
  const settings = await getSettings(db);
  return db.transaction().execute(async (trx) => {
    const [r] = await repo.lockRecords(trx, [id]);
    if (!r || !(await new Policy(trx).adminsOrganisation(actor, r.organisation_id))) throw notFound('Record');
    await beforeRecordsChange(trx, [r]);
    await applyRevoke(trx, actor, r, reason, settings);
    return (await repo.recordById(trx, id)) as repo.RecordRow;
  });
}
