import type { Me } from '../../common/contract/auth.js';
import type { Role } from '../../common/enums.js';

/** One page of a console in the side menu: where it is and the i18n key of its name. */
export interface ConsoleEntry {
  path: string;
  label: string;
}

export type SectionKey = 'organiser' | 'counter' | 'site' | 'admin';

/** A console (a group of the side menu) and the pages of it this person may use. */
export interface ConsoleSection {
  key: SectionKey;
  label: string;
  entries: ConsoleEntry[];
}

/** The landing page of every console: the person's to-dos and figures. */
export const WORKBENCH: ConsoleEntry = { path: '/console', label: 'console.workbench' };

const holds = (me: Me | null | undefined, ...roles: Role[]): boolean => !!me?.roles.some((g) => roles.includes(g.role));

const entry = (path: string, label: string): ConsoleEntry => ({ path, label });

/**
 * Each console's pages, with the roles that may use each (as the server decides: volunteers are
 * listed and points adjusted by region and system admins only, the audit log is theirs too).
 * A console whose pages are all out of reach is left out.
 */
const SECTIONS: { key: SectionKey; label: string; pages: { entry: ConsoleEntry; roles: Role[] }[] }[] = [
  {
    key: 'organiser',
    label: 'console.sections.organiser',
    pages: [
      {
        entry: entry('/organiser/activities', 'organiser.activities.title'),
        roles: ['team_admin', 'department_admin', 'region_admin', 'system_admin'],
      },
      {
        entry: entry('/organiser/records', 'organiser.records.title'),
        roles: ['team_admin', 'department_admin', 'region_admin', 'system_admin'],
      },
      {
        entry: entry('/organiser/members', 'organiser.members.title'),
        roles: ['team_admin', 'department_admin', 'region_admin', 'system_admin'],
      },
      {
        entry: entry('/organiser/certificates', 'certificates.organiserTitle'),
        roles: ['team_admin', 'department_admin', 'region_admin', 'system_admin'],
      },
      // Stories (志愿风采): writing, reviewing those of the organisations below, and the tips inbox.
      ...[
        entry('/organiser/stories', 'stories.console.title'),
        entry('/organiser/story-review', 'stories.review.title'),
        entry('/organiser/story-tips', 'stories.tips.title'),
      ].map((e) => ({ entry: e, roles: ['team_admin', 'department_admin', 'region_admin', 'system_admin'] as Role[] })),
      // Reports routed to the person's organisation, to answer (region admins have theirs under admin).
      { entry: entry('/organiser/reports', 'reports.console.orgTitle'), roles: ['team_admin', 'department_admin'] },
    ],
  },
  {
    key: 'counter',
    label: 'console.sections.counter',
    pages: ['redeem', 'goods', 'redemptions', 'report'].map((s) => ({
      entry: entry(`/counter/${s}`, `counter.${s}.title`),
      roles: ['clerk', 'department_admin', 'region_admin', 'system_admin'] as Role[],
    })),
  },
  {
    key: 'site',
    label: 'console.sections.site',
    pages: [
      ...['details', 'calendar'].map((s) => ({
        entry: entry(`/site/${s}`, `siteManager.${s}.title`),
        roles: ['site_manager'] as Role[],
      })),
      { entry: entry('/site/needs', 'needs.board.title'), roles: ['site_manager'] },
    ],
  },
  {
    key: 'admin',
    label: 'console.sections.admin',
    pages: [
      {
        entry: entry('/admin/regions', 'admin.regions.title'),
        roles: ['system_admin', 'region_admin', 'department_admin'],
      },
      {
        entry: entry('/admin/organisations', 'admin.organisations.title'),
        roles: ['system_admin', 'region_admin', 'department_admin'],
      },
      {
        entry: entry('/admin/sites', 'admin.sites.title'),
        roles: ['system_admin', 'region_admin', 'department_admin'],
      },
      { entry: entry('/admin/volunteers', 'admin.volunteers.title'), roles: ['system_admin', 'region_admin'] },
      {
        // Granting starts by finding the person: in the registry of their region (region and system
        // admins) or among their department's members (department admins).
        entry: entry('/admin/roles', 'admin.roles.title'),
        roles: ['system_admin', 'region_admin', 'department_admin'],
      },
      {
        entry: entry('/admin/point-rules', 'pointRules.title'),
        roles: ['system_admin', 'region_admin', 'department_admin'],
      },
      { entry: entry('/admin/point-adjustments', 'pointRules.adjust.title'), roles: ['system_admin', 'region_admin'] },
      { entry: entry('/admin/needs', 'needs.board.title'), roles: ['system_admin', 'region_admin'] },
      { entry: entry('/admin/statistics', 'stats.title'), roles: ['system_admin', 'region_admin', 'department_admin'] },
      { entry: entry('/admin/plans', 'plans.title'), roles: ['system_admin', 'region_admin', 'department_admin'] },
      { entry: entry('/admin/plan-overview', 'plans.overview.title'), roles: ['system_admin'] },
      { entry: entry('/admin/reports', 'reports.console.title'), roles: ['system_admin', 'region_admin'] },
      { entry: entry('/admin/report-routes', 'reports.rules.title'), roles: ['system_admin', 'region_admin'] },
      { entry: entry('/admin/data', 'transfer.title'), roles: ['system_admin', 'region_admin'] },
      { entry: entry('/admin/audit', 'audit.title'), roles: ['system_admin', 'region_admin'] },
    ],
  },
];

/** The consoles this person's roles open, each with only the pages they may use. */
export function consoleSections(me: Me | null | undefined): ConsoleSection[] {
  return SECTIONS.map((s) => ({
    key: s.key,
    label: s.label,
    entries: s.pages.filter((p) => holds(me, ...p.roles)).map((p) => p.entry),
  })).filter((s) => s.entries.length > 0);
}

/** Whether any console is this person's: they have a workbench. */
export const hasConsole = (me: Me | null | undefined): boolean => consoleSections(me).length > 0;

/** Where the login form takes a person: their workbench, else the volunteer's hub, else the home page. */
export function landingPath(me: Me | null | undefined): string {
  if (hasConsole(me)) return WORKBENCH.path;
  return me?.user.volunteerId ? '/me' : '/';
}

/** Whether `pathname` is `path` or a page below it. */
const within = (pathname: string, path: string): boolean => pathname === path || pathname.startsWith(`${path}/`);

/**
 * The menu entry a page belongs to (the longest path that holds it) and its console; the
 * workbench when the page is the workbench; null for a page the menu does not list.
 */
export function locate(
  sections: ConsoleSection[],
  pathname: string,
): { section: ConsoleSection | null; entry: ConsoleEntry; deeper: boolean } | null {
  if (within(pathname, WORKBENCH.path)) return { section: null, entry: WORKBENCH, deeper: false };
  let best: { section: ConsoleSection; entry: ConsoleEntry } | null = null;
  for (const section of sections) {
    for (const e of section.entries) {
      if (within(pathname, e.path) && (!best || e.path.length > best.entry.path.length)) best = { section, entry: e };
    }
  }
  if (best) return { ...best, deeper: pathname !== best.entry.path };
  // A console's own pages that the menu does not list (a shift's desk), or its root before it
  // redirects to its first page: the console's first entry.
  for (const section of sections) {
    const first = section.entries[0];
    const root = first ? `/${first.path.split('/')[1] ?? ''}` : null;
    if (first && root && within(pathname, root)) {
      return { section, entry: first, deeper: pathname !== root && pathname !== `${root}/` };
    }
  }
  return null;
}
