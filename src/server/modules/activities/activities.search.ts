import type { ActivityListQueryT, ActivityStatus } from '../../../common/contract/activities.js';
import { badRequest, forbidden, notFound } from '../../../common/errors.js';
import { boundingBox, distanceM, parseLatLng } from '../../../common/geo.js';
import type { Db } from '../../db/database.js';
import { decodeCursor, encodeCursor, pageOf } from '../../pagination.js';
import { ADMIN_ROLES, hasRole, Policy, type Actor } from '../../platform/access/policy.js';
import { organisationById } from '../organisations/index.js';
import { presentActivitySummary } from './activities.presenter.js';
import { activitiesByIds } from './activities.repository.js';
import * as search from './activities.search.repository.js';

/**
 * Public search over published activities. With `near`, a bounding box narrows rows in SQL
 * and great-circle distance ranks them, nearest first; otherwise soonest first. Without
 * `from` or `to`, only activities with a shift still to end are listed.
 */
export async function searchActivities(db: Db, q: ActivityListQueryT) {
  // Without a time window people look for what they can still join: shifts not yet over.
  const defaultFrom = q.from || q.to ? undefined : new Date().toISOString();
  const filter: search.SearchFilter = {
    field: q.field,
    from: q.from ? new Date(q.from).toISOString() : defaultFrom,
    to: q.to ? new Date(q.to).toISOString() : undefined,
    organisationId: q.organisationId,
    projectId: q.projectId,
  };
  if (!q.near) {
    const after = decodeCursor<{ s: string; id: string }>(q.cursor, ['s', 'id']);
    const rows = await search.searchByTime(db, filter, after, q.limit);
    const p = pageOf(rows, q.limit, (r) => ({ s: r.first_start_at, id: r.id }));
    return { items: p.items.map((a) => presentActivitySummary(a)), nextCursor: p.nextCursor };
  }
  const centre = parseLatLng(q.near);
  if (!centre) throw badRequest('query.near: must be LAT,LNG, e.g. 29.56,106.55', { field: 'query.near' });
  const radiusM = q.radiusKm * 1000;
  const offset = Number(decodeCursor<{ offset: number }>(q.cursor, ['offset'])?.offset ?? 0);
  if (!Number.isInteger(offset) || offset < 0) {
    throw badRequest('query.cursor: not a cursor this list gave out', { field: 'query.cursor' });
  }
  const ranked = (await search.searchPositions(db, { ...filter, box: boundingBox(centre.lat, centre.lng, radiusM) }))
    .map((a) => ({ id: a.id, d: distanceM(centre.lat, centre.lng, a.lat, a.lng) }))
    .filter((a) => a.d <= radiusM)
    .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1));
  const slice = ranked.slice(offset, offset + q.limit);
  const byId = new Map(
    (
      await activitiesByIds(
        db,
        slice.map((s) => s.id),
      )
    ).map((a) => [a.id, a]),
  );
  const items = slice.flatMap((s) => {
    const row = byId.get(s.id);
    return row ? [presentActivitySummary(row, s.d)] : [];
  });
  return { items, nextCursor: offset + q.limit < ranked.length ? encodeCursor({ offset: offset + q.limit }) : null };
}

/** An organisation's activities, drafts included, for the console of its admins. */
export async function organisationActivities(
  db: Db,
  actor: Actor,
  orgId: string,
  q: { status?: ActivityStatus | undefined; cursor?: string | undefined; limit: number },
) {
  if (!hasRole(actor, ...ADMIN_ROLES)) throw forbidden('Only organisers see the console list');
  if (!(await organisationById(db, orgId))) throw notFound('Organisation');
  if (!(await new Policy(db).adminsOrganisation(actor, orgId)))
    throw forbidden('You do not administer this organisation');
  const before = decodeCursor<{ id: string }>(q.cursor, ['id']);
  const rows = await search.activitiesOfOrganisation(db, orgId, q.status, before?.id, q.limit);
  const p = pageOf(rows, q.limit, (r) => ({ id: r.id }));
  return { items: p.items.map((a) => presentActivitySummary(a)), nextCursor: p.nextCursor };
}
