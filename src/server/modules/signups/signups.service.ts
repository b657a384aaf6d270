import type { Signup } from '../../../common/contract/signups.js';
import { AppError, forbidden, notFound, refusal } from '../../../common/errors.js';
import { birthDateOfId, chinaToday } from '../../../common/id-numbers.js';
import type { PersonalDataCipher } from '../../crypto.js';
import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../ids.js';
import type { Actor } from '../../platform/access/policy.js';
import { organises } from '../activities/index.js';
import * as activities from '../activities/index.js';
import { presentSignup } from './signups.presenter.js';
import { fillPlaces, tellResult } from './signups.promotion.js';
import * as repo from './signups.repository.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { checkEligibility, missingQualification } from './signups.rules.js';

/** The shift and its activity, or 404 when the caller may not see them (a draft). */
async function visibleShift(db: Db, actor: Actor, shiftId: string) {
  const shift = await activities.shiftById(db, shiftId);
  const activity = shift ? await activities.activityById(db, shift.activity_id) : undefined;
  if (!shift || !activity) throw notFound('Shift');
  if (activity.status === 'draft' && !(await organises(db, actor, activity.organisation_id))) throw notFound('Shift');
  return { shift, activity };
}

/**
 * Signs the caller up for a shift. In one transaction the volunteer and the shift are
 * locked (PostgreSQL; SQLite has one writer), every rule is checked, the sign-up gets the
 * next arrival number, and it takes a place only while places are left — so capacity holds
 * under any number of concurrent requests. With approval required the sign-up waits as
 * `applied` and takes no place until an organiser approves it.
 */
export async function signUp(db: Db, cipher: PersonalDataCipher, actor: Actor, shiftId: string): Promise<Signup> {
  if (!(await repo.volunteerOfUser(db, actor.userId))) throw forbidden('Only volunteers sign up for shifts');
  await visibleShift(db, actor, shiftId);
  return db.transaction().execute(async (trx) => {
    const volunteer = await repo.lockVolunteerOfUser(trx, actor.userId);
    const shift = await activities.lockShift(trx, shiftId);
    const activity = shift ? await activities.activityById(trx, shift.activity_id) : undefined;
    if (!volunteer || !shift || !activity) throw notFound('Shift');
    if (activity.status === 'cancelled' || shift.status === 'cancelled') {
      throw new AppError('ACTIVITY_CANCELLED', 'This activity or shift has been cancelled');
    }
    if (activity.status !== 'published') {
      throw new AppError('ACTIVITY_NOT_PUBLISHED', 'This activity is not published yet');
    }
    const now = nowIso();
    // The birth date lives only inside the encrypted ID number: opened for an age rule, never kept.
    const pending = volunteer.status === 'pending_guardian';
    const ageRule = shift.min_age !== null || shift.max_age !== null || pending;
    const birthDate = ageRule ? birthDateOfId(volunteer.id_type, cipher.decrypt(volunteer.id_number_enc)) : null;
    const guardianAge = pending ? (await getSettings(trx)).guardianAge : undefined;
    checkEligibility({ now, volunteer: { ...volunteer, birthDate }, shift, guardianAge });
    if (await repo.liveSignupOf(trx, shift.id, volunteer.id)) {
      throw new AppError('ALREADY_SIGNED_UP', 'You have already signed up for this shift');
    }
    const required = JSON.parse(shift.required_qualifications) as string[];
    if (required.length) {
      const held = await repo.validQualifications(trx, volunteer.id, chinaToday(new Date(shift.end_at)));
      const missing = missingQualification(required, held);
      if (missing) {
        throw new AppError(
          'QUALIFICATION_REQUIRED',
          `This shift requires the qualification "${missing}", valid on the day of the shift; it is missing or expired`,
          { kind: missing },
        );
      }
    }
    const clash = await repo.overlapping(trx, volunteer.id, shift.start_at, shift.end_at, shift.id);
    if (clash) {
      throw new AppError(
        'SHIFT_OVERLAP',
        `This shift overlaps another you hold, from ${clash.start_at} to ${clash.end_at}`,
        { shiftId: clash.shift_id },
      );
    }
    const status =
      activity.requires_approval === 1 ? 'applied' : shift.taken < shift.capacity ? 'approved' : 'waitlisted';
    const row: repo.SignupRow = {
      id: newId(),
      shift_id: shift.id,
      volunteer_id: volunteer.id,
      status,
      seq: await repo.nextSeq(trx, shift.id),
      created_at: now,
      decided_at: status === 'approved' ? now : null,
      decided_by: null,
      reason: null,
      start_at: shift.start_at,
      end_at: shift.end_at,
    };
    await repo.insertSignup(trx, row);
    if (status === 'approved') await activities.addTaken(trx, shift.id, 1);
    await tellResult(trx, {
      volunteerId: volunteer.id,
      signupId: row.id,
      activityTitle: activity.title,
      shiftStart: shift.start_at,
      status,
    });
    return presentSignup(row);
  });
}

/**
 * Cancels a sign-up, by its volunteer (before the shift starts) or an organiser. A place
 * it held goes to the first of the wait-list in the same transaction.
 */
export async function cancelSignup(db: Db, actor: Actor, signupId: string): Promise<void> {
  const found = await repo.signupById(db, signupId);
  const shift = found ? await activities.shiftById(db, found.shift_id) : undefined;
  const activity = shift ? await activities.activityById(db, shift.activity_id) : undefined;
  if (!found || !shift || !activity) throw notFound('Sign-up');
  const own = (await repo.volunteerOfUser(db, actor.userId))?.id === found.volunteer_id;
  const organiser = await organises(db, actor, activity.organisation_id);
  if (!own && !organiser) throw notFound('Sign-up');
  await db.transaction().execute(async (trx) => {
    const locked = await activities.lockShift(trx, shift.id);
    const s = await repo.signupById(trx, signupId);
    if (!locked || !s) throw notFound('Sign-up');
    if (!repo.LIVE.includes(s.status)) {
      throw refusal('CONFLICT', 'signup_not_cancellable', `This sign-up is ${s.status} and cannot be cancelled`);
    }
    const now = nowIso();
    if (!organiser && now >= locked.start_at) {
      throw refusal(
        'RULE_VIOLATION',
        'shift_started',
        'The shift has started; ask the organiser to change your sign-up',
      );
    }
    await repo.updateSignup(trx, s.id, {
      status: 'cancelled',
      decided_at: now,
      decided_by: actor.userId,
      reason: own ? 'cancelled_by_volunteer' : 'cancelled_by_organiser',
    });
    if (s.status === 'approved') {
      await activities.addTaken(trx, locked.id, -1);
      await fillPlaces(trx, locked, locked.taken - 1, activity.title);
    }
  });
}
