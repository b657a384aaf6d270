import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../ids.js';
import { insertMany } from '../db.js';

export interface AuditEntry {
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** Never personal data itself: say which fields changed, not their values. */
  details?: Record<string, unknown>;
  /** Where the subject lies; found from the subject when not given. */
  regionCode?: string | null;
}

/** The region a subject lies in, for the region admins' view of the log; null for city-wide things. */
export async function regionOfEntity(db: Db, entityType: string, id: string): Promise<string | null> {
  const one = async (q: Promise<{ region_code: string } | undefined>) => (await q)?.region_code ?? null;
  switch (entityType) {
    case 'volunteer':
      return one(db.selectFrom('volunteers').select('region_code').where('id', '=', id).executeTakeFirst());
    case 'user':
      return (
        (await db.selectFrom('users').select('region_code').where('id', '=', id).executeTakeFirst())?.region_code ??
        null
      );
    case 'organisation':
      return one(db.selectFrom('organisations').select('region_code').where('id', '=', id).executeTakeFirst());
    case 'site':
      return one(db.selectFrom('sites').select('region_code').where('id', '=', id).executeTakeFirst());
    case 'region':
      return (await db.selectFrom('regions').select('code').where('code', '=', id).executeTakeFirst())?.code ?? null;
    case 'activity':
      return one(db.selectFrom('activities').select('region_code').where('id', '=', id).executeTakeFirst());
    case 'shift':
      return one(
        db
          .selectFrom('shifts')
          .innerJoin('activities', 'activities.id', 'shifts.activity_id')
          .select('activities.region_code')
          .where('shifts.id', '=', id)
          .executeTakeFirst(),
      );
    case 'service_record':
      return one(
        db
          .selectFrom('service_records')
          .innerJoin('activities', 'activities.id', 'service_records.activity_id')
          .select('activities.region_code')
          .where('service_records.id', '=', id)
          .executeTakeFirst(),
      );
    case 'goods':
      return one(
        db
          .selectFrom('goods')
          .innerJoin('sites', 'sites.id', 'goods.site_id')
          .select('sites.region_code')
          .where('goods.id', '=', id)
          .executeTakeFirst(),
      );
    case 'redemption':
      return one(
        db
          .selectFrom('redemptions')
          .innerJoin('sites', 'sites.id', 'redemptions.site_id')
          .select('sites.region_code')
          .where('redemptions.id', '=', id)
          .executeTakeFirst(),
      );
    default:
      return null;
  }
}

/** Appends one entry. The audit log is append-only: nothing updates or deletes it. */
export async function appendAudit(db: Db, e: AuditEntry): Promise<void> {
  const regionCode = e.regionCode !== undefined ? e.regionCode : await regionOfEntity(db, e.entityType, e.entityId);
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      at: nowIso(),
      actor_user_id: e.actorUserId,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId,
      details: JSON.stringify(e.details ?? {}),
      region_code: regionCode,
    })
    .execute();
}

/** Many entries in one statement, each with its region given (a batch of an import). */
export async function appendAudits(
  db: Db,
  entries: readonly (AuditEntry & { regionCode: string | null })[],
): Promise<void> {
  if (entries.length === 0) return;
  const at = nowIso();
  await insertMany(
    db,
    'audit_log',
    entries.map((e) => ({
      id: newId(),
      at,
      actor_user_id: e.actorUserId,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId,
      details: JSON.stringify(e.details ?? {}),
      region_code: e.regionCode,
    })),
  );
}

export async function auditOf(db: Db, entityType: string, entityId: string) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
}

export interface AuditFilter {
  /** Entries whose region lies under one of these; undefined for every entry (system admins). */
  regionsUnder?: string[];
  actorUserId?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  /** [from, to) as UTC instants. */
  from?: string;
  to?: string;
}

/** Newest first, before `beforeId`, with the actor's display name. */
export async function listAudit(db: Db, f: AuditFilter, beforeId: string | undefined, limit: number) {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
    .selectAll('audit_log')
    .select('users.display_name as actor_name');
  const under = f.regionsUnder;
  if (under) {
    if (under.length === 0) return [];
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('region_closure as rc')
          .select('rc.ancestor')
          .whereRef('rc.descendant', '=', 'audit_log.region_code')
          .where('rc.ancestor', 'in', under),
      ),
    );
  }
  if (f.actorUserId) q = q.where('audit_log.actor_user_id', '=', f.actorUserId);
  if (f.entityType) q = q.where('audit_log.entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('audit_log.entity_id', '=', f.entityId);
  if (f.action) q = q.where('audit_log.action', '=', f.action);
  if (f.from) q = q.where('audit_log.at', '>=', f.from);
  if (f.to) q = q.where('audit_log.at', '<', f.to);
  if (beforeId) q = q.where('audit_log.id', '<', beforeId);
  return q.orderBy('audit_log.id', 'desc').limit(limit).execute();
}

/** What of a person an admin read. */
export type PersonalSection = 'profile' | 'records' | 'points' | 'qualifications' | 'guardian' | 'honours';

/** An admin's read of another person's data: one entry naming the section, never its content. */
export async function auditPersonalRead(
  db: Db,
  actorUserId: string,
  volunteerId: string,
  section: PersonalSection,
): Promise<void> {
  await appendAudit(db, {
    actorUserId,
    action: section === 'profile' ? 'volunteer.read' : `volunteer.${section}_read`,
    entityType: 'volunteer',
    entityId: volunteerId,
  });
}
