import { randomBytes } from 'node:crypto';
import { starLevelFor } from '../../../../common/settings.js';
import { isRealDate, localDate } from '../../../../common/zoned-time.js';
import type { Config } from '../../../config.js';
import { cipherFor } from '../../../crypto.js';
import type { Database } from '../../../db/database.js';
import { hashPassword } from '../../../platform/passwords.js';
import { getSettings } from '../../../platform/settings/settings.service.js';
import { userByUsername } from '../../auth/index.js';
import { bootstrapAdmin, seedServiceFields } from '../../bootstrap/index.js';
import { rebuildStats } from '../../stats/index.js';
import { databaseHoldsOrganisations, loadDemo, type DemoSummary } from '../demo.service.js';
import { generateActivities, LAST_SHIFT_DAY } from './scale.activities.js';
import { BulkWriter } from './scale.bulk.repository.js';
import { BULK_COLUMNS } from './scale.columns.js';
import { ScaleIds } from './scale.ids.js';
import { ScaleLedger } from './scale.ledger.js';
import { SqliteWriterThread } from './scale.sqlite-writer.js';
import { generateOrganisations } from './scale.organisations.js';
import { generateRecords } from './scale.records.js';
import * as repo from './scale.repository.js';
import { dayStarts, Progress, randomFor, WINDOW_DAYS, type ScaleRun } from './scale.run.js';
import { generateSites } from './scale.sites.js';
import { SCALES, sizesFor, type FigureSiteType, type ScaleName } from './scale.sizes.js';
import { generateVolunteers } from './scale.volunteers.js';
import { loadWorld } from './scale.world.js';

/** The generator's fixed seed: the same city every time. */
export const SCALE_SEED = 20261206;

export interface ScaleOptions {
  /** city (Chongqing-sized) or small (1 %); default small. */
  scale?: ScaleName;
  /** Another share of the figures, in (0, 1] (tests use 0.001); overrides `scale`'s. */
  fraction?: number;
  /** The reference date YYYY-MM-DD: the generated year ends the day before. Default: today, read once from `now`. */
  asOf?: string;
  seed?: number;
  /** The clock, read once at the start (Date.now). */
  now?: () => number;
  /** Where progress lines go (default console.log). */
  log?: (line: string) => void;
  /** Rows the bulk writer holds before writing them. */
  flushRows?: number;
}

export interface ScaleSummary {
  scale: string;
  fraction: number;
  seed: number;
  asOf: string;
  organisationsAdded: number;
  sitesAdded: Record<FigureSiteType, number>;
  sitesTotal: Record<string, number>;
  volunteers: number;
  memberships: number;
  activities: number;
  shifts: number;
  records: number;
  earnings: number;
  pointsEarned: number;
  redemptions: number;
  pointsRedeemed: number;
  rows: Record<string, number>;
  /** Seconds the database spent writing each table (the rest of a phase is generating). */
  writeSeconds: Record<string, number>;
  phases: { phase: string; seconds: number; rows: number }[];
  seconds: number;
}

export interface ScaleResult {
  /** What the demo loaded, when the database was empty and the demo was loaded first. */
  demo: DemoSummary | null;
  /** The admin password bootstrap set (printed once), when it made the admin. */
  adminPassword: string | null;
  summary: ScaleSummary;
}

/**
 * Tables the bulk fills. Their non-unique indexes are dropped for the bulk and rebuilt after
 * it with the statements that made them, except these, whose keys arrive in order.
 */
const BULK_TABLES = Object.keys(BULK_COLUMNS);
const KEEP_INDEXES = new Set([
  'records_status_start',
  'records_attendance',
  'point_entries_tx',
  'point_transactions_source',
  'point_transactions_reverses',
  'point_earnings_transaction',
  'memberships_volunteer',
  'redemption_items_redemption',
  'shifts_activity',
  'organisations_parent',
  'organisations_region',
  'organisations_department',
  'organisation_closure_desc',
]);

/**
 * `shanmei seed --scale`: on an empty database loads the service fields, the system admin and
 * the Chongqing demo (regions, the nine departments…); then adds a generated city on top, in
 * the same tables and under the same invariants as the app writes. Refuses a database that
 * holds a generated city already, or organisations that are not the demo's.
 */
export async function seedScale(database: Database, config: Config, opts: ScaleOptions = {}): Promise<ScaleResult> {
  const startedMs = (opts.now ?? Date.now)();
  const db = database.db;
  const marker = await repo.readMarker(db);
  if (marker) {
    throw new Error(
      marker.status === 'done'
        ? `the database already holds a generated city (${marker.scale}, as of ${marker.asOf})`
        : 'a generated city was being loaded into this database and did not finish: start again with a new database',
    );
  }
  let demo: DemoSummary | null = null;
  let adminPassword: string | null = null;
  if (!(await databaseHoldsOrganisations(db))) {
    await seedServiceFields(db);
    adminPassword = (await bootstrapAdmin(db, config.adminPassword))?.password ?? null;
    demo = await loadDemo(database, config);
  } else if (!(await userByUsername(db, 'team.admin'))) {
    throw new Error('the database holds organisations that are not the demo: a generated city loads only on the demo');
  }
  const summary = await generateScale(database, config, opts, startedMs);
  return { demo, adminPassword, summary };
}

async function generateScale(
  database: Database,
  config: Config,
  opts: ScaleOptions,
  startedMs: number,
): Promise<ScaleSummary> {
  const { db, dialect } = database;
  const settings = await getSettings(db);
  const asOf = opts.asOf ?? localDate(new Date(startedMs).toISOString(), settings.timeZone);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !isRealDate(asOf))
    throw new Error(`--as-of must be a date YYYY-MM-DD, got "${asOf}"`);
  const scale = opts.scale ?? 'small';
  const fraction = opts.fraction ?? SCALES[scale];
  const seed = (opts.seed ?? SCALE_SEED) >>> 0;
  const admin = await userByUsername(db, 'admin');
  if (!admin) throw new Error('the database has no system admin (admin)');
  const progress = new Progress(opts.log ?? ((line) => console.log(line)));
  const dayStart = dayStarts(asOf, settings.timeZone, -WINDOW_DAYS - 30, LAST_SHIFT_DAY + 1);
  const random = randomFor(seed);
  const run: ScaleRun = {
    db,
    dialect,
    writer: null as unknown as BulkWriter,
    ids: new ScaleIds(seed),
    world: await loadWorld(db, random(0)),
    sizes: sizesFor(fraction),
    seed,
    settings,
    cipher: cipherFor(config),
    asOf,
    asOfMs: dayStart(0),
    windowStartMs: dayStart(-WINDOW_DAYS),
    adminUserId: admin.id,
    // Hashed once: generated people must not be able to log in, and argon2 must not bound the load.
    unusableHash: await hashPassword(randomBytes(32).toString('base64url')),
    progress,
    random,
    dayStart,
  };
  const began = performance.now();
  const marker: repo.ScaleMarker = {
    status: 'loading',
    scale: opts.fraction !== undefined ? `fraction ${fraction}` : scale,
    fraction,
    seed,
    asOf,
    startedAt: new Date(startedMs).toISOString(),
    droppedIndexes: [],
  };
  await repo.writeMarker(db, marker, marker.startedAt);
  const bulk = await enterBulkMode(run, marker, config.databaseUrl);
  let summary: ScaleSummary;
  try {
    run.writer = new BulkWriter(db, dialect, bulk.thread, {
      ...(opts.flushRows !== undefined ? { flushRows: opts.flushRows } : {}),
      fixed: { users: { password_hash: run.unusableHash } },
    });
    await run.writer.init();
    summary = await phases(run, scale, fraction, asOf, progress);
    await bulk.finishWrites();
  } finally {
    await bulk.restore();
  }
  marker.status = 'done';
  marker.finishedAt = new Date(startedMs + (performance.now() - began)).toISOString();
  await repo.writeMarker(db, marker, marker.finishedAt);
  // The statistics are kept as the app writes; the bulk wrote around them, so they are counted
  // again — once everything else is in and SQLite runs as the app runs it, so that a failure
  // here leaves a sound city whose statistics `shanmei stats rebuild` can count later.
  progress.start('statistics');
  try {
    await rebuildStats(db);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`the city is loaded, but its statistics were not counted (${why}): run \`shanmei stats rebuild\``, {
      cause: err,
    });
  }
  progress.end(summary.records, 'records counted');
  summary.seconds = Math.round((performance.now() - began) / 100) / 10;
  return summary;
}

/** The SQLite settings of the bulk phase: no sync, an in-memory rollback journal, no foreign-key look-ups, a 2 GB cache. */
const BULK_SETTINGS: [repo.BulkPragma, string | number][] = [
  ['journal_mode', 'memory'],
  ['synchronous', 'off'],
  ['foreign_keys', 'off'],
  ['cache_size', -2_000_000],
  ['threads', 2],
];

interface BulkMode {
  thread: SqliteWriterThread | null;
  /** Closes the writer thread and rebuilds the dropped indexes: every generated row is in. */
  finishWrites(): Promise<void>;
  /** Puts back what the bulk phase changed, whatever happened: the thread, the indexes, the SQLite settings. */
  restore(): Promise<void>;
}

/**
 * Enters the bulk phase: on SQLite the settings above, on the main connection and on a writer
 * thread of its own; on both dialects the bulk tables' unordered indexes dropped (their
 * statements saved in the marker first).
 */
async function enterBulkMode(run: ScaleRun, marker: repo.ScaleMarker, databaseUrl: string): Promise<BulkMode> {
  const { db, progress } = run;
  const saved = new Map<repo.BulkPragma, string>();
  let thread: SqliteWriterThread | null = null;
  if (run.dialect === 'sqlite') {
    const path = databaseUrl.slice('sqlite:'.length);
    if (path === ':memory:' || path === '') throw new Error('a generated city needs a database file, not :memory:');
    for (const p of repo.BULK_PRAGMAS) saved.set(p, await repo.readPragma(db, p));
    for (const [p, value] of BULK_SETTINGS) await repo.setPragma(db, p, value);
    thread = new SqliteWriterThread(path, [...BULK_SETTINGS.map(([p, v]) => `${p} = ${v}`), 'busy_timeout = 5000']);
  }
  marker.droppedIndexes = await repo.rebuildableIndexes(db, run.dialect, BULK_TABLES, KEEP_INDEXES);
  await repo.writeMarker(db, marker, marker.startedAt);
  for (const index of marker.droppedIndexes) await repo.dropIndex(db, index.name);
  const pending = [...marker.droppedIndexes];
  const rebuild = async () => {
    progress.start('indexes');
    for (let index = pending.shift(); index; index = pending.shift()) {
      const started = performance.now();
      await repo.recreateIndex(db, index);
      progress.note(`${index.name} ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    progress.end(marker.droppedIndexes.length, 'indexes rebuilt');
  };
  return {
    thread,
    finishWrites: async () => {
      await thread?.close();
      await rebuild();
    },
    restore: async () => {
      await thread?.close();
      if (pending.length) await rebuild();
      if (run.dialect === 'sqlite') {
        for (const [p, value] of saved) await repo.setPragma(db, p, value);
      } else {
        await repo.analyzeTables(db, BULK_TABLES);
      }
    },
  };
}

async function phases(
  run: ScaleRun,
  scale: string,
  fraction: number,
  asOf: string,
  progress: Progress,
): Promise<ScaleSummary> {
  const { writer } = run;
  progress.start('organisations');
  const organisationsAdded = await writer.transaction(() => generateOrganisations(run));
  progress.end(organisationsAdded, 'organisations');

  progress.start('sites');
  const existingSites = await repo.allSites(run.db);
  const sites = await writer.transaction(() => generateSites(run, existingSites));
  progress.end(
    Object.values(sites.added).reduce((a, b) => a + b, 0),
    'sites',
  );

  progress.start('volunteers');
  const taken = await repo.takenVolunteerKeys(run.db);
  const people = await writer.transaction(() => generateVolunteers(run, taken));
  progress.end(people.count, 'volunteers');

  progress.start('activities');
  const { activities, shifts } = await writer.transaction(() => generateActivities(run, sites.placesByTown));
  progress.end(activities.count, 'activities');

  progress.start('records');
  const ledger = await ScaleLedger.open(run, people.ids);
  const receipts = await repo.takenReceiptNumbers(run.db);
  const records = await writer.transaction(() =>
    generateRecords(run, people, activities, shifts, sites.supermarkets, ledger, receipts),
  );
  progress.end(records.records, 'confirmed records');
  if (run.dialect === 'sqlite')
    progress.note(`the generator waited ${writer.waitedSeconds()} s for the writer thread so far`);

  progress.start('totals');
  const volunteerTotals: unknown[][] = [];
  for (let v = 0; v < people.count; v++) {
    const minutes = records.minutes[v] as number;
    if (minutes > 0)
      volunteerTotals.push([people.ids[v], minutes, starLevelFor(minutes, run.settings.starThresholdsHours)]);
  }
  const balances = ledger.finalBalances();
  const goods = sites.supermarkets.flatMap((s) => s.goods).filter((g) => g.changedAt !== null);
  await writer.transaction(async () => {
    await writer.updateMany('volunteers', 'id', ['confirmed_minutes', 'star_level'], volunteerTotals);
    await writer.updateMany('point_accounts', 'id', ['balance', 'entry_seq'], balances);
    await writer.updateMany(
      'goods',
      'id',
      ['stock', 'updated_at'],
      goods.map((g) => [g.id, g.stock, g.changedAt]),
    );
  });
  progress.end(volunteerTotals.length + balances.length + goods.length, 'cached totals');

  return {
    scale,
    fraction,
    seed: run.seed,
    asOf,
    organisationsAdded,
    sitesAdded: sites.added,
    sitesTotal: sites.totals,
    volunteers: people.count,
    memberships: people.memberships,
    activities: activities.count,
    shifts: shifts.count,
    records: records.records,
    earnings: records.earnings,
    pointsEarned: records.pointsEarned,
    redemptions: records.redemptions,
    pointsRedeemed: records.pointsRedeemed,
    rows: writer.counts(),
    writeSeconds: writer.seconds(),
    phases: progress.phases,
    seconds: 0,
  };
}
