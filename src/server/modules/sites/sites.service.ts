import type { CreateSite, Site, UpdateSite } from '../../../common/contract/sites.js';
import type { SiteType } from '../../../common/enums.js';
import { badRequest, forbidden, notFound, ruleBroken } from '../../../common/errors.js';
import { boundingBox, distanceM, parseLatLng } from '../../../common/geo.js';
import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DB, SitesTable } from '../../db/schema.js';
import { inTransaction } from '../../platform/db.js';
import { decodeCursor, encodeCursor, pageOf } from '../../pagination.js';
import { hasRole, Policy, type Actor } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { organisationById, regionWithin } from '../organisations/index.js';
import { regionByCode } from '../regions/index.js';
import * as repo from './sites.repository.js';
import { stockCounted } from '../stats/index.js';

export function presentSite(s: SitesTable, distance?: number): Site {
  return {
    id: s.id,
    name: s.name,
    type: s.type,
    regionCode: s.region_code,
    address: s.address,
    lat: s.lat,
    lng: s.lng,
    organisationId: s.organisation_id,
    openingHours: s.opening_hours,
    facilities: JSON.parse(s.facilities) as string[],
    accessibility: s.accessibility,
    status: s.status,
    createdAt: s.created_at,
    ...(distance === undefined ? {} : { distanceM: Math.round(distance) }),
  };
}

/** Region admins create sites in their region; organisation admins for their organisation. */
export async function createSite(db: Db, actor: Actor, body: CreateSite): Promise<Site> {
  const id = await inTransaction(db, (trx) => addSite(trx, actor, body));
  return getSite(db, id);
}

/**
 * The checks and writes of createSite inside the caller's transaction (an import runs one per
 * batch); answers the new id. `source` names the import row it came from, for the audit entry.
 */
export async function addSite(
  trx: Transaction<DB>,
  actor: Actor,
  body: CreateSite,
  source?: { importId: string; row: number },
): Promise<string> {
  if (!hasRole(actor, 'system_admin', 'region_admin', 'department_admin', 'team_admin')) throw forbidden();
  const policy = new Policy(trx);
  if (!(await regionByCode(trx, body.regionCode))) {
    throw ruleBroken('regionCode', 'no_such_region', `region "${body.regionCode}" does not exist`);
  }
  const org = body.organisationId ? await organisationById(trx, body.organisationId) : undefined;
  if (body.organisationId && !org) {
    throw ruleBroken('organisationId', 'no_such_organisation', `organisation "${body.organisationId}" does not exist`);
  }
  // An organisation's admin places sites within the organisation's own region, never beyond it.
  const allowed =
    (await policy.adminsRegion(actor, body.regionCode)) ||
    (!!org &&
      (await policy.adminsOrganisation(actor, org.id)) &&
      (await regionWithin(trx, org.region_code, body.regionCode)));
  if (!allowed) throw forbidden('You administer neither this region nor the managing organisation');
  const siteId = await repo.insertSite(trx, {
    name: body.name,
    type: body.type,
    regionCode: body.regionCode,
    address: body.address,
    lat: body.lat,
    lng: body.lng,
    organisationId: body.organisationId ?? null,
    openingHours: body.openingHours ?? null,
    facilities: body.facilities,
    accessibility: body.accessibility ?? null,
  });
  await stockCounted(
    trx,
    { regionCode: body.regionCode, organisationId: body.organisationId ?? null, kind: `site:${body.type}` },
    1,
  );
  await appendAudit(trx, {
    actorUserId: actor.userId,
    action: 'site.create',
    entityType: 'site',
    entityId: siteId,
    ...(source ? { details: { importId: source.importId, row: source.row } } : {}),
  });
  return siteId;
}

/** Roles that may edit a site at all; whether they reach this one is the policy's answer. */
const SITE_EDITORS = ['site_manager', 'system_admin', 'region_admin', 'department_admin', 'team_admin'] as const;

/**
 * A site's manager, or an admin over its region or managing organisation, changes its
 * address, position, opening hours, facilities and accessibility notes. Audited.
 */
export async function updateSite(db: Db, actor: Actor, id: string, body: UpdateSite): Promise<Site> {
  if (!hasRole(actor, ...SITE_EDITORS)) throw forbidden();
  if (!(await repo.siteById(db, id)) || !(await new Policy(db).actsForSite(actor, id))) throw notFound('Site');
  await db.transaction().execute(async (trx) => {
    await repo.updateSite(trx, id, body);
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'site.update',
      entityType: 'site',
      entityId: id,
      details: { fields: Object.keys(body) },
    });
  });
  return getSite(db, id);
}

export async function getSite(db: Db, id: string): Promise<Site> {
  const s = await repo.siteById(db, id);
  if (!s) throw notFound('Site');
  return presentSite(s);
}

export interface SiteQuery {
  type?: SiteType;
  region?: string;
  near?: string;
  radiusKm: number;
  organisationId?: string;
  usableBy?: string;
  q?: string;
  cursor?: string;
  limit: number;
}

/** Where an organisation may hold activities: sites in its region or below it, and its own. */
async function usableBy(db: Db, organisationId: string) {
  const org = await organisationById(db, organisationId);
  if (!org) {
    throw ruleBroken('query.usableBy', 'no_such_organisation', `organisation "${organisationId}" does not exist`);
  }
  return { regionCode: org.region_code, organisationId: org.id };
}

/**
 * Public site search. With `near`, sites inside the radius come nearest first: a bounding
 * box narrows the rows in SQL, then great-circle distance ranks them.
 */
export async function searchSites(db: Db, q: SiteQuery) {
  const filter = {
    type: q.type,
    region: q.region,
    organisationId: q.organisationId,
    name: q.q,
    usableBy: q.usableBy ? await usableBy(db, q.usableBy) : undefined,
  };
  if (!q.near) {
    const after = decodeCursor(q.cursor, { id: 'string' });
    const rows = await repo.listSites(db, filter, after?.id, q.limit);
    const p = pageOf(rows, q.limit, (r) => ({ id: r.id }));
    return { items: p.items.map((s) => presentSite(s)), nextCursor: p.nextCursor };
  }
  const centre = parseLatLng(q.near);
  if (!centre) throw badRequest('query.near: must be LAT,LNG, e.g. 29.56,106.55', { field: 'query.near' });
  const radiusM = q.radiusKm * 1000;
  const offset = decodeCursor(q.cursor, { offset: 'int' })?.offset ?? 0;
  const ranked = (await repo.sitePositions(db, { ...filter, box: boundingBox(centre.lat, centre.lng, radiusM) }))
    .map((s) => ({ id: s.id, d: distanceM(centre.lat, centre.lng, s.lat, s.lng) }))
    .filter((s) => s.d <= radiusM)
    .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1));
  const slice = ranked.slice(offset, offset + q.limit);
  const byId = new Map(
    (
      await repo.sitesByIds(
        db,
        slice.map((s) => s.id),
      )
    ).map((s) => [s.id, s]),
  );
  const items = slice.flatMap((s) => {
    const row = byId.get(s.id);
    return row ? [presentSite(row, s.d)] : [];
  });
  const nextCursor = offset + q.limit < ranked.length ? encodeCursor({ offset: offset + q.limit }) : null;
  return { items, nextCursor };
}
