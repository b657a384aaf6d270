import type { AuditEntryView, AuditQueryInput } from '../../../common/contract/audit.js';
import { AppError, badRequest, forbidden } from '../../../common/errors.js';
import { addDays, localMidnight } from '../../../common/zoned-time.js';
import type { Db } from '../../db/database.js';
import { decodeCursor, pageOf } from '../../pagination.js';
import { hasRole, isSystemAdmin, Policy, scopesOf, type Actor } from '../../platform/access/policy.js';
import { regionByCode } from '../regions/index.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import * as repo from '../../platform/audit/audit.repository.js';

function parseDetails(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * The audit log for those with a duty over a region: system admins read all of it, region
 * admins what lies in their regions (an entry about a city-wide thing has no region and is the
 * system admins'). Newest first, filtered by region, actor, subject, action and days.
 */
export async function readAudit(db: Db, actor: Actor, q: AuditQueryInput) {
  if (!hasRole(actor, 'system_admin', 'region_admin')) {
    throw forbidden('Only system and region admins read the audit log');
  }
  const system = isSystemAdmin(actor);
  let regionsUnder = system ? undefined : scopesOf(actor, ['region_admin'], 'region');
  if (q.regionCode !== undefined) {
    if (!(await regionByCode(db, q.regionCode))) {
      throw new AppError('NOT_FOUND', `regionCode: region "${q.regionCode}" does not exist`, { field: 'regionCode' });
    }
    if (!system && !(await new Policy(db).adminsRegion(actor, q.regionCode))) {
      throw forbidden('regionCode: outside the regions you administer');
    }
    regionsUnder = [q.regionCode];
  }
  if (q.entityId !== undefined && q.entityType === undefined) {
    throw badRequest('query.entityType: give the type of the subject with its id', { field: 'query.entityType' });
  }
  if (q.from && q.to && q.to < q.from) {
    throw badRequest('query.to: the last day comes before the first', { field: 'query.to' });
  }
  const { timeZone } = await getSettings(db);
  const after = decodeCursor(q.cursor, { id: 'string' });
  const rows = await repo.listAudit(
    db,
    {
      regionsUnder,
      actorUserId: q.actorUserId,
      entityType: q.entityType,
      entityId: q.entityId,
      action: q.action,
      from: q.from ? localMidnight(q.from, timeZone) : undefined,
      to: q.to ? localMidnight(addDays(q.to, 1), timeZone) : undefined,
    },
    after?.id,
    q.limit + 1,
  );
  const p = pageOf(rows, q.limit, (r) => ({ id: r.id }));
  return {
    items: p.items.map((r): AuditEntryView => ({
      id: r.id,
      at: r.at,
      actorUserId: r.actor_user_id,
      actorName: r.actor_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      regionCode: r.region_code,
      details: parseDetails(r.details),
    })),
    nextCursor: p.nextCursor,
  };
}
