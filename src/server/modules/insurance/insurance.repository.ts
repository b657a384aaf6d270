import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { InsurancePoliciesTable } from '../../db/schema.js';

export async function insertPolicy(db: Db, row: Insertable<InsurancePoliciesTable>): Promise<void> {
  await db.insertInto('insurance_policies').values(row).execute();
}

export async function policyById(db: Db, id: string) {
  return db.selectFrom('insurance_policies').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Policies on the activity itself or on its organisation, activity ones first. */
export async function policiesFor(db: Db, activityId: string, organisationId: string) {
  const rows = await db
    .selectFrom('insurance_policies')
    .selectAll()
    .where((eb) => eb.or([eb('activity_id', '=', activityId), eb('organisation_id', '=', organisationId)]))
    .orderBy('id')
    .execute();
  return [...rows.filter((r) => r.activity_id), ...rows.filter((r) => !r.activity_id)];
}

/** Who is insured on a shift: sign-ups holding a place, with what the insurer needs. */
export async function insuredOfShift(db: Db, shiftId: string) {
  return db
    .selectFrom('signups')
    .innerJoin('volunteers', 'volunteers.id', 'signups.volunteer_id')
    .innerJoin('users', 'users.id', 'volunteers.user_id')
    .select([
      'signups.seq',
      'volunteers.name',
      'volunteers.volunteer_code',
      'volunteers.id_type',
      'volunteers.id_number_masked',
      'volunteers.birth_year',
      'volunteers.gender',
      'users.phone_masked',
    ])
    .where('signups.shift_id', '=', shiftId)
    .where('signups.status', 'in', ['approved', 'attended'])
    .orderBy('signups.seq')
    .execute();
}

export async function policiesOfOrganisation(db: Db, organisationId: string) {
  return db
    .selectFrom('insurance_policies')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('id')
    .execute();
}
