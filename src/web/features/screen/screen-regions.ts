/**
 * How the big screen pairs regions with the district outlines of its map: by name, and when
 * only the last character differs (区 or 县: a county that has since become a district, such as
 * 梁平县 → 梁平区). Pure, so it is tested without a browser.
 */

/** A name without its trailing 区 or 县. */
const stem = (name: string): string => name.replace(/[区县]$/u, '');

export interface OutlineMatch {
  /** ECharts `nameMap`: outline name → region name, for every outline that has a region. */
  nameMap: Record<string, string>;
  /** Codes of the regions that have an outline. */
  outlined: Set<string>;
}

/** Pairs each outline with the region of that name, else of that stem; exact names first, each region once. */
export function matchOutlines(
  outlines: readonly string[],
  regions: readonly { regionCode: string; name: string }[],
): OutlineMatch {
  const nameMap: Record<string, string> = {};
  const outlined = new Set<string>();
  const pass = (same: (region: string, outline: string) => boolean) => {
    for (const outline of outlines) {
      if (Object.hasOwn(nameMap, outline)) continue;
      const region = regions.find((r) => !outlined.has(r.regionCode) && same(r.name, outline));
      if (!region) continue;
      nameMap[outline] = region.name;
      outlined.add(region.regionCode);
    }
  };
  pass((a, b) => a === b);
  pass((a, b) => stem(a) === stem(b));
  return { nameMap, outlined };
}

/** Items ordered by a figure, largest first; ties keep their order (region code order from the API). */
export function ranked<T>(items: readonly T[], value: (item: T) => number): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => value(b.item) - value(a.item) || a.i - b.i)
    .map((x) => x.item);
}
