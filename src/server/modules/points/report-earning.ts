/**
 * Points for a report (随手拍) its organisation handled (SPEC: a confirmed report can earn points
 * by rule: `bonuses.report`, source "report"). Called by the reports module inside the
 * transaction that records the handling, so the points exist exactly when the handling does. The
 * ledger key is the report's: it pays once, however often or concurrently the answer is sent.
 */
import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { earnBonus, pointsOfKey } from './bonus-earning.js';

export interface ReportEarning {
  reportId: string;
  /** The reporter's volunteer id: only volunteers hold a wallet. */
  volunteerId: string;
  /** The report's region: its nearest rule decides, and its system account pays. */
  regionCode: string;
  memo: string;
  actorUserId: string;
}

const earnKey = (reportId: string) => `report:${reportId}`;

/** Earns what the nearest rule of the report's region gives a handled report; answers the points earned. */
export async function earnForReport(trx: Transaction<DB>, r: ReportEarning): Promise<number> {
  return earnBonus(
    trx,
    { ...r, idempotencyKey: earnKey(r.reportId), source: 'report', sourceId: r.reportId },
    (rule) => rule.bonuses.report,
  );
}

/** Points a report earned its reporter (0 if none), by the report's ledger key. */
export async function pointsOfReport(db: Db, reportId: string): Promise<number> {
  return pointsOfKey(db, earnKey(reportId));
}
