import type { MembershipRole, MembershipStatus } from '../../../common/enums.js';
import type { Db } from '../../db/database.js';
import type { MembershipsTable } from '../../db/schema.js';
import { newId } from '../../ids.js';

export type MembershipRow = MembershipsTable;

export async function insertMembership(
  db: Db,
  m: { organisationId: string; volunteerId: string; role: MembershipRole; status: MembershipStatus; at: string },
): Promise<MembershipRow> {
  const row = {
    id: newId(),
    organisation_id: m.organisationId,
    volunteer_id: m.volunteerId,
    role: m.role,
    status: m.status,
    joined_at: m.at,
  };
  await db.insertInto('memberships').values(row).execute();
  return row;
}

/** Moves a membership on, only from the status it was read in (a race leaves it alone: false). */
export async function moveMembership(
  db: Db,
  id: string,
  from: MembershipStatus,
  to: { status: MembershipStatus; role?: MembershipRole | undefined; at: string },
): Promise<boolean> {
  const r = await db
    .updateTable('memberships')
    .set({ status: to.status, joined_at: to.at, ...(to.role ? { role: to.role } : {}) })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function findMembership(db: Db, organisationId: string, volunteerId: string) {
  return db
    .selectFrom('memberships')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('volunteer_id', '=', volunteerId)
    .executeTakeFirst();
}

/** A membership with what deciding on it needs: the organisation's name and the volunteer's user. */
export async function membershipById(db: Db, id: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .innerJoin('volunteers', 'volunteers.id', 'memberships.volunteer_id')
    .selectAll('memberships')
    .select(['organisations.name as organisation_name', 'volunteers.user_id as volunteer_user_id'])
    .where('memberships.id', '=', id)
    .executeTakeFirst();
}

export async function listMembers(db: Db, organisationId: string, afterId: string | undefined, limit: number) {
  let q = db
    .selectFrom('memberships')
    .innerJoin('volunteers', 'volunteers.id', 'memberships.volunteer_id')
    .selectAll('memberships')
    .select(['volunteers.name as volunteer_name', 'volunteers.volunteer_code'])
    .where('memberships.organisation_id', '=', organisationId);
  if (afterId) q = q.where('memberships.id', '>', afterId);
  return q
    .orderBy('memberships.id')
    .limit(limit + 1)
    .execute();
}

/** A volunteer's memberships in every status, with the organisations' names, newest first. */
export async function membershipsOfVolunteer(db: Db, volunteerId: string, limit: number) {
  return db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .selectAll('memberships')
    .select('organisations.name as organisation_name')
    .where('memberships.volunteer_id', '=', volunteerId)
    .orderBy('memberships.id', 'desc')
    .limit(limit)
    .execute();
}

export async function volunteerOfUser(db: Db, userId: string) {
  return db.selectFrom('volunteers').select(['id', 'user_id']).where('user_id', '=', userId).executeTakeFirst();
}

export async function volunteerById(db: Db, id: string) {
  return db.selectFrom('volunteers').select(['id', 'user_id']).where('id', '=', id).executeTakeFirst();
}

export async function volunteerByCode(db: Db, code: string) {
  return db.selectFrom('volunteers').select(['id', 'user_id']).where('volunteer_code', '=', code).executeTakeFirst();
}

/** The volunteer's memberships with the organisation's name, oldest first. */
export async function membershipHistoryOf(db: Db, volunteerId: string, limit: number) {
  return db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select([
      'memberships.id',
      'memberships.organisation_id',
      'memberships.volunteer_id',
      'memberships.role',
      'memberships.status',
      'memberships.joined_at',
      'organisations.name as organisation_name',
    ])
    .where('memberships.volunteer_id', '=', volunteerId)
    .orderBy('memberships.id')
    .limit(limit)
    .execute();
}
