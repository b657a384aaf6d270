import { z } from 'zod';
import { SITE_TYPES } from '../enums.js';
import { LIMITS } from '../limits.js';
import { Latitude, Longitude, PageQuery, page, tags, text } from './common.js';

export const CreateSiteBody = z.strictObject({
  name: text(LIMITS.titleMax),
  type: z.enum(SITE_TYPES).describe('Site type (阵地类型)'),
  regionCode: z.string().min(2).max(20).describe('Region the site lies in'),
  address: text(LIMITS.addressMax),
  lat: Latitude,
  lng: Longitude,
  organisationId: z.string().max(64).nullish().describe('Managing organisation'),
  openingHours: z.string().trim().max(200).nullish().describe('e.g. 周一至周五 9:00-17:00'),
  facilities: tags.default([]).describe('Facilities, e.g. 无障碍通道'),
  accessibility: z.string().trim().max(LIMITS.textMax).nullish().describe('Accessibility notes'),
});
export type CreateSite = z.infer<typeof CreateSiteBody>;

export const SiteSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(SITE_TYPES),
    regionCode: z.string(),
    address: z.string(),
    lat: z.number(),
    lng: z.number(),
    organisationId: z.string().nullable(),
    openingHours: z.string().nullable(),
    facilities: z.array(z.string()),
    accessibility: z.string().nullable(),
    status: z.string(),
    createdAt: z.string(),
    distanceM: z.number().optional().describe('Distance from `near`, when asked'),
  })
  .describe('Site');
export type Site = z.infer<typeof SiteSchema>;

export const SiteListQuery = z.strictObject({
  type: z.enum(SITE_TYPES).optional(),
  region: z.string().max(20).optional().describe('Sites in this region or below it'),
  near: z.string().max(60).optional().describe('LAT,LNG: nearest first'),
  radiusKm: z.coerce.number().positive().max(500).default(5).describe('With `near`: how far (km)'),
  organisationId: z.string().max(64).optional(),
  ...PageQuery,
});

export const SiteList = page(SiteSchema);
