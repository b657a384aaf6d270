/**
 * A small city for the export suites: two districts, each with a volunteer, a team, a site, an
 * activity with a record and a wallet entry, so a test can tell one district's rows from the
 * other's; and a way to read any exported file back as rows.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { makeActivity, makeOrganisationTree, type OrganisationTree } from '../../../../test/activity-factories.js';
import { makeUser, makeVolunteer, REGIONS, type MadeVolunteer } from '../../../../test/factories.js';
import { insertPendingRecord } from '../../../../test/record-factories.js';
import { testNow } from '../../../../test/clock.js';
import { Client, type TestApp } from '../../../../test/test-app.js';
import { localDate } from '../../../common/zoned-time.js';
import type { Role, ScopeType } from '../../../common/enums.js';
import { newId } from '../../ids.js';
import { postTransaction, walletOf } from '../points/index.js';
import { insertSite } from '../sites/index.js';

export interface District {
  volunteer: MadeVolunteer;
  siteId: string;
  teamId: string;
  activityId: string;
  recordId: string;
  serviceDate: string;
}

export interface ExportScene {
  tree: OrganisationTree;
  yuzhong: District;
  shapingba: District;
}

/** The city's system account (points/ledger.ts `CITY`), the other side of an adjustment. */
const SYSTEM = { kind: 'system', ownerId: 'city' } as const;

/** Credits a wallet from the city's system account: one ledger entry on it. */
export async function credit(t: TestApp, volunteerId: string, amount: number): Promise<void> {
  await t.tdb.db.transaction().execute((trx) =>
    postTransaction(trx, {
      kind: 'adjust',
      idempotencyKey: newId(),
      source: 'adjustment',
      postings: [
        { account: walletOf(volunteerId), amount },
        { account: SYSTEM, amount: -amount },
      ],
    }),
  );
}

export async function makeExportScene(t: TestApp): Promise<ExportScene> {
  const db = t.tdb.db;
  const tree = await makeOrganisationTree(t.app);
  // Three days ago, local: any run date gives a day in the past.
  const serviceDate = localDate(new Date(testNow() - 3 * 86_400_000).toISOString(), 'Asia/Shanghai');
  const district = async (name: string, regionCode: string, teamId: string, lat: number): Promise<District> => {
    const volunteer = await makeVolunteer(t.app, { name, regionCode, fields: ['ecology'] });
    const siteId = await insertSite(db, {
      name: `${name}实践站`,
      type: 'practice_point',
      regionCode,
      address: `${name}路 1 号`,
      lat,
      lng: 106.5,
      organisationId: teamId,
    });
    const activity = await makeActivity(t.app, { orgId: teamId, regionCode, field: 'ecology', title: `${name}清洁` });
    const recordId = await insertPendingRecord(db, {
      volunteerId: volunteer.id,
      activityId: activity.id,
      organisationId: teamId,
      startAt: `${serviceDate}T01:00:00.000Z`,
      minutes: 90,
    });
    await credit(t, volunteer.id, 30);
    return { volunteer, siteId, teamId, activityId: activity.id, recordId, serviceDate };
  };
  return {
    tree,
    yuzhong: await district('渝中甲', REGIONS.jiefangbei, tree.subTeamId, 29.55),
    shapingba: await district('沙坪乙', REGIONS.xiaolongkan, tree.otherTeamId, 29.56),
  };
}

/** A logged-in client holding one grant. */
export async function adminClient(t: TestApp, role: Role, scopeType: ScopeType, scopeId: string) {
  const u = await makeUser(t.tdb.db, { roles: [{ role, scopeType, scopeId }] });
  return { id: u.id, client: await new Client(t.app).login(u.username, u.password) };
}

/** The rows of an exported file (header first), read back with exceljs or csv-parse. */
export async function rowsOf(res: LightMyRequestResponse): Promise<string[][]> {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename="/);
  if (String(res.headers['content-type']).startsWith('text/csv')) {
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    return parse(res.body.slice(1)) as string[][];
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  const ws = wb.worksheets[0];
  // Every cell as the CSV would carry it, so one assertion reads both formats.
  ws?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return rows;
}

/** The rows as objects keyed by their header. */
export async function recordsOf(res: LightMyRequestResponse): Promise<Record<string, string>[]> {
  const [head, ...rows] = await rowsOf(res);
  return rows.map((r) => Object.fromEntries((head ?? []).map((h, i) => [h, r[i] ?? ''])));
}

/** The audit entries an actor left with `action`, oldest first: the stored text and its details. */
export async function auditOf(t: TestApp, actorId: string, action: string) {
  const rows = await t.tdb.db
    .selectFrom('audit_log')
    .select(['details', 'region_code'])
    .where('actor_user_id', '=', actorId)
    .where('action', '=', action)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, parsed: JSON.parse(r.details) as Record<string, unknown> }));
}
