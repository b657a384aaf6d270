import { z } from 'zod';
import { SITE_TYPES, UNIT_STATUSES } from '../enums.js';
import { LIMITS } from '../limits.js';
import { ACTIVITY_STATUSES, Instant } from './activities.js';
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
    status: z.enum(UNIT_STATUSES),
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
  usableBy: z
    .string()
    .max(64)
    .optional()
    .describe('Sites an activity of this organisation may be held at: those in its region or below, and its own'),
  q: z.string().trim().min(1).max(50).optional().describe('Part of the name'),
  ...PageQuery,
});

export const SiteList = page(SiteSchema);

/** What a site's manager (or an admin over it) may change; name, type, region and organisation stay with the admins. */
export const UpdateSiteBody = z
  .strictObject({
    address: text(LIMITS.addressMax).optional(),
    lat: Latitude.optional(),
    lng: Longitude.optional(),
    openingHours: z.string().trim().max(200).nullable().optional().describe('e.g. 周一至周五 9:00-17:00; null clears'),
    facilities: tags.optional().describe('Facilities, e.g. 无障碍通道 (replaces the list)'),
    accessibility: z.string().trim().max(LIMITS.textMax).nullable().optional().describe('Accessibility notes'),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'change at least one field', path: ['openingHours'] })
  .refine((b) => (b.lat === undefined) === (b.lng === undefined), {
    message: 'lat and lng move together',
    path: ['lng'],
  })
  .describe('Changes to a site');
export type UpdateSite = z.infer<typeof UpdateSiteBody>;

/** The longest calendar window one request may ask for: a quarter. */
export const SITE_CALENDAR_MAX_DAYS = 92;

export const SiteCalendarQuery = z
  .strictObject({
    from: Instant.describe('Start of the window (ISO-8601 with offset)'),
    to: Instant.describe(`End of the window, after \`from\`, at most ${SITE_CALENDAR_MAX_DAYS} days later`),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'must be after from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= SITE_CALENDAR_MAX_DAYS * 86_400_000, {
    message: `the window may span at most ${SITE_CALENDAR_MAX_DAYS} days`,
    path: ['to'],
  });
export type SiteCalendarQueryT = z.infer<typeof SiteCalendarQuery>;

export const SiteCalendarEntrySchema = z
  .object({
    shiftId: z.string(),
    activityId: z.string(),
    title: z.string(),
    field: z.string(),
    organisationName: z.string(),
    activityStatus: z.enum(ACTIVITY_STATUSES).describe('draft only for the site manager and admins'),
    shiftStatus: z.string().describe('open or cancelled'),
    start: z.string(),
    end: z.string(),
    capacity: z.number().int(),
    taken: z.number().int(),
  })
  .describe('One shift held at the site');
export type SiteCalendarEntry = z.infer<typeof SiteCalendarEntrySchema>;

export const SiteCalendar = z.object({
  items: z.array(SiteCalendarEntrySchema).describe('Shifts in the window, earliest first'),
  truncated: z.boolean().describe('More shifts than one answer holds: ask for a shorter window'),
});
