import type { CorrectionInput, CorrectionListQuery } from '../../../common/contract/records.js';
import { forbidden, notFound, refusal, ruleBroken } from '../../../common/errors.js';
import { computeMinutes, spanMinutes } from '../../../common/hours.js';
import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../ids.js';
import { decodeCursor, pageOf } from '../../pagination.js';
import { Policy, type Actor } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { notify } from '../../platform/notify/notify.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { requireOrganiserOf, requireOrganiserRole } from './records.access.js';
import { applyConfirm, applyRevoke } from './records.confirm.js';
import { beforeRecordsChange } from './records.hooks.js';
import * as repo from './records.repository.js';

/** A volunteer asks for a correction of their own record (one open request at a time). */
export async function requestCorrection(
  db: Db,
  actor: Actor,
  recordId: string,
  body: CorrectionInput,
): Promise<repo.CorrectionRow> {
  const r = await repo.recordById(db, recordId);
  const sees = r ? await new Policy(db).seesVolunteer(actor, r.volunteer_id) : false;
  if (!r || !sees) throw notFound('Record');
  if (sees !== 'self') throw forbidden('Only the volunteer can ask for a correction of their record');
  if (r.status === 'revoked')
    throw refusal('CONFLICT', 'record_revoked', 'This record is revoked; there is nothing to correct');
  const start = body.start ? new Date(body.start).toISOString() : null;
  const end = body.end ? new Date(body.end).toISOString() : null;
  if (Date.parse(end ?? r.end_at) <= Date.parse(start ?? r.start_at)) {
    throw ruleBroken('end', 'end_before_start', 'must be after the start');
  }
  const id = newId();
  await db.transaction().execute(async (trx) => {
    if (await repo.openCorrectionOf(trx, recordId)) {
      throw refusal('DUPLICATE', 'correction_pending', 'A correction of this record is already waiting for an answer');
    }
    await repo.insertCorrection(trx, {
      id,
      record_id: recordId,
      volunteer_id: r.volunteer_id,
      requested_start: start,
      requested_end: end,
      reason: body.reason,
      status: 'open',
      answer: null,
      answered_by: null,
      created_at: nowIso(),
      answered_at: null,
    });
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'record.correction_request',
      entityType: 'service_record',
      entityId: recordId,
    });
  });
  return (await repo.correctionById(db, id)) as repo.CorrectionRow;
}

/** Minutes and clipped span of the corrected record. */
async function correctedSpan(trx: Db, old: repo.RecordRow, c: repo.CorrectionRow, step: number) {
  const start = c.requested_start ?? old.start_at;
  const end = c.requested_end ?? old.end_at;
  const shift = old.shift_id ? await repo.shiftOfActivity(trx, old.shift_id, old.activity_id) : undefined;
  if (!shift) return { start, end, minutes: spanMinutes(start, end, step) };
  const s = Math.max(Date.parse(start), Date.parse(shift.start_at));
  const e = Math.max(s, Math.min(Date.parse(end), Date.parse(shift.end_at)));
  const minutes = computeMinutes({
    checkedInAt: start,
    checkedOutAt: end,
    shiftStart: shift.start_at,
    shiftEnd: shift.end_at,
    breakMinutes: shift.break_minutes,
    stepMinutes: step,
  });
  return { start: new Date(s).toISOString(), end: new Date(e).toISOString(), minutes };
}

/**
 * The organiser answers a correction. Accepting makes a NEW record (replaces_id = old) and
 * revokes the old one with the answer as reason, in one transaction; the new record keeps
 * the old one's standing (a confirmed record's correction is confirmed by the answerer).
 */
export async function answerCorrection(
  db: Db,
  actor: Actor,
  correctionId: string,
  body: { accept: boolean; answer: string },
): Promise<{ correction: repo.CorrectionRow; record: repo.RecordRow | null }> {
  requireOrganiserRole(actor);
  const c = await repo.correctionById(db, correctionId);
  const old = c ? await repo.recordById(db, c.record_id) : undefined;
  if (!c || !old) throw notFound('Correction');
  await requireOrganiserOf(db, actor, old.organisation_id, 'Correction');
  const settings = await getSettings(db);
  const newId_ = body.accept ? newId() : null;
  await db.transaction().execute(async (trx) => {
    const answered = await repo.answerCorrection(trx, c.id, {
      status: body.accept ? 'accepted' : 'rejected',
      answer: body.answer,
      answered_by: actor.userId,
      answered_at: nowIso(),
    });
    if (!answered) throw refusal('CONFLICT', 'correction_answered', 'This correction has already been answered');
    if (newId_) {
      const [locked] = await repo.lockRecords(trx, [old.id]);
      if (!locked || locked.status === 'revoked')
        throw refusal('CONFLICT', 'record_revoked', 'The record was revoked meanwhile');
      const volunteer = await repo.volunteerFacts(trx, locked.volunteer_id);
      if (volunteer?.user_id === actor.userId) {
        throw refusal('RULE_VIOLATION', 'own_record', 'This is your own record; another organiser must answer');
      }
      const span = await correctedSpan(trx, locked, c, settings.hourStepMinutes);
      await beforeRecordsChange(trx, [locked]);
      await applyRevoke(trx, actor, locked, `correction: ${body.answer}`, settings);
      const fresh: repo.RecordRow = {
        ...locked,
        id: newId_,
        start_at: span.start,
        end_at: span.end,
        minutes: span.minutes,
        status: 'pending',
        recorded_by: actor.userId,
        approved_by: null,
        confirmed_at: null,
        revoked_by: null,
        revoked_at: null,
        revoke_reason: null,
        replaces_id: locked.id,
        created_at: nowIso(),
      };
      await repo.insertRecord(trx, fresh);
      if (locked.status === 'confirmed') await applyConfirm(trx, actor, fresh, settings);
    }
    const v = await repo.volunteerFacts(trx, old.volunteer_id);
    if (v) {
      await notify(trx, {
        userId: v.user_id,
        kind: 'record_correction_answered',
        title: body.accept ? '更正已接受 / Correction accepted' : '更正未接受 / Correction declined',
        body: body.answer,
        data: { recordId: old.id, correctionId: c.id, ...(newId_ ? { newRecordId: newId_ } : {}) },
        dedupeKey: `record_correction_answered:${c.id}`,
      });
    }
  });
  return {
    correction: (await repo.correctionById(db, c.id)) as repo.CorrectionRow,
    record: newId_ ? ((await repo.recordById(db, newId_)) ?? null) : null,
  };
}

/** Corrections of a record, for whoever may see the record. */
export async function correctionsOfRecord(db: Db, recordId: string): Promise<repo.CorrectionRow[]> {
  return repo.correctionsOf(db, recordId);
}

/** Corrections waiting in (or answered for) an organisation's subtree, for its organisers. */
export async function listCorrections(db: Db, actor: Actor, q: CorrectionListQuery) {
  if (!(await new Policy(db).adminsOrganisation(actor, q.organisationId))) {
    throw forbidden('You do not administer this organisation');
  }
  const after = decodeCursor(q.cursor, { id: 'string' });
  const rows = await repo.correctionsUnder(db, q.organisationId, q.status, after?.id, q.limit + 1);
  return pageOf(rows, q.limit, (r) => ({ id: r.id }));
}
