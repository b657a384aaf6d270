import { z } from 'zod';
import { ORG_LEVELS, SITE_TYPES } from '../enums.js';

/** The longest window one statistics query may cover. */
export const STATS_WINDOW_MAX_YEARS = 5;

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** An ISO-8601 time that names its offset (Z or ±hh:mm), so it is one instant everywhere. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether YYYY-MM-DD is a real calendar day (no 2026-02-30). */
export const isRealLocalDate = (s: string): boolean => {
  const t = Date.parse(`${s}T00:00:00.000Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === s;
};

/** A window bound: a local day or an instant with an offset. */
export const isStatsBound = (s: string): boolean =>
  LOCAL_DATE.test(s) ? isRealLocalDate(s) : ISO_TIME.test(s) && Number.isFinite(Date.parse(s));

/** A bound of a statistics window, as `from` and `to` take it. */
export const StatsBound = z
  .string()
  .max(40)
  .refine(isStatsBound, 'must be a day (YYYY-MM-DD) or an ISO-8601 time with offset, e.g. 2026-01-01T00:00:00+08:00');

export const StatsQuery = z.strictObject({
  regionCode: z
    .string()
    .min(1)
    .max(20)
    .optional()
    .describe('Region whose subtree is counted; omitted: the top region of the tree (the city)'),
  departmentId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe(
      'Only what lies under this department (an organisation of kind department): organisations in its ' +
        'subtree or supervised by it (department_id) and their subtrees, their activities, records, sites and members',
    ),
  from: StatsBound.optional().describe(
    'Start of the window, inclusive: a local day (its midnight in the platform time zone, Asia/Shanghai by ' +
      'default) or an ISO time with offset. Omitted: 1 January of the year `to` falls in, or of the current year',
  ),
  to: StatsBound.optional().describe(
    'End of the window, exclusive as an instant; a local day counts in whole (the window ends at the next ' +
      'local midnight). Omitted: the 1 January after `from`. At most 5 years after `from`',
  ),
});
export type StatsQueryInput = z.infer<typeof StatsQuery>;

const count = (what: string) => z.number().int().min(0).describe(what);
const hours = (what: string) =>
  z.number().min(0).describe(`${what}: confirmed minutes / 60, a decimal with one place, rounded down`);

/** Counts per key of a fixed vocabulary; every key is present, 0 when none. */
const countsOf = <T extends readonly [string, ...string[]]>(keys: T, what: string) =>
  z
    .object(Object.fromEntries(keys.map((k) => [k, z.number().int().min(0)])) as Record<T[number], z.ZodNumber>)
    .describe(what);

const TEAMS = 'Active organisations of kind `team` (志愿服务队) whose region lies in the region subtree';
const SITES = 'Active sites (阵地) whose region lies in the region subtree';
const SESSIONS =
  'Sessions (场次): shifts with at least one confirmed record, on the local day the shift starts (a confirmed ' +
  'record without a shift is a session of its own, on its service day); an activity counts where it takes place';
const PARTICIPATIONS =
  'Participations (服务人次): confirmed records whose service day is in the window, where the activity took place';
const PEOPLE_SERVED = 'Sum of the people served (服务对象人次) the organisers recorded on those sessions';
const MINUTES_OF =
  'Service minutes of confirmed records whose service day is in the window, where the activity took place';
const ISSUED =
  'Points earned by confirmed service (ledger `earn` transactions of the point rules) for records whose service ' +
  'day is in the window, net of what was reversed when a record was revoked (whenever that happened). Admin adjustments ' +
  'and expiry are not issuing';
const REDEEMED =
  'Points paid at points supermarkets in the region subtree for redemptions made in the window; a redemption an ' +
  'admin reversed does not count';
const VOLUNTEERS =
  'Registered volunteers with status active now whose own region lies in the region subtree (with a department: ' +
  'who are active members of one of its organisations); a count of today, whatever the window';
const ACTIVE =
  'Of those volunteers, the ones whose latest confirmed service is in the last twelve calendar months (this one ' +
  'included), wherever they served; a count of today, whatever the window';

/** The flows of a window: every kind of figures carries them. */
const flowShape = () => ({
  sessions: count(SESSIONS),
  participations: count(PARTICIPATIONS),
  peopleServed: count(PEOPLE_SERVED),
  minutes: count(MINUTES_OF),
  hours: hours('Service hours of confirmed records whose service day is in the window'),
  pointsIssued: count(ISSUED),
  pointsRedeemed: count(REDEEMED),
});

export const FieldFigures = z
  .object({ field: z.string().describe('A service field code'), ...flowShape() })
  .describe('The flows of one service field');
export type FieldFigures = z.infer<typeof FieldFigures>;

export const RegionFigures = z
  .object({
    regionCode: z.string().describe('A child region of the chosen region'),
    name: z.string(),
    volunteers: count(VOLUNTEERS),
    activeVolunteers: count(ACTIVE),
    teams: count(TEAMS),
    sites: count(SITES),
    ...flowShape(),
  })
  .describe('The key figures of one child region (城区 → 街镇), or of what lies at the region itself');
export type RegionFigures = z.infer<typeof RegionFigures>;

export const MonthFigures = z
  .object({
    month: z.string().describe('Calendar month YYYY-MM in the platform time zone; the first and last may be partial'),
    from: z.string().describe('Where this bucket starts (UTC ISO), inclusive'),
    to: z.string().describe('Where this bucket ends (UTC ISO), exclusive'),
    ...flowShape(),
    newVolunteers: count('Volunteers registered in this month who are active now, in the region subtree'),
  })
  .describe('The flows of one calendar month of the window');
export type MonthFigures = z.infer<typeof MonthFigures>;

export const StatsOverview = z
  .object({
    regionCode: z.string().describe('The region counted (the default: the top of the tree)'),
    regionName: z.string(),
    departmentId: z.string().nullable(),
    from: z.string().describe('Start of the window used (UTC ISO), inclusive'),
    to: z.string().describe('End of the window used (UTC ISO), exclusive'),
    timeZone: z.string().describe('Time zone of local days and months (settings.timeZone)'),
    volunteers: count(VOLUNTEERS),
    activeVolunteers: count(ACTIVE),
    teamsByLevel: countsOf(ORG_LEVELS, `${TEAMS}, per level`),
    sitesByType: countsOf(SITE_TYPES, `${SITES}, per type`),
    ...flowShape(),
    byRegion: z.array(RegionFigures).describe('The same figures for each child region, in code order'),
    atRegionItself: RegionFigures.describe(
      "What lies at the chosen region itself and under none of its children (an activity placed at a district's " +
        'own code, a volunteer registered there): the children plus this row equal the whole, figure by figure',
    ),
    byMonth: z.array(MonthFigures).describe('The flows per calendar month of the window, oldest first'),
    byField: z.array(FieldFigures).describe('The flows per service field, most hours first; fields with none left out'),
  })
  .describe('City statistics: aggregates only, never a person');
export type StatsOverview = z.infer<typeof StatsOverview>;

export const StatsProjectsQuery = z.strictObject({
  regionCode: StatsQuery.shape.regionCode,
  from: StatsQuery.shape.from,
  to: StatsQuery.shape.to,
  limit: z.coerce.number().int().min(1).max(50).default(10).describe('How many projects, 1–50 (default 10)'),
});
export type StatsProjectsQueryInput = z.infer<typeof StatsProjectsQuery>;

export const ProjectFigures = z
  .object({
    projectId: z.string(),
    name: z.string().describe('The brand project (品牌项目) as its department named it'),
    departmentId: z.string(),
    sessions: count(SESSIONS),
    participations: count(PARTICIPATIONS),
    minutes: count(MINUTES_OF),
    hours: hours('Service hours of confirmed records whose service day is in the window'),
  })
  .describe('The flows of one brand project');
export type ProjectFigures = z.infer<typeof ProjectFigures>;

export const StatsProjects = z
  .object({ items: z.array(ProjectFigures).describe('Most hours first, then most participations') })
  .describe('The brand projects with the most service in a region subtree and window');
export type StatsProjects = z.infer<typeof StatsProjects>;

export const StatsTodayQuery = z.strictObject({ regionCode: StatsQuery.shape.regionCode });
export type StatsTodayQueryInput = z.infer<typeof StatsTodayQuery>;

export const StatsToday = z
  .object({
    day: z.string().describe('Today, local (YYYY-MM-DD)'),
    timeZone: z.string(),
    checkIns: count('Check-ins since local midnight at activities in the region subtree'),
    byRegion: z
      .array(z.object({ regionCode: z.string(), name: z.string(), checkIns: z.number().int().min(0) }))
      .describe('Per child region, in code order'),
    byHour: z
      .array(z.object({ hour: z.number().int().min(0).max(23), checkIns: z.number().int().min(0) }))
      .describe('Per local hour of today, 0 to 23'),
    recent: z
      .array(
        z.object({
          at: z.string().describe('When (UTC ISO)'),
          regionCode: z.string(),
          regionName: z.string(),
          activityTitle: z.string(),
          field: z.string(),
        }),
      )
      .describe('The ten latest check-ins: where and at what, never who'),
  })
  .describe("Today's check-ins: aggregates and the latest places, never a person");
export type StatsToday = z.infer<typeof StatsToday>;

export const StatsNeedsQuery = z.strictObject({
  regionCode: z
    .string()
    .min(1)
    .max(20)
    .describe('Region whose subtree is counted (one whose needs the caller reviews)'),
  type: z.string().min(1).max(40).optional().describe('Only needs of this type (GET /need-types)'),
  siteId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('Only needs this site handled (its manager reviewed or dispatched them)'),
  from: StatsQuery.shape.from.describe('Needs posted from then (as /stats/overview)'),
  to: StatsQuery.shape.to.describe('Needs posted before then (as /stats/overview)'),
});
export type StatsNeedsQueryInput = z.infer<typeof StatsNeedsQuery>;

const minutes = z.number().min(0).nullable();
const NeedCounts = z.object({
  total: count('Needs posted in the window'),
  rated: count('Needs the resident rated'),
  satisfied: count('Ratings of 4 or 5'),
  satisfactionRate: z.number().min(0).max(1).nullable().describe('satisfied / rated; null with no rating'),
});

export const StatsNeeds = z
  .object({
    regionCode: z.string(),
    regionName: z.string(),
    from: z.string().describe('Start of the window used (UTC ISO), inclusive'),
    to: z.string().describe('End of the window used (UTC ISO), exclusive'),
    ...NeedCounts.shape,
    byStatus: z.record(z.string(), z.number().int().min(0)).describe('Needs by where they stand now, every status'),
    overdue: count('Needs whose current step is past its due time now'),
    complaints: count('Needs the resident complained about'),
    meanMinutes: z
      .object({ review: minutes, dispatch: minutes, take: minutes, done: minutes })
      .describe('Mean minutes of each step (post→review, review→dispatch, dispatch→take, take→done); null if none'),
    byType: z.array(z.object({ type: z.string(), ...NeedCounts.shape })).describe('Per type with needs, in code order'),
    byRegion: z
      .array(z.object({ regionCode: z.string(), name: z.string(), ...NeedCounts.shape }))
      .describe('Per child region with needs, in code order'),
    bySite: z
      .array(
        z.object({
          siteId: z.string().nullable().describe('null: needs no site handled (only region admins acted, or none yet)'),
          name: z.string().nullable(),
          ...NeedCounts.shape,
        }),
      )
      .describe('Per site that handled needs (its manager reviewed or dispatched them), by name; null last'),
  })
  .describe('Residents’ needs in a region subtree: counts, times per step and satisfaction');
export type StatsNeedsResult = z.infer<typeof StatsNeeds>;
