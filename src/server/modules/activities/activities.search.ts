import type { ActivityListQueryT, ActivityStatus } from '../../../common/contract/activities.js';
import { badRequest, forbidden, notFound } from '../../../common/errors.js';
import { boundingBox, distanceM, parseLatLng } from '../../../common/geo.js';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../ids.js';
import { decodeCursor, encodeCursor, pageOf } from '../../pagination.js';
import { ADMIN_ROLES, hasRole, Policy, type Actor } from '../../platform/access/policy.js';
import { organisationById } from '../organisations/index.js';
import { presentActivitySummary } from './activities.presenter.js';
import { activitiesByIds, type ActivityRow } from './activities.repository.js';
import * as search from './activities.search.repository.js';

/** At most this many keywords count; more would only slow the scan. */
const WORDS_MAX = 5;

/** List items with the places left on each, counted for the whole page in one query. */
async function present(db: Db, rows: { row: ActivityRow; d?: number }[], now: string) {
  const places = await search.placesLeftOf(
    db,
    rows.map((r) => r.row.id),
    now,
  );
  return rows.map(({ row, d }) => presentActivitySummary(row, places.get(row.id) ?? 0, d, now));
}

/**
 * Public search over published activities. With `near`, a bounding box narrows rows in SQL
 * and great-circle distance ranks them, nearest first; otherwise soonest first. Without
 * `from` or `to`, only activities with a shift still to end are listed. `q` asks for every
 * keyword somewhere in the title, description, address or organisation name; `hasPlaces` for a
 * shift that still takes sign-ups and has a place left.
 */
export async function searchActivities(db: Db, q: ActivityListQueryT) {
  const now = nowIso();
  // Without a time window people look for what they can still join: shifts not yet over.
  const defaultFrom = q.from || q.to ? undefined : now;
  const words = (q.q ?? '').split(/\s+/).filter((w) => w.length > 0);
  if (words.length > WORDS_MAX) {
    throw badRequest(`query.q: at most ${WORDS_MAX} keywords`, { field: 'query.q' });
  }
  const filter: search.SearchFilter = {
    now,
    words,
    hasPlaces: q.hasPlaces === 'true',
    field: q.field,
    from: q.from ? new Date(q.from).toISOString() : defaultFrom,
    to: q.to ? new Date(q.to).toISOString() : undefined,
    organisationId: q.organisationId,
    projectId: q.projectId,
  };
  if (!q.near) {
    const after = decodeCursor(q.cursor, { s: 'string', id: 'string' });
    const rows = await search.searchByTime(db, filter, after, q.limit);
    const p = pageOf(rows, q.limit, (r) => ({ s: r.first_start_at, id: r.id }));
    return {
      items: await present(
        db,
        p.items.map((row) => ({ row })),
        now,
      ),
      nextCursor: p.nextCursor,
    };
  }
  const centre = parseLatLng(q.near);
  if (!centre) throw badRequest('query.near: must be LAT,LNG, e.g. 29.56,106.55', { field: 'query.near' });
  const radiusM = q.radiusKm * 1000;
  const offset = decodeCursor(q.cursor, { offset: 'int' })?.offset ?? 0;
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
  const items = await present(
    db,
    slice.flatMap((s) => {
      const row = byId.get(s.id);
      return row ? [{ row, d: s.d }] : [];
    }),
    now,
  );
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
  const before = decodeCursor(q.cursor, { id: 'string' });
  const rows = await search.activitiesOfOrganisation(db, orgId, q.status, before?.id, q.limit);
  const p = pageOf(rows, q.limit, (r) => ({ id: r.id }));
  return {
    items: await present(
      db,
      p.items.map((row) => ({ row })),
      nowIso(),
    ),
    nextCursor: p.nextCursor,
  };
}
