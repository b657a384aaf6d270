import type { SiteType } from '../../../common/enums.js';
import type { Db } from '../../db/database.js';
import type { ExpressionBuilder } from 'kysely';
import type { DB, SitesTable } from '../../db/schema.js';
import { newId, nowIso } from '../../ids.js';

export interface SiteInput {
  id?: string;
  name: string;
  type: SiteType;
  regionCode: string;
  address: string;
  lat: number;
  lng: number;
  organisationId: string | null;
  openingHours?: string | null;
  facilities?: string[];
  accessibility?: string | null;
}

export async function insertSite(db: Db, s: SiteInput): Promise<string> {
  const id = s.id ?? newId();
  await db
    .insertInto('sites')
    .values({
      id,
      name: s.name,
      type: s.type,
      region_code: s.regionCode,
      address: s.address,
      lat: s.lat,
      lng: s.lng,
      organisation_id: s.organisationId,
      opening_hours: s.openingHours ?? null,
      facilities: JSON.stringify(s.facilities ?? []),
      accessibility: s.accessibility ?? null,
      status: 'active',
      created_at: nowIso(),
    })
    .execute();
  return id;
}

export async function siteById(db: Db, id: string): Promise<SitesTable | undefined> {
  return db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface SiteFilter {
  type?: SiteType;
  region?: string;
  organisationId?: string;
  /** Sites in this region or below it, or managed by this organisation (what it may hold activities at). */
  usableBy?: { regionCode: string; organisationId: string };
  /** Part of the name. */
  name?: string;
  box?: { minLat: number; maxLat: number; minLng: number; maxLng: number };
}

/** Sites whose region is `region` or lies under it. */
const underRegion = (eb: ExpressionBuilder<DB, 'sites'>, region: string) =>
  eb.exists(
    eb
      .selectFrom('region_closure as rc')
      .select('rc.ancestor')
      .whereRef('rc.descendant', '=', 'sites.region_code')
      .where('rc.ancestor', '=', region),
  );

function filtered(db: Db, f: SiteFilter) {
  let q = db.selectFrom('sites').where('sites.status', '=', 'active');
  if (f.type) q = q.where('sites.type', '=', f.type);
  if (f.organisationId) q = q.where('sites.organisation_id', '=', f.organisationId);
  const region = f.region;
  if (region) q = q.where((eb) => underRegion(eb, region));
  const usable = f.usableBy;
  if (usable) {
    q = q.where((eb) =>
      eb.or([eb('sites.organisation_id', '=', usable.organisationId), underRegion(eb, usable.regionCode)]),
    );
  }
  // LIKE wildcards typed by the caller are dropped, so a part of a name matches as typed on both dialects.
  const name = f.name?.replace(/[%_\\]/g, '');
  if (name) q = q.where('sites.name', 'like', `%${name}%`);
  if (f.box) {
    q = q
      .where('sites.lat', '>=', f.box.minLat)
      .where('sites.lat', '<=', f.box.maxLat)
      .where('sites.lng', '>=', f.box.minLng)
      .where('sites.lng', '<=', f.box.maxLng);
  }
  return q;
}

/** A page in id order. */
export async function listSites(db: Db, f: SiteFilter, afterId: string | undefined, limit: number) {
  let q = filtered(db, f).selectAll('sites');
  if (afterId) q = q.where('sites.id', '>', afterId);
  return q
    .orderBy('sites.id')
    .limit(limit + 1)
    .execute();
}

/** Positions only, for ranking by distance inside a bounding box. */
export async function sitePositions(db: Db, f: SiteFilter) {
  return filtered(db, f).select(['sites.id', 'sites.lat', 'sites.lng']).execute();
}

export async function sitesByIds(db: Db, ids: string[]): Promise<SitesTable[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('sites').selectAll().where('id', 'in', ids).execute();
}

export interface SitePatch {
  address?: string;
  lat?: number;
  lng?: number;
  openingHours?: string | null;
  facilities?: string[];
  accessibility?: string | null;
}

/** Writes only the fields given. */
export async function updateSite(db: Db, id: string, p: SitePatch): Promise<void> {
  await db
    .updateTable('sites')
    .set({
      ...(p.address === undefined ? {} : { address: p.address }),
      ...(p.lat === undefined ? {} : { lat: p.lat }),
      ...(p.lng === undefined ? {} : { lng: p.lng }),
      ...(p.openingHours === undefined ? {} : { opening_hours: p.openingHours }),
      ...(p.facilities === undefined ? {} : { facilities: JSON.stringify(p.facilities) }),
      ...(p.accessibility === undefined ? {} : { accessibility: p.accessibility }),
    })
    .where('id', '=', id)
    .execute();
}

/** The site of this name in this region (not below it), if any: an import's duplicate check. */
export async function siteNamedInRegion(db: Db, regionCode: string, name: string): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('sites')
    .select('id')
    .where('region_code', '=', regionCode)
    .where('name', '=', name)
    .executeTakeFirst();
}
