import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import { toNumber } from '../../db/database.js';
import type { CertificatesTable } from '../../db/schema.js';

export type CertificateRow = CertificatesTable;

export async function insertCertificate(db: Db, row: Insertable<CertificatesTable>): Promise<void> {
  await db.insertInto('certificates').values(row).execute();
}

export async function certificateByCode(db: Db, code: string): Promise<CertificateRow | undefined> {
  return db.selectFrom('certificates').selectAll().where('code', '=', code).executeTakeFirst();
}

/** How many certificates were issued on a local day: the running number of the next serial. */
export async function countIssuedOn(db: Db, issuedOn: string): Promise<number> {
  const r = await db
    .selectFrom('certificates')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('issued_on', '=', issuedOn)
    .executeTakeFirst();
  return toNumber(r?.n ?? 0);
}

/** Newest first, after `beforeId`: a volunteer's certificates, or those an organisation issued. */
export async function listCertificates(
  db: Db,
  by: { volunteerId: string } | { organisationId: string },
  beforeId: string | undefined,
  limit: number,
): Promise<CertificateRow[]> {
  let q = db.selectFrom('certificates').selectAll();
  q =
    'volunteerId' in by
      ? q.where('volunteer_id', '=', by.volunteerId)
      : q.where('organisation_id', '=', by.organisationId);
  if (beforeId) q = q.where('id', '<', beforeId);
  return q.orderBy('id', 'desc').limit(limit).execute();
}

/** What a certificate prints of the volunteer: the masked number only, never the encrypted one. */
export async function volunteerShown(db: Db, id: string) {
  return db
    .selectFrom('volunteers')
    .select(['id', 'user_id', 'name', 'id_type', 'id_number_masked', 'volunteer_code'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The volunteer's confirmed records of the period (local days, both included), oldest first. */
export async function confirmedRecordsOf(db: Db, volunteerId: string, from: string, to: string) {
  return db
    .selectFrom('service_records')
    .innerJoin('activities', 'activities.id', 'service_records.activity_id')
    .select([
      'service_records.id',
      'service_records.organisation_id',
      'service_records.service_date',
      'service_records.content',
      'service_records.minutes',
      'activities.title as activity_title',
    ])
    .where('service_records.volunteer_id', '=', volunteerId)
    .where('service_records.status', '=', 'confirmed')
    .where('service_records.service_date', '>=', from)
    .where('service_records.service_date', '<=', to)
    .orderBy('service_records.service_date')
    .orderBy('service_records.start_at')
    .execute();
}

/** Which of these records have been revoked since. */
export async function revokedAmong(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('service_records')
    .select('id')
    .where('id', 'in', ids)
    .where('status', '=', 'revoked')
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function organisationNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The organisation's responsible person (负责人): its leader (the membership role the team pages
 * call 负责人, the earliest who joined, by real name); else the first admin granted over it (team
 * or department admin); null when it has neither.
 */
export async function responsibleOf(db: Db, organisationId: string): Promise<string | null> {
  const leader = await db
    .selectFrom('memberships')
    .innerJoin('volunteers', 'volunteers.id', 'memberships.volunteer_id')
    .select('volunteers.name')
    .where('memberships.organisation_id', '=', organisationId)
    .where('memberships.role', '=', 'leader')
    .where('memberships.status', '=', 'active')
    .orderBy('memberships.joined_at')
    .orderBy('memberships.id')
    .executeTakeFirst();
  if (leader) return leader.name;
  const r = await db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .select('users.display_name')
    .where('role_grants.scope_type', '=', 'organisation')
    .where('role_grants.scope_id', '=', organisationId)
    .where('role_grants.role', 'in', ['team_admin', 'department_admin'])
    .orderBy('role_grants.created_at')
    .orderBy('role_grants.id')
    .executeTakeFirst();
  return r?.display_name ?? null;
}

export async function displayNameOf(db: Db, userId: string): Promise<string> {
  const r = await db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirst();
  return r?.display_name ?? '';
}

/** The organisations that confirmed any of the volunteer's service. */
export async function organisationsServed(db: Db, volunteerId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('service_records')
    .select('organisation_id')
    .distinct()
    .where('volunteer_id', '=', volunteerId)
    .where('status', '=', 'confirmed')
    .execute();
  return rows.map((r) => r.organisation_id);
}

/**
 * A closed account's name and masked ID number leave the register too, and so does its name as
 * the person who handled an issue: the certificates stay (with their records, hours and codes).
 */
export async function eraseHolder(db: Db, userId: string, volunteerId: string | null): Promise<void> {
  const rows = await db
    .selectFrom('certificates')
    .select(['id', 'shown', 'volunteer_id', 'issued_by'])
    .where((eb) =>
      volunteerId
        ? eb.or([eb('volunteer_id', '=', volunteerId), eb('issued_by', '=', userId)])
        : eb('issued_by', '=', userId),
    )
    .execute();
  for (const r of rows) {
    const shown = JSON.parse(r.shown) as Record<string, unknown>;
    if (r.volunteer_id === volunteerId) Object.assign(shown, { volunteerName: '已注销', idNumberMasked: '—' });
    if (r.issued_by === userId) shown.issuerName = '已注销用户';
    await db
      .updateTable('certificates')
      .set({ shown: JSON.stringify(shown) })
      .where('id', '=', r.id)
      .execute();
  }
}
