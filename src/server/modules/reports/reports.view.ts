// How a report is seen: by whom (the reporter, the admins over its region, the organisation it is
// with) and what each is shown.
import type { Report } from '../../../common/contract/reports.js';
import { notFound } from '../../../common/errors.js';
import type { PersonalDataCipher } from '../../crypto.js';
import type { Db } from '../../db/database.js';
import { organisationUnderAny, regionUnderAny } from '../../platform/access/access.repository.js';
import { isSystemAdmin, scopesOf, type Actor } from '../../platform/access/policy.js';
import type { CountScope } from '../../platform/access/scope.repository.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { fileUrls } from '../files/index.js';
import { pointsOfReport } from '../points/index.js';
import * as repo from './reports.repository.js';

export interface Ctx {
  db: Db;
  cipher: PersonalDataCipher;
}

export type Sight = { reporter: boolean; regionAdmin: boolean; handler: boolean };

/** The organisation roles that answer the reports routed to their organisation (or one below it). */
export const HANDLER_ROLES = ['department_admin', 'team_admin'] as const;

/** What the actor's console list reaches: their regions' reports and those routed to their organisations. */
export function consoleScope(actor: Actor): CountScope {
  if (isSystemAdmin(actor)) return 'all';
  return {
    regions: scopesOf(actor, ['region_admin'], 'region'),
    organisations: scopesOf(actor, HANDLER_ROLES, 'organisation'),
  };
}

export async function adminsRegionOf(db: Db, actor: Actor, regionCode: string): Promise<boolean> {
  return isSystemAdmin(actor) || regionUnderAny(db, scopesOf(actor, ['region_admin'], 'region'), regionCode);
}

/** How the actor sees a report; null when not at all (answered 404, so its existence is not told). */
export async function sightOf(db: Db, actor: Actor, r: repo.ReportRow): Promise<Sight | null> {
  const s: Sight = {
    reporter: r.reporter_user_id === actor.userId,
    regionAdmin: await adminsRegionOf(db, actor, r.region_code),
    handler:
      r.organisation_id !== null &&
      (isSystemAdmin(actor) ||
        (await organisationUnderAny(db, scopesOf(actor, HANDLER_ROLES, 'organisation'), r.organisation_id))),
  };
  return s.reporter || s.regionAdmin || s.handler ? s : null;
}

const photosOf = (json: string) => (JSON.parse(json) as string[]).map((id) => ({ id, ...fileUrls(id) }));

/**
 * The report as the API shows it. The position is the reporter's: shown on the report itself
 * (`withPosition`) to those who see it, never in lists to anyone but the reporter.
 */
export async function present(ctx: Ctx, r: repo.ReportRow, s: Sight, withPosition: boolean): Promise<Report> {
  const position =
    (withPosition || s.reporter) && r.position_enc ? ctx.cipher.decrypt(r.position_enc).split(',').map(Number) : null;
  const events = await repo.eventsOf(ctx.db, r.id);
  return {
    id: r.id,
    category: r.category,
    text: r.text,
    regionCode: r.region_code,
    regionName: r.region_name,
    position: position ? { lat: position[0] ?? 0, lng: position[1] ?? 0 } : null,
    observedAt: r.observed_at,
    status: r.status,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    photos: photosOf(r.photo_ids),
    mine: s.reporter,
    canAnswer: s.handler && (r.status === 'routed' || r.status === 'forwarded'),
    canRoute: s.regionAdmin && r.status === 'unrouted',
    points: r.status === 'handled' ? await pointsOfReport(ctx.db, r.id) : 0,
    createdAt: r.created_at,
    closedAt: r.closed_at,
    timeline: events.map((e) => ({
      kind: e.kind,
      at: e.at,
      by: e.by ?? null,
      organisationName: e.organisation_name ?? null,
      note: e.note,
      photos: photosOf(e.photo_ids),
    })),
  };
}

export async function loadFor(ctx: Ctx, actor: Actor, id: string) {
  const r = await repo.reportById(ctx.db, id);
  if (!r) throw notFound('Report');
  const s = await sightOf(ctx.db, actor, r);
  if (!s) throw notFound('Report');
  return { r, s };
}

/** One report; staff who read its position are audited (it is the reporter's personal data). */
export async function getReport(ctx: Ctx, actor: Actor, id: string): Promise<Report> {
  const { r, s } = await loadFor(ctx, actor, id);
  if (!s.reporter && r.position_enc) {
    await appendAudit(ctx.db, {
      actorUserId: actor.userId,
      action: 'report.position_read',
      entityType: 'report',
      entityId: id,
      regionCode: r.region_code,
    });
  }
  return present(ctx, r, s, true);
}

/**
 * The report as it stands after the actor's step. A forward takes it out of their organisation's
 * sight: they still get the answer to their request (where it went), without its position.
 */
export async function afterStep(ctx: Ctx, actor: Actor, id: string, before: Sight): Promise<Report> {
  const r = await repo.reportById(ctx.db, id);
  if (!r) throw notFound('Report');
  const s = await sightOf(ctx.db, actor, r);
  return s ? getReport(ctx, actor, id) : present(ctx, r, { ...before, handler: false }, false);
}
