import ExcelJS from 'exceljs';
import type { Db } from '../src/server/db/database.js';
import { isoIn } from './clock.js';

const HOUR = 3_600_000;

/**
 * A policy covering an activity from today to `hours` from now (local days in China), written
 * straight to the table: the policy rules have their own tests.
 */
export async function makeActivityPolicy(db: Db, activityId: string, policyNumber: string, hours = 72): Promise<void> {
  const chinaDay = (ms: number) => isoIn(ms + 8 * HOUR).slice(0, 10);
  await db
    .insertInto('insurance_policies')
    .values({
      id: `p-${activityId}`,
      activity_id: activityId,
      organisation_id: null,
      insurer: '中国平安',
      policy_number: policyNumber,
      starts_on: chinaDay(0),
      ends_on: chinaDay(hours * HOUR),
      created_by: null,
      created_at: isoIn(0),
    })
    .execute();
}

/** The rows of an .xlsx answer's first sheet, the header first; each row's cells from index 1 (ExcelJS). */
export async function readSheet(payload: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('the workbook has no sheet');
  return ws.getSheetValues().filter(Boolean) as unknown[][];
}
