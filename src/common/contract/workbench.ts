import { z } from 'zod';

const count = (what: string) => z.number().int().min(0).describe(what);

/** To-dos of the organisations a person administers as team or department admin. */
export const OrganiserWork = z.object({
  signupsToApprove: count('Sign-ups waiting for approval on shifts not yet over'),
  recordsToConfirm: count('Pending service records'),
  drafts: count('Activities drafted and not yet published'),
  openActivities: count('Published activities that have not ended'),
});

/** Figures of the area a person administers (a system, region or department admin). */
export const AdminFigures = z.object({
  volunteers: count('Volunteers registered in the regions administered')
    .nullable()
    .describe('Null for department admins, whose duty is over organisations, not over the people of a region'),
  organisations: count('Active organisations in scope'),
  openActivities: count('Published activities in scope that have not ended'),
});

/** One supermarket a person staffs, with today's redemptions (in the platform's time zone). */
export const CounterWork = z.object({
  siteId: z.string(),
  name: z.string(),
  redemptionsToday: count('Redemptions made today that still stand'),
  pointsToday: count('Points they took'),
});

/** One site a person manages, with the shifts held there in the coming seven days. */
export const SiteWork = z.object({
  siteId: z.string(),
  name: z.string(),
  shiftsThisWeek: count('Shifts at the site starting in the next seven days'),
});

/** Residents' needs in the regions a person reviews (region admin, site manager, system admin). */
export const NeedsWork = z.object({
  toReview: count('Needs posted and awaiting review'),
  open: count('Needs on their way: awaiting review, accepted, dispatched or taken'),
  overdue: count('Of those, needs whose current step is past its service time'),
});

/** Reports (随手拍) waiting on a person: to answer for their organisations, to route in their regions. */
export const ReportsWork = z.object({
  toAnswer: count('Reports routed to the organisations the person answers for (or one below), not yet answered')
    .nullable()
    .describe('Null unless the person is a team or department admin'),
  toRoute: count('Reports in the person’s regions that no rule routed, waiting to be routed by hand')
    .nullable()
    .describe('Null unless the person is a region or system admin'),
});
export type ReportsWork = z.infer<typeof ReportsWork>;
/** Stories (志愿风采) waiting on a person who keeps stories (any admin). */
export const StoriesWork = z.object({
  toReview: count('Submitted stories the person reviews (not their own)'),
  newTips: count('Story tips sent to the organisations the person administers, not yet used or dismissed'),
});

export const WorkbenchAnswer = z
  .object({
    organiser: OrganiserWork.nullable().describe('Null unless the person is a team or department admin'),
    admin: AdminFigures.nullable().describe('Null unless the person is a system, region or department admin'),
    counters: z.array(CounterWork).describe('Supermarkets the person staffs as clerk or site manager'),
    sites: z.array(SiteWork).describe('Sites the person manages'),
    needs: NeedsWork.nullable().describe('Null unless the person reviews needs'),
    reports: ReportsWork.nullable().describe('Null unless reports are the person’s to answer or to route'),
    stories: StoriesWork.nullable().describe('Null unless the person is an admin (system, region, department, team)'),
  })
  .describe("The signed-in person's workbench: to-dos and figures of every console their roles open");
export type Workbench = z.infer<typeof WorkbenchAnswer>;
