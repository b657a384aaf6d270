/**
 * One row of a site list (阵地): checked cell by cell with the rules of POST /sites (type,
 * region, address, position, managing organisation), each problem named with its column, then
 * created through the sites module (addSite), so an imported site is stored, counted and
 * audited as one created by hand. A row without a position stands at its region's centre (or
 * the nearest ancestor's with one), since a site must have one to be on the map.
 */
import type { SiteType } from '../../../common/enums.js';
import { LIMITS } from '../../../common/limits.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access/policy.js';
import { regionWithin, type NamedOrganisation } from '../organisations/index.js';
import { addSite, siteNamedInRegion } from '../sites/index.js';
import { organisationNames } from './imports.organisation-names.js';
import { regionResolver } from './imports.regions.js';
import { FirstRows, regionScope, rowRegion, RowReader, vocabulary, writeRow, type RowHandler } from './imports.rows.js';
import { cleanString } from './read/normalise.js';
import type { Cell } from './read/rows.js';

/** Site types by the names of the web app (zh-CN.json siteType), SPEC's and registers'. */
export const siteTypeOf = vocabulary<SiteType>({
  guidance_centre: ['新时代文明实践中心', '新时代文明实践指导中心', '区县指导中心', '指导中心', '实践中心'],
  town_centre: ['新时代文明实践所', '镇街实践所', '实践所'],
  practice_point: ['新时代文明实践站', '新时代文明实践点', '村社实践站（点）', '村社实践站', '实践站', '实践点'],
  industry_base: ['行业实践基地', '行业基地', '实践基地'],
  youth_home: ['青少年之家'],
  legal_station: ['法律服务站', '法律服务工作站', '公共法律服务站'],
  supermarket: ['积分超市', '积分兑换超市'],
  other: ['其他阵地', '其他', '其它'],
});

/** Longest opening-hours text, as the API takes it. */
const OPENING_HOURS_MAX = 200;

/** A coordinate cell: a number cell, or text such as "106.55" or "106.55°"; NaN when it is neither. */
function coordinate(cell: Cell | undefined): number | null {
  if (!cell) return null;
  if (cell.number !== undefined) return cell.number;
  const text = cleanString(cell.text).replace(/\s+|°$/g, '');
  return text === '' ? null : /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
}

/** The handler of a site import by `actor`, import `importId`. */
export async function siteRows(db: Db, actor: Actor, importId: string): Promise<RowHandler> {
  const region = await regionResolver(db);
  const inScope = regionScope(actor);
  const orgs = organisationNames();
  const firstRows = new FirstRows();

  return async (trx, row) => {
    const r = new RowReader(row);
    const name = r.text('name', { required: true, max: LIMITS.titleMax });
    const type = r.choice('type', siteTypeOf, 'bad_site_type');

    const regionCode = await rowRegion(trx, r, region, inScope);
    const address = r.text('address', { required: true, max: LIMITS.addressMax });

    const lng = coordinate(row.cell('lng'));
    const lat = coordinate(row.cell('lat'));
    if (lng !== null && !(Math.abs(lng) <= 180)) r.refuse('lng', 'bad_longitude');
    if (lat !== null && !(Math.abs(lat) <= 90)) r.refuse('lat', 'bad_latitude');
    if ((lng === null) !== (lat === null)) r.refuse(lng === null ? 'lng' : 'lat', 'coordinates_pair');
    let position = lng !== null && lat !== null ? { lat, lng } : null;
    if (!position && lng === null && lat === null && regionCode) {
      position = region.centre(regionCode);
      if (!position) r.refuse('lng', 'coordinates_required');
    }

    // The managing organisation: one whose region holds the site's, then one the importer
    // administers, when several share the name.
    let organisation: NamedOrganisation | null = null;
    const orgText = r.text('organisation', { required: false, max: LIMITS.titleMax });
    if (orgText) {
      const found = await orgs.find(
        trx,
        orgText,
        (o) => !!regionCode && regionWithin(trx, o.region_code, regionCode),
        (o) => inScope(trx, o.region_code),
      );
      if (!found.ok)
        r.refuse('organisation', found.reason === 'none' ? 'no_such_organisation' : 'ambiguous_organisation');
      else organisation = found.value;
    }
    const openingHours = r.text('openingHours', { required: false, max: OPENING_HOURS_MAX });
    if (!r.ok || !type || !position) return r.problems;

    const key = `${regionCode}\u0000${name}`;
    if (await siteNamedInRegion(trx, regionCode, name)) return firstRows.duplicate(key, 'name', 'site_exists');
    const problems = await writeRow(
      trx,
      () =>
        addSite(
          trx,
          actor,
          {
            name,
            type,
            regionCode,
            address,
            ...position,
            organisationId: organisation?.id ?? null,
            openingHours: openingHours || null,
            facilities: [],
          },
          { importId, row: row.row },
        ),
      { no_such_region: { key: 'region', reason: 'no_such_region' } },
    );
    if (problems.length === 0) firstRows.mark(key, row.row);
    return problems;
  };
}
