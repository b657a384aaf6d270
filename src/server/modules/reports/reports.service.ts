// Reports (随手拍): submitted by anyone signed in, routed by rule (or by hand from the region
// admins' queue) to an organisation, answered by it. Each step is checked against where the
// report stands and written with its timeline entry, notices and points in one transaction.
import {
  ExportedReportSchema,
  type AnswerReport,
  type CreateReport,
  type Report,
  type ReportStatus,
} from '../../../common/contract/reports.js';
import { forbidden, refusal, ruleBroken } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import type { ReportEventsTable } from '../../db/schema.js';
import { newId, nowIso } from '../../ids.js';
import { decodeCursor, pageOf } from '../../pagination.js';
import type { Actor } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { reportCategoryName } from '../../platform/notify/report-words.js';
import { organisationById } from '../organisations/index.js';
import { earnForReport } from '../points/index.js';
import { regionByCode } from '../regions/index.js';
import { volunteerIdOfUser } from '../volunteers/index.js';
import { noticeStep } from './reports.notices.js';
import { attachPhotos } from './reports.photos.js';
import * as repo from './reports.repository.js';
import { afterStep, consoleScope, getReport, loadFor, present, sightOf, type Ctx } from './reports.view.js';

export { getReport } from './reports.view.js';

/** A report observed this far ahead of the server's clock is refused (phones' clocks drift a little). */
const CLOCK_SKEW_MS = 5 * 60_000;

export const wrongStatus = (status: ReportStatus) =>
  refusal('CONFLICT', 'report_wrong_status', `The report is ${status} and cannot take this step`, { status });

async function event(db: Db, e: Omit<ReportEventsTable, 'id' | 'photo_ids'> & { photo_ids?: string }) {
  await repo.insertEvent(db, { id: newId(), photo_ids: '[]', ...e });
}

/** An active organisation to route a report to (422 otherwise). */
async function activeOrganisation(db: Db, id: string, field: string) {
  const org = await organisationById(db, id);
  if (!org || org.status !== 'active') {
    throw ruleBroken(field, 'no_such_organisation', `organisation "${id}" does not exist`);
  }
  return org;
}

export async function submitReport(ctx: Ctx, actor: Actor, b: CreateReport): Promise<Report> {
  if (!(await regionByCode(ctx.db, b.regionCode))) {
    throw ruleBroken('regionCode', 'no_such_region', `unknown region "${b.regionCode}"`);
  }
  const now = nowIso();
  if (b.observedAt !== undefined && Date.parse(b.observedAt) > Date.parse(now) + CLOCK_SKEW_MS) {
    throw ruleBroken('observedAt', 'report_observed_in_future', 'the time it was seen is in the future');
  }
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    const route = await repo.nearestRoute(trx, b.regionCode, b.category);
    const organisationId = route?.organisation_id ?? null;
    await repo.insertReport(trx, {
      id,
      reporter_user_id: actor.userId,
      category: b.category,
      text: b.text,
      region_code: b.regionCode,
      position_enc: b.position ? ctx.cipher.encrypt(`${b.position.lat},${b.position.lng}`) : null,
      observed_at: b.observedAt ? new Date(b.observedAt).toISOString() : now,
      status: organisationId ? 'routed' : 'unrouted',
      organisation_id: organisationId,
      photo_ids: await attachPhotos(trx, actor, id, b.photoIds),
      created_at: now,
      updated_at: now,
      closed_at: null,
    });
    const base = { report_id: id, at: now, note: null };
    await event(trx, { ...base, kind: 'submitted', by_user_id: actor.userId, organisation_id: null });
    // The rule routed it: the system's step, not the reporter's.
    await event(trx, {
      ...base,
      kind: organisationId ? 'routed' : 'unrouted',
      by_user_id: null,
      organisation_id: organisationId,
    });
    const r = await repo.reportById(trx, id);
    if (r) {
      await noticeStep(trx, r, organisationId ? 'routed' : 'unrouted', {
        byUserId: actor.userId,
        at: now,
        organisationId,
      });
    }
  });
  return getReport(ctx, actor, id);
}

/** A region admin over the report sends it to an organisation by hand: from the queue, or elsewhere while open. */
export async function routeReport(ctx: Ctx, actor: Actor, id: string, organisationId: string): Promise<Report> {
  const { r, s } = await loadFor(ctx, actor, id);
  if (!s.regionAdmin) throw forbidden('Only the admins over its region route a report');
  const from: ReportStatus[] = ['unrouted', 'routed', 'forwarded'];
  if (!from.includes(r.status)) throw wrongStatus(r.status);
  const org = await activeOrganisation(ctx.db, organisationId, 'organisationId');
  const now = nowIso();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.advance(trx, id, from, { status: 'routed', organisation_id: org.id, updated_at: now }))) {
      throw wrongStatus((await repo.reportById(trx, id))?.status ?? r.status);
    }
    await event(trx, {
      report_id: id,
      kind: 'routed',
      at: now,
      by_user_id: actor.userId,
      organisation_id: org.id,
      note: null,
    });
    await noticeStep(trx, r, 'routed', { byUserId: actor.userId, at: now, organisationId: org.id });
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'report.route',
      entityType: 'report',
      entityId: id,
      details: { organisationId: org.id },
      regionCode: r.region_code,
    });
  });
  return getReport(ctx, actor, id);
}

/**
 * The organisation it is with answers: handled (the reporter may earn points, once), forwarded
 * to another organisation (the timeline keeps both), or rejected with a reason. A second answer,
 * sequential or concurrent, finds the report moved on and is refused.
 */
export async function answerReport(ctx: Ctx, actor: Actor, id: string, b: AnswerReport): Promise<Report> {
  const { r, s } = await loadFor(ctx, actor, id);
  if (!s.handler) throw forbidden('Only the organisation the report is with answers it');
  const from: ReportStatus[] = ['routed', 'forwarded'];
  if (!from.includes(r.status)) throw wrongStatus(r.status);
  let to = r.organisation_id;
  if (b.outcome === 'forwarded') {
    if (!b.organisationId) {
      throw ruleBroken('organisationId', 'report_forward_target', 'name the organisation to forward it to');
    }
    to = (await activeOrganisation(ctx.db, b.organisationId, 'organisationId')).id;
    if (to === r.organisation_id) {
      throw ruleBroken('organisationId', 'report_forward_target', 'forward it to another organisation');
    }
  }
  const now = nowIso();
  const closed = b.outcome !== 'forwarded';
  await ctx.db.transaction().execute(async (trx) => {
    const status: ReportStatus = b.outcome;
    if (
      !(await repo.advance(trx, id, from, {
        status,
        organisation_id: to,
        closed_at: closed ? now : null,
        updated_at: now,
      }))
    ) {
      throw wrongStatus((await repo.reportById(trx, id))?.status ?? r.status);
    }
    await event(trx, {
      report_id: id,
      kind: b.outcome,
      at: now,
      by_user_id: actor.userId,
      organisation_id: to,
      note: b.note,
      photo_ids: await attachPhotos(trx, actor, id, b.photoIds ?? []),
    });
    await noticeStep(trx, r, b.outcome, { byUserId: actor.userId, at: now, organisationId: to, note: b.note });
    if (b.outcome === 'handled') {
      const volunteerId = await volunteerIdOfUser(trx, r.reporter_user_id);
      if (volunteerId) {
        await earnForReport(trx, {
          reportId: id,
          volunteerId,
          regionCode: r.region_code,
          // Not the report's text (the reporter's own words): its category, as the statement shows it.
          memo: `随手拍：${reportCategoryName(r.category, 'zh-CN')}`,
          actorUserId: actor.userId,
        });
      }
    }
  });
  return afterStep(ctx, actor, id, s);
}

type Paged = { cursor?: string | undefined; limit: number };

async function page(ctx: Ctx, actor: Actor, rows: repo.ReportRow[], limit: number) {
  const { items, nextCursor } = pageOf(rows, limit, (last) => ({ id: last.id }));
  const out: Report[] = [];
  for (const r of items) {
    const s = await sightOf(ctx.db, actor, r);
    if (s) out.push(await present(ctx, r, s, false));
  }
  return { items: out, nextCursor };
}

/** The caller's own reports, newest first. */
export async function myReports(ctx: Ctx, actor: Actor, q: Paged) {
  const before = decodeCursor(q.cursor, { id: 'string' })?.id;
  return page(ctx, actor, await repo.reportsOfReporter(ctx.db, actor.userId, { before, limit: q.limit }), q.limit);
}

/** A page of the caller's own reports for their data export: what they sent and what became of it. */
export async function myReportsForExport(ctx: Ctx, actor: Actor, q: Paged) {
  const p = await myReports(ctx, actor, q);
  return {
    nextCursor: p.nextCursor,
    // The schema keeps the fields the export shows, and drops the rest.
    items: p.items.map((r) => ExportedReportSchema.parse(r)),
  };
}

/** The console's list: the caller's regions' reports and those with their organisations, newest first. */
export async function listReports(
  ctx: Ctx,
  actor: Actor,
  q: Paged & { status?: ReportStatus | undefined; category?: string | undefined; regionCode?: string | undefined },
) {
  const scope = consoleScope(actor);
  if (scope !== 'all' && scope.regions.length === 0 && scope.organisations.length === 0) {
    throw forbidden('Only region admins and the organisations reports go to see them');
  }
  const before = decodeCursor(q.cursor, { id: 'string' })?.id;
  const rows = await repo.reportsInScope(ctx.db, scope, { ...q, before });
  return page(ctx, actor, rows, q.limit);
}
