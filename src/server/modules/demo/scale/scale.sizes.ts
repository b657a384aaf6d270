import type { SiteType } from '../../../../common/enums.js';

/**
 * What Chongqing reports (SPEC, "what the city reports" and "Scale and speed"): the figures a
 * generated city is made of. Site types follow SPEC's sites row: 区级指导中心 → guidance_centre,
 * 镇街实践所 → town_centre, 实践站点 → practice_point, 行业基地 → industry_base, 青少年之家 →
 * youth_home, 积分超市 → supermarket. Legal stations and other sites have no figure: the demo's stay.
 */
export const CITY_FIGURES = {
  volunteers: 2_400_000,
  organisations: 40_000,
  sites: {
    guidance_centre: 41,
    town_centre: 1_031,
    practice_point: 10_414,
    industry_base: 39,
    youth_home: 1_155,
    supermarket: 8_300,
  },
  activities: 100_000,
  records: 10_000_000,
  /** Not a reported figure: one redemption for every twenty confirmed records. */
  redemptions: 500_000,
} as const;

/** The site types with a figure, in the order they are generated. */
export type FigureSiteType = keyof typeof CITY_FIGURES.sites;
export const FIGURE_SITE_TYPES = Object.keys(CITY_FIGURES.sites) as FigureSiteType[];

/** The named scales of `shanmei seed --scale`: the share of each figure they generate. */
export const SCALES = { city: 1, small: 0.01 } as const;
export type ScaleName = keyof typeof SCALES;

/**
 * Target totals of a generated city. Organisations and sites are totals, the demo's included
 * (the bulk adds what is missing); volunteers, activities, records and redemptions are what
 * the bulk adds on top of the demo.
 */
export interface ScaleSizes {
  fraction: number;
  volunteers: number;
  organisations: number;
  sites: Record<FigureSiteType, number>;
  activities: number;
  records: number;
  redemptions: number;
}

/** The figures times `fraction`, rounded; every site type keeps at least one. */
export function sizesFor(fraction: number): ScaleSizes {
  if (!(fraction > 0 && fraction <= 1)) throw new Error(`a scale fraction is in (0, 1], got ${fraction}`);
  const of = (n: number) => Math.round(n * fraction);
  const sites = {} as Record<FigureSiteType, number>;
  for (const type of FIGURE_SITE_TYPES) sites[type] = Math.max(1, of(CITY_FIGURES.sites[type]));
  return {
    fraction,
    volunteers: Math.max(1, of(CITY_FIGURES.volunteers)),
    organisations: of(CITY_FIGURES.organisations),
    sites,
    activities: Math.max(1, of(CITY_FIGURES.activities)),
    records: of(CITY_FIGURES.records),
    redemptions: of(CITY_FIGURES.redemptions),
  };
}

/** Whether a site type has a figure (the others are left as the demo made them). */
export const hasFigure = (type: SiteType): type is FigureSiteType => type in CITY_FIGURES.sites;
