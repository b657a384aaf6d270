/**
 * Regions as a file names them: a code, the region's own name when only one region has it
 * (解放碑街道), or its full name from any ancestor down (重庆市渝中区解放碑街道, 渝中区解放碑街道).
 * Loaded once per import: a province has a few thousand regions.
 */
import type { Db } from '../../db/database.js';
import { allRegions } from './imports.repository.js';

export type RegionLookup = { ok: true; code: string } | { ok: false; reason: 'no_such_region' | 'ambiguous_region' };

/** A region by code or name; `centre` is a region's centre, or its nearest ancestor's with one. */
export type RegionResolver = ((text: string) => RegionLookup) & {
  centre(code: string): { lat: number; lng: number } | null;
};

export async function regionResolver(db: Db): Promise<RegionResolver> {
  const rows = await allRegions(db);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const byName = new Map<string, string[]>();
  const add = (name: string, code: string) => {
    const list = byName.get(name) ?? [];
    if (!list.includes(code)) list.push(code);
    byName.set(name, list);
  };
  for (const r of rows) {
    // Every suffix of the path from the top: 渝中区解放碑街道 and 重庆市渝中区解放碑街道 both name it.
    let name = r.name;
    add(name, r.code);
    for (let up = r.parent_code ? byCode.get(r.parent_code) : undefined; up;) {
      name = up.name + name;
      add(name, r.code);
      up = up.parent_code ? byCode.get(up.parent_code) : undefined;
    }
  }
  const lookup = (text: string): RegionLookup => {
    const t = text.replace(/\s+/g, '');
    if (byCode.has(t)) return { ok: true, code: t };
    const codes = byName.get(t) ?? [];
    if (codes.length === 1) return { ok: true, code: codes[0] as string };
    return { ok: false, reason: codes.length === 0 ? 'no_such_region' : 'ambiguous_region' };
  };
  const centre = (code: string) => {
    for (let r = byCode.get(code); r; r = r.parent_code ? byCode.get(r.parent_code) : undefined) {
      if (r.lat !== null && r.lng !== null) return { lat: r.lat, lng: r.lng };
    }
    return null;
  };
  return Object.assign(lookup, { centre });
}
