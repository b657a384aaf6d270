/**
 * The exports other modules used to write themselves, at their old paths: each owner checks the
 * caller and reads the rows (through its index.ts); the file is written here, as every export.
 */
import { z } from 'zod';
import { IdParams, errorResponses, PUBLIC } from '../../../common/contract/common.js';
import { OverviewQuery } from '../../../common/contract/plans.js';
import { RecordExportQuery } from '../../../common/contract/records.js';
import { ReportStatsQuery, type ReportStats } from '../../../common/contract/reports.js';
import { StatsQuery } from '../../../common/contract/stats.js';
import { ExportQuery as SupermarketExportQuery, SupermarketParams } from '../../../common/contract/supermarkets.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import { sendTableFile, tableFile } from '../../platform/table-file.js';
import { insuredOfShiftForExport } from '../insurance/index.js';
import { planOverview } from '../plans/index.js';
import { recordsForExport } from '../records/index.js';
import { reportStats, scopedReportStats } from '../reports/index.js';
import { overview } from '../stats/index.js';
import { redemptionsForExport, stockForExport } from '../supermarkets/index.js';
import { fieldNames } from './exports.repository.js';
import {
  insuredSheet,
  plansSheet,
  recordsSheet,
  redemptionsSheet,
  reportStatsSheets,
  statsSheets,
  stockSheets,
} from './moved.sheets.js';

const XlsxAnswer = { 200: z.any().describe('The .xlsx file'), ...errorResponses };
const day = (iso: string) => iso.slice(0, 10);

export function movedExportRoutes(app: App): void {
  const db = () => app.ctx.database.db;

  app.get(
    '/api/v1/shifts/:id/insured.xlsx',
    {
      schema: {
        tags: ['insurance'],
        summary: 'Insured participants of a shift as .xlsx (organisers)',
        params: IdParams,
        response: XlsxAnswer,
      },
    },
    async (req, reply) => {
      const { people, filename } = await insuredOfShiftForExport(db(), requireActor(req), req.params.id);
      return sendTableFile(reply, tableFile('xlsx', [insuredSheet(people)], filename));
    },
  );

  const market = '/api/v1/supermarkets/:siteId';
  const marketSchema = (summary: string) => ({
    tags: ['supermarkets'],
    summary,
    params: SupermarketParams,
    querystring: SupermarketExportQuery,
    response: XlsxAnswer,
  });
  app.get(
    `${market}/redemptions.xlsx`,
    { schema: marketSchema('Redemptions as .xlsx (clerk)') },
    async (req, reply) => {
      const r = await redemptionsForExport(db(), requireActor(req), req.params.siteId, req.query);
      return sendTableFile(reply, tableFile('xlsx', [redemptionsSheet(r.lines)], `redemptions-${r.span}`));
    },
  );
  app.get(
    `${market}/stock.xlsx`,
    { schema: marketSchema('Goods, stock and movements as .xlsx (clerk)') },
    async (req, reply) => {
      const s = await stockForExport(db(), requireActor(req), req.params.siteId, req.query);
      return sendTableFile(reply, tableFile('xlsx', stockSheets(s), `stock-${s.span}`));
    },
  );

  app.get(
    '/api/v1/records.xlsx',
    {
      schema: {
        tags: ['records'],
        summary: "An organisation's records as .xlsx, filtered as the list is (its organisers; audited)",
        querystring: RecordExportQuery,
        response: XlsxAnswer,
      },
    },
    async (req, reply) => {
      const r = await recordsForExport(db(), requireActor(req), req.query);
      const name = `records-${req.query.from ?? 'start'}_${req.query.to ?? 'now'}`;
      return sendTableFile(reply, tableFile('xlsx', [recordsSheet(r)], name));
    },
  );

  app.get(
    '/api/v1/stats/overview.xlsx',
    {
      schema: {
        security: PUBLIC,
        tags: ['stats'],
        summary: "The statistics page's tables as .xlsx: figures, child regions, months and fields (public)",
        querystring: StatsQuery,
        response: XlsxAnswer,
      },
    },
    async (req, reply) => {
      // Computed before the first byte, so a bad query is still a 4xx.
      const s = await overview(db(), req.query);
      const name = `statistics_${s.regionCode}_${day(s.from)}_${day(s.to)}`;
      return sendTableFile(reply, tableFile('xlsx', statsSheets(s, await fieldNames(db())), name));
    },
  );

  app.get(
    '/api/v1/plans/overview.xlsx',
    {
      schema: {
        tags: ['plans'],
        summary:
          'Every department’s plans of a year as .xlsx, as GET /plans/overview answers them: tasks, done, overdue, progress, budget, spent (system admins)',
        querystring: OverviewQuery,
        response: XlsxAnswer,
      },
    },
    async (req, reply) => {
      const o = await planOverview(db(), requireActor(req), req.query.year);
      return sendTableFile(reply, tableFile('xlsx', [plansSheet(o.year, o.items)], `plans_${o.year}`));
    },
  );

  const reportsFile = (s: ReportStats) =>
    tableFile(
      'xlsx',
      reportStatsSheets(s),
      `reports_${s.regionCode ?? 'all'}_${s.from ? day(s.from) : 'start'}_${s.to ? day(s.to) : 'now'}`,
    );
  app.get(
    '/api/v1/reports/stats.xlsx',
    {
      schema: {
        tags: ['reports'],
        summary:
          'The reports’ statistics of GET /reports/stats as .xlsx: handling times, by status, category and child region',
        querystring: ReportStatsQuery,
        response: XlsxAnswer,
      },
    },
    async (req, reply) =>
      sendTableFile(reply, reportsFile(await scopedReportStats(db(), requireActor(req), req.query))),
  );
  app.get(
    '/api/v1/reports/stats/public.xlsx',
    {
      schema: {
        security: PUBLIC,
        tags: ['reports'],
        summary: 'The public reports’ statistics of GET /reports/stats/public as .xlsx (aggregates only)',
        querystring: ReportStatsQuery,
        response: XlsxAnswer,
      },
    },
    async (req, reply) => sendTableFile(reply, reportsFile(await reportStats(db(), 'all', req.query))),
  );
}
