import { forbidden, notFound, ruleBroken } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import { Policy, type Actor } from '../../platform/access/policy.js';
import { appendAudit, auditPersonalRead } from '../../platform/audit/audit.repository.js';
import * as repo from './qualifications.repository.js';

type Row = Awaited<ReturnType<typeof repo.qualificationsOf>>[number];

const present = (q: Row) => ({
  id: q.id,
  volunteerId: q.volunteer_id,
  kind: q.kind,
  kindName: q.name_zh,
  expiresAt: q.expires_at,
  verifiedBy: q.verified_by,
  createdAt: q.created_at,
});

export async function listKinds(db: Db) {
  const rows = await repo.listKinds(db);
  return { items: rows.map((k) => ({ code: k.code, nameZh: k.name_zh, nameEn: k.name_en })) };
}

/**
 * Records a qualification an admin has verified. The volunteer may read their own but not
 * vouch for themselves (403); admins who cannot see the volunteer get 404.
 */
export async function addQualification(
  db: Db,
  actor: Actor,
  volunteerId: string,
  body: { kind: string; expiresAt?: string | undefined },
) {
  const sees = await new Policy(db).seesVolunteer(actor, volunteerId);
  if (!sees) throw notFound('Volunteer');
  if (sees !== 'admin') throw forbidden('A qualification is recorded by an admin who verified it');
  const kinds = await repo.knownKinds(db);
  if (!kinds.has(body.kind)) {
    throw ruleBroken('kind', 'unknown_qualification', `unknown qualification kind "${body.kind}"`);
  }
  const id = await db.transaction().execute(async (trx) => {
    const row = await repo.insertQualification(trx, {
      volunteerId,
      kind: body.kind,
      expiresAt: body.expiresAt ?? null,
      verifiedBy: actor.userId,
    });
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'qualification.add',
      entityType: 'volunteer',
      entityId: volunteerId,
      details: { kind: body.kind },
    });
    return row.id;
  });
  const found = (await repo.qualificationsOf(db, volunteerId)).find((q) => q.id === id);
  if (!found) throw notFound('Qualification');
  return present(found);
}

export async function listQualifications(db: Db, actor: Actor, volunteerId: string) {
  const sees = await new Policy(db).seesVolunteer(actor, volunteerId);
  if (!sees) throw notFound('Volunteer');
  if (sees === 'admin') await auditPersonalRead(db, actor.userId, volunteerId, 'qualifications');
  return { items: (await repo.qualificationsOf(db, volunteerId)).map(present) };
}
