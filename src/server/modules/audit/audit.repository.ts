import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../ids.js';

export interface AuditEntry {
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** Never personal data itself: say which fields changed, not their values. */
  details?: Record<string, unknown>;
}

/** Appends one entry. The audit log is append-only: nothing updates or deletes it. */
export async function appendAudit(db: Db, e: AuditEntry): Promise<void> {
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
    })
    .execute();
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
