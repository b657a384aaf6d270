import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SERVER = dirname(fileURLToPath(import.meta.url));
const MODULES = join(SERVER, 'modules');

/** Every non-test TypeScript file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.testkit.ts') ? [path] : [];
  });
}

/** The relative imports of a file, resolved to paths under src/server. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from\s+'(\.{1,2}\/[^']+)'/g)].map((m) =>
    relative(SERVER, resolve(dirname(file), m[1] ?? '')),
  );
}

const moduleOf = (path: string): string | null => {
  const parts = path.split('/');
  return parts[0] === 'modules' ? (parts[1] ?? null) : null;
};

/**
 * The layers hold (docs/ARCHITECTURE.md): modules meet only through each other's index.ts,
 * and the platform and database layers import no module. The lint rule says the same at
 * each file; this counts across the tree, so a rule switched off would show here.
 */
describe('module boundaries', () => {
  it('lets no module import another module anywhere but its index.ts', () => {
    const leaks: string[] = [];
    for (const file of sources(MODULES)) {
      const from = moduleOf(relative(SERVER, file));
      for (const target of importsOf(file)) {
        const to = moduleOf(target);
        if (to && to !== from && !target.endsWith('/index.js')) leaks.push(`${relative(SERVER, file)} → ${target}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('keeps the platform and the database layer free of modules', () => {
    const leaks = ['platform', 'db']
      .flatMap((layer) => sources(join(SERVER, layer)))
      .flatMap((file) =>
        importsOf(file)
          .filter((t) => moduleOf(t))
          .map((t) => `${relative(SERVER, file)} → ${t}`),
      );
    expect(leaks).toEqual([]);
  });

  it('has no cycle between modules', () => {
    const deps = new Map<string, Set<string>>();
    for (const file of sources(MODULES)) {
      const from = moduleOf(relative(SERVER, file)) ?? '';
      for (const to of importsOf(file).map(moduleOf)) {
        if (to && to !== from) deps.set(from, (deps.get(from) ?? new Set()).add(to));
      }
    }
    /** A path from `to` back to `from`, if any: the rest of a cycle through the edge from → to. */
    const pathBack = (to: string, from: string, seen = new Set<string>()): string[] | null => {
      if (to === from) return [from];
      if (seen.has(to)) return null;
      seen.add(to);
      for (const next of deps.get(to) ?? []) {
        const rest = pathBack(next, from, seen);
        if (rest) return [to, ...rest];
      }
      return null;
    };
    const cycles = [...deps].flatMap(([from, tos]) =>
      [...tos].map((to) => pathBack(to, from)).flatMap((p) => (p ? [[from, ...p].join(' → ')] : [])),
    );
    expect(cycles).toEqual([]);
  });

  /**
   * Each table has one module that writes it; others ask that module. Account closure
   * (modules/me) erases a person across the tables that hold them, and the demo seeds them.
   */
  it('lets a module write only its own tables', () => {
    const owners: Record<string, string> = {
      activities: 'activities',
      shifts: 'activities',
      api_tokens: 'auth',
      sessions: 'auth',
      users: 'auth',
      attendance: 'checkin',
      calendar_event_versions: 'calendar',
      calendar_feeds: 'calendar',
      counter_pins: 'volunteers',
      guardians: 'volunteers',
      volunteers: 'volunteers',
      memberships: 'organisations',
      organisations: 'organisations',
      organisation_closure: 'organisations',
      goods: 'supermarkets',
      redemptions: 'supermarkets',
      redemption_items: 'supermarkets',
      stock_movements: 'supermarkets',
      insurance_policies: 'insurance',
      projects: 'projects',
      qualification_kinds: 'qualifications',
      volunteer_qualifications: 'qualifications',
      record_corrections: 'records',
      service_records: 'records',
      regions: 'regions',
      region_closure: 'regions',
      role_grants: 'access',
      service_fields: 'fields',
      signups: 'signups',
      sites: 'sites',
      verification_codes: 'verification',
      point_accounts: 'points',
      point_adjustments: 'points',
      point_earnings: 'points',
      point_entries: 'points',
      point_rules: 'points',
      point_transactions: 'points',
      imports: 'imports',
      needs: 'needs',
      need_events: 'needs',
      need_types: 'needs',
      need_slas: 'needs',
      certificates: 'certificates',
      files: 'files',
      plans: 'plans',
      plan_tasks: 'plans',
      plan_progress: 'plans',
      plan_funding: 'plans',
      plan_spending: 'plans',
      honours: 'honours',
      stories: 'stories',
      story_tips: 'stories',
      reports: 'reports',
      report_events: 'reports',
      report_routes: 'reports',
      import_rejections: 'imports',
      stats_deltas: 'stats',
      stats_department_members: 'stats',
      stats_flows: 'stats',
      stats_last_served: 'stats',
      stats_projects: 'stats',
      stats_stock: 'stats',
    };
    const shared = new Set(['me', 'demo']);
    /** A volunteer's profile edit also changes their account's name and phone (one row, one transaction). */
    const alsoWrites: Record<string, string[]> = { volunteers: ['users'] };
    const wrong: string[] = [];
    for (const file of sources(MODULES)) {
      const mod = moduleOf(relative(SERVER, file)) ?? '';
      if (shared.has(mod)) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:updateTable|insertInto|deleteFrom)\('([a-z_]+)/g)) {
        const table = m[1] ?? '';
        if (owners[table] !== mod && !alsoWrites[mod]?.includes(table)) {
          wrong.push(`${relative(SERVER, file)} writes ${table} (${owners[table] ?? 'no owner named here'})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  /**
   * SQL lives in repositories (STYLE.md): services and routes call functions of a module's
   * *.repository.ts files, never Kysely's query builder or raw sql themselves. The database
   * layer (src/server/db) and its helpers in platform/db.ts are the exception; test helpers read
   * rows to check them.
   */
  it('keeps every query in a repository', () => {
    const outside = sources(SERVER)
      .filter(
        (file) =>
          !/\.(repository|test-helpers)\.ts$/.test(file) && !file.includes('/db/') && !file.endsWith('/platform/db.ts'),
      )
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/\.(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`/g)].map(
          (m) => `${relative(SERVER, file)}: ${m[1] ?? 'sql`'}`,
        ),
      );
    expect([...new Set(outside)]).toEqual([]);
  });

  /**
   * A refusal of a rule, a conflict or a duplicate is worded by the web app in the person's
   * language from `details.reason` (refusal() and ruleBroken() in common/errors.ts), never
   * from the English message; the reasons' sentences are checked in src/web/i18n.
   */
  it('sends a reason with every refusal of a rule, a conflict or a duplicate', () => {
    const bare = sources(SERVER)
      .filter((file) => !file.includes('/db/migrations/'))
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/new AppError\(\s*'(RULE_VIOLATION|CONFLICT|DUPLICATE)'/g)].map(
          (m) => `${relative(SERVER, file)}: ${m[1]}`,
        ),
      );
    expect(bare).toEqual([]);
  });
});
