import { describe, expect, it } from 'vitest';
import type { Me } from '../../common/contract/auth.js';
import type { Role, ScopeType } from '../../common/enums.js';
import { consoleSections, hasConsole, landingPath, locate, WORKBENCH } from './console-menu.js';

const SCOPE: Record<Role, [ScopeType, string]> = {
  volunteer: ['system', 'system'],
  resident: ['system', 'system'],
  team_admin: ['organisation', 'org-1'],
  site_manager: ['site', 'site-1'],
  clerk: ['site', 'site-2'],
  department_admin: ['organisation', 'dept-1'],
  region_admin: ['region', '500103'],
  system_admin: ['system', 'system'],
};

/** A signed-in person holding these roles (a volunteer account when `volunteer` is among them). */
const person = (...roles: Role[]): Me => ({
  user: {
    id: 'u',
    username: null,
    displayName: '某人',
    phone: null,
    locale: 'zh-CN',
    regionCode: null,
    volunteerId: roles.includes('volunteer') ? 'v' : null,
    volunteerCode: null,
  },
  roles: roles.map((role) => ({ role, scopeType: SCOPE[role][0], scopeId: SCOPE[role][1] })),
  csrfToken: null,
});

/** The menu as section → entry paths. */
const menuOf = (me: Me) => Object.fromEntries(consoleSections(me).map((s) => [s.key, s.entries.map((e) => e.path)]));

describe('the console menu by role', () => {
  it('gives a team admin the organiser pages only', () => {
    expect(menuOf(person('volunteer', 'team_admin'))).toEqual({
      organiser: [
        '/organiser/activities',
        '/organiser/records',
        '/organiser/members',
        '/organiser/certificates',
        '/organiser/stories',
        '/organiser/story-review',
        '/organiser/story-tips',
        '/organiser/reports',
      ],
    });
  });

  it('gives a clerk the counter and a site manager their site', () => {
    expect(menuOf(person('clerk'))).toEqual({
      counter: ['/counter/redeem', '/counter/goods', '/counter/redemptions', '/counter/report'],
    });
    expect(menuOf(person('site_manager'))).toEqual({ site: ['/site/details', '/site/calendar', '/site/needs'] });
  });

  it('gives a region admin every administration page, including volunteers, adjustments, imports and the audit log', () => {
    const menu = menuOf(person('region_admin'));
    expect(Object.keys(menu)).toEqual(['organiser', 'counter', 'admin']);
    expect(menu.admin).toEqual([
      '/admin/regions',
      '/admin/organisations',
      '/admin/sites',
      '/admin/volunteers',
      '/admin/roles',
      '/admin/point-rules',
      '/admin/point-adjustments',
      '/admin/needs',
      '/admin/statistics',
      '/admin/plans',
      '/admin/reports',
      '/admin/report-routes',
      '/admin/data',
      '/admin/audit',
    ]);
  });

  it('gives the city overview of every department’s plans to system admins only', () => {
    expect(menuOf(person('system_admin')).admin).toContain('/admin/plan-overview');
    expect(menuOf(person('department_admin')).admin).toContain('/admin/plans');
    expect(menuOf(person('department_admin')).admin).not.toContain('/admin/plan-overview');
    expect(menuOf(person('region_admin')).admin).not.toContain('/admin/plan-overview');
  });

  it('keeps from a department admin the pages the server refuses them, and gives them role grants', () => {
    const admin = menuOf(person('department_admin')).admin ?? [];
    expect(admin).not.toContain('/admin/volunteers');
    expect(admin).not.toContain('/admin/point-adjustments');
    expect(admin).not.toContain('/admin/audit');
    expect(admin).not.toContain('/admin/data');
    expect(admin).not.toContain('/admin/needs');
    expect(admin).toContain('/admin/roles');
    expect(admin).toContain('/admin/point-rules');
  });

  it('gives volunteers and residents no console, and sends each role to its landing page', () => {
    expect(consoleSections(person('volunteer'))).toEqual([]);
    expect(hasConsole(person('resident'))).toBe(false);
    expect(landingPath(person('volunteer'))).toBe('/me');
    expect(landingPath(person('resident'))).toBe('/');
    for (const role of ['team_admin', 'clerk', 'site_manager', 'region_admin', 'system_admin'] as const) {
      expect(landingPath(person('volunteer', role))).toBe(WORKBENCH.path);
    }
  });

  it('merges the consoles of several roles in one menu', () => {
    expect(Object.keys(menuOf(person('team_admin', 'clerk', 'site_manager')))).toEqual([
      'organiser',
      'counter',
      'site',
    ]);
  });
});

describe('where a page sits in the menu', () => {
  const sections = consoleSections(person('team_admin'));

  it('finds the entry that holds a page, and whether the page lies deeper', () => {
    expect(locate(sections, '/organiser/records')).toMatchObject({
      section: { key: 'organiser' },
      entry: { path: '/organiser/records' },
      deeper: false,
    });
    expect(locate(sections, '/organiser/activities/abc')).toMatchObject({
      entry: { path: '/organiser/activities' },
      deeper: true,
    });
  });

  it("puts a console's unlisted pages and its root under its first entry", () => {
    expect(locate(sections, '/organiser/shifts/s1')).toMatchObject({
      entry: { path: '/organiser/activities' },
      deeper: true,
    });
    expect(locate(sections, '/organiser')).toMatchObject({ entry: { path: '/organiser/activities' }, deeper: false });
  });

  it('knows the workbench, and nothing of a console the person has not got', () => {
    expect(locate(sections, '/console')).toEqual({ section: null, entry: WORKBENCH, deeper: false });
    expect(locate(sections, '/admin/regions')).toBeNull();
  });
});
