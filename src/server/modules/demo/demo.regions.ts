import type { Db } from '../../db/database.js';
import { insertRegions } from '../regions/index.js';
import { CHONGQING_CENTRES, provinceRegions } from '../regions/index.js';

export interface DemoDistrict {
  code: string;
  name: string;
  kind: string;
  lat: number;
  lng: number;
  towns: { code: string; name: string }[];
}

/** Chongqing as the demo sees it: district-level units with their centres and towns. */
export interface DemoRegions {
  districts: Map<string, DemoDistrict>;
  /** The 38 districts and counties of GB/T 2260 (functional zones have no ID-number code). */
  divisions: DemoDistrict[];
  /** How many region nodes this load added (none when Chongqing was already there). */
  added: number;
}

/**
 * Loads Chongqing's divisions (codes already present are kept) and answers the districts
 * the rest of the demo places teams, sites and people in.
 */
export async function loadChongqing(db: Db): Promise<DemoRegions> {
  const nodes = provinceRegions('500000');
  const added = await insertRegions(db, nodes);
  const districts = new Map<string, DemoDistrict>();
  for (const n of nodes) {
    if (n.level !== 'district') continue;
    const centre = CHONGQING_CENTRES[n.code];
    if (!centre) throw new Error(`no centre for district ${n.code}`);
    districts.set(n.code, { code: n.code, name: n.name, kind: n.kind, ...centre, towns: [] });
  }
  for (const n of nodes) {
    if (n.level === 'town' && n.parent_code) districts.get(n.parent_code)?.towns.push({ code: n.code, name: n.name });
  }
  for (const d of districts.values()) d.towns.sort((a, b) => a.code.localeCompare(b.code));
  return { districts, divisions: [...districts.values()].filter((d) => d.kind === 'division'), added };
}
