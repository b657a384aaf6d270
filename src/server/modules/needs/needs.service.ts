import { RISKY_NEED_TYPES, type CreateNeed, type Need } from '../../../common/contract/needs.js';
import { AppError, forbidden, refusal, ruleBroken } from '../../../common/errors.js';
import { maskPhone } from '../../../common/id-numbers.js';
import type { Db } from '../../db/database.js';
import type { NeedEventKind, NeedStatus } from '../../db/schema.js';
import { newId, nowIso } from '../../ids.js';
import { decodeCursor, pageOf } from '../../pagination.js';
import { regionUnderAny } from '../../platform/access/access.repository.js';
import type { Actor } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import type { NeedNoticeStep } from '../../platform/notify/need-words.js';
import { activityById } from '../activities/index.js';
import { organisationById } from '../organisations/index.js';
import { regionByCode } from '../regions/index.js';
import { volunteerIdOf } from '../volunteers/index.js';
import { noticeStep } from './needs.notices.js';
import { checkedPhotoIds } from './needs.photos.js';
import * as repo from './needs.repository.js';
import { dueAtFor } from './needs.sla.js';
import { getNeed, handlingSite, loadFor, present, reviewRegions, sightOf, type Ctx, type Sight } from './needs.view.js';

export { getNeed } from './needs.view.js';

export async function listNeedTypes(db: Db) {
  return { items: (await repo.needTypes(db)).map((t) => ({ code: t.code, nameZh: t.name_zh, nameEn: t.name_en })) };
}

export async function postNeed(ctx: Ctx, actor: Actor, b: CreateNeed): Promise<Need> {
  if (!(await repo.needTypeExists(ctx.db, b.type))) {
    throw ruleBroken('type', 'unknown_need_type', `unknown need type "${b.type}"`);
  }
  if (!(await regionByCode(ctx.db, b.regionCode))) {
    throw ruleBroken('regionCode', 'no_such_region', `unknown region "${b.regionCode}"`);
  }
  if ((b.lat === undefined) !== (b.lng === undefined)) {
    throw new AppError('VALIDATION_ERROR', 'lat and lng go together: give both or neither');
  }
  if (RISKY_NEED_TYPES.has(b.type) && !b.riskAccepted) {
    throw ruleBroken('riskAccepted', 'need_risk_required', 'this service carries risk: accept the risk statement');
  }
  const now = nowIso();
  if (b.wantedAt !== undefined && Date.parse(b.wantedAt) < Date.parse(now)) {
    throw ruleBroken('wantedAt', 'need_wanted_past', 'the time wanted is in the past');
  }
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertNeed(trx, {
      id,
      resident_user_id: actor.userId,
      type: b.type,
      text: b.text,
      region_code: b.regionCode,
      address_enc: ctx.cipher.encrypt(b.address),
      position_enc: b.lat === undefined ? null : ctx.cipher.encrypt(`${b.lat},${b.lng}`),
      contact_enc: b.contactPhone ? ctx.cipher.encrypt(b.contactPhone) : null,
      contact_masked: b.contactPhone ? maskPhone(b.contactPhone) : null,
      wanted_at: b.wantedAt ? new Date(b.wantedAt).toISOString() : null,
      risk_accepted: b.riskAccepted ? 1 : 0,
      status: 'posted',
      organisation_id: null,
      activity_id: null,
      taker_volunteer_id: null,
      reason: null,
      report: null,
      score: null,
      comment: null,
      created_at: now,
      updated_at: now,
      due_at: await dueAtFor(trx, b.regionCode, 'posted', now),
      photo_ids: '[]',
      site_id: null,
    });
    await event(trx, id, 'posted', actor, now);
    const n = await repo.needById(trx, id);
    if (n) await noticeStep(trx, n, 'posted', { byUserId: actor.userId, at: now });
  });
  return getNeed(ctx, actor, id);
}

async function event(db: Db, needId: string, kind: NeedEventKind, actor: Actor, at: string, details = {}) {
  await repo.insertEvent(db, {
    id: newId(),
    need_id: needId,
    kind,
    at,
    by_user_id: actor.userId,
    details: JSON.stringify(details),
  });
}

/** The site that handles the need when a site manager of it takes the step; nothing to set otherwise. */
async function siteSet(ctx: Ctx, actor: Actor, regionCode: string): Promise<{ site_id?: string }> {
  const site = await handlingSite(ctx.db, actor, regionCode);
  return site ? { site_id: site } : {};
}

export const wrongStatus = (status: NeedStatus) =>
  refusal('CONFLICT', 'need_wrong_status', `The need is ${status} and cannot take this step`, { status });

/**
 * One step of a need: checked against where it stands, then the state and its timeline entry
 * written together; a step that raced another (the state moved meanwhile) is refused.
 */
async function step(
  ctx: Ctx,
  actor: Actor,
  id: string,
  p: {
    allowed: (s: Sight) => boolean;
    from: readonly NeedStatus[];
    /** The status it moves to; absent for a step that leaves it where it stands (a complaint). */
    to?: NeedStatus;
    kind: NeedEventKind;
    /** Who is told, and why. */
    notice?: { step: NeedNoticeStep; organisationId?: string | null; reason?: string | null };
    set?: Parameters<typeof repo.advance>[3] extends infer S ? Omit<S & object, 'status' | 'updated_at'> : never;
    details?: Record<string, unknown>;
    audit?: string;
  },
): Promise<Need> {
  const { n, s } = await loadFor(ctx, actor, id);
  if (!p.allowed(s)) throw forbidden('Your roles do not allow this step of the need');
  if (!p.from.includes(n.status)) throw wrongStatus(n.status);
  const now = nowIso();
  await ctx.db.transaction().execute(async (trx) => {
    const to = p.to ?? n.status;
    const due = p.to === undefined ? {} : { due_at: await dueAtFor(trx, n.region_code, to, now) };
    if (!(await repo.advance(trx, id, p.from, { ...p.set, ...due, status: to, updated_at: now }))) {
      throw wrongStatus((await repo.statusOf(trx, id)) ?? n.status);
    }
    await event(trx, id, p.kind, actor, now, p.details);
    if (p.notice) await noticeStep(trx, n, p.notice.step, { ...p.notice, byUserId: actor.userId, at: now });
    if (p.audit) {
      await appendAudit(trx, {
        actorUserId: actor.userId,
        action: p.audit,
        entityType: 'need',
        entityId: id,
        details: p.details ?? {},
        regionCode: n.region_code,
      });
    }
  });
  return getNeed(ctx, actor, id);
}

export async function reviewNeed(
  ctx: Ctx,
  actor: Actor,
  id: string,
  b: { decision: 'accept' | 'reject'; reason?: string | undefined },
) {
  const { n } = await loadFor(ctx, actor, id); // 404 before any rule: the need's existence is not told
  const reason = b.reason?.trim() || null;
  if (b.decision === 'reject' && !reason) {
    throw ruleBroken('reason', 'need_reason_required', 'a rejection needs a reason the resident will see');
  }
  return step(ctx, actor, id, {
    allowed: (s) => s.reviewer,
    from: ['posted'],
    to: b.decision === 'accept' ? 'accepted' : 'rejected',
    kind: 'reviewed',
    set: { reason: b.decision === 'reject' ? reason : null, ...(await siteSet(ctx, actor, n.region_code)) },
    details: { decision: b.decision, ...(reason ? { reason } : {}) },
    audit: 'need.review',
    notice: b.decision === 'reject' ? { step: 'rejected', reason } : undefined,
  });
}

/** To a team, or as an activity; again while nobody has finished it (a taker is released). */
export async function dispatchNeed(
  ctx: Ctx,
  actor: Actor,
  id: string,
  b: { organisationId?: string | undefined; activityId?: string | undefined },
) {
  const { n } = await loadFor(ctx, actor, id); // 404 before any rule: the need's existence is not told
  if ((b.organisationId === undefined) === (b.activityId === undefined)) {
    throw ruleBroken('organisationId', 'need_dispatch_target', 'give exactly one of organisationId and activityId');
  }
  let organisationId: string;
  if (b.activityId !== undefined) {
    const activity = await activityById(ctx.db, b.activityId);
    if (!activity) throw ruleBroken('activityId', 'no_such_activity', `activity "${b.activityId}" does not exist`);
    organisationId = activity.organisation_id;
  } else {
    const org = await organisationById(ctx.db, b.organisationId as string);
    if (!org)
      throw ruleBroken('organisationId', 'no_such_organisation', `organisation "${b.organisationId}" does not exist`);
    organisationId = org.id;
  }
  return step(ctx, actor, id, {
    allowed: (s) => s.reviewer,
    from: ['accepted', 'dispatched', 'taken'],
    to: 'dispatched',
    kind: 'dispatched',
    set: {
      organisation_id: organisationId,
      activity_id: b.activityId ?? null,
      taker_volunteer_id: null,
      ...(await siteSet(ctx, actor, n.region_code)),
    },
    details: { organisationId, ...(b.activityId ? { activityId: b.activityId } : {}) },
    audit: 'need.dispatch',
    notice: { step: 'dispatched', organisationId },
  });
}

export async function takeNeed(ctx: Ctx, actor: Actor, id: string) {
  const volunteerId = await volunteerIdOf(ctx.db, actor);
  const { n, s } = await loadFor(ctx, actor, id);
  if (!volunteerId || !s.team) {
    throw refusal('FORBIDDEN', 'not_team_member', 'Only members of the team it was dispatched to can take it');
  }
  if (n.status !== 'dispatched') throw wrongStatus(n.status);
  return step(ctx, actor, id, {
    allowed: (x) => x.team,
    from: ['dispatched'],
    to: 'taken',
    kind: 'taken',
    set: { taker_volunteer_id: volunteerId },
    notice: { step: 'taken' },
  });
}

/** The taker reports it done, with the photos they uploaded for it (if any). */
export async function completeNeed(
  ctx: Ctx,
  actor: Actor,
  id: string,
  report: string,
  photoIds: readonly string[] = [],
) {
  const { s } = await loadFor(ctx, actor, id); // 404 before any rule: the need's existence is not told
  const photos = s.taker ? await checkedPhotoIds(ctx.db, actor, id, photoIds) : '[]';
  return step(ctx, actor, id, {
    allowed: (x) => x.taker,
    from: ['taken'],
    to: 'completed',
    kind: 'completed',
    set: { report, photo_ids: photos },
    details: photoIds.length > 0 ? { photos: JSON.parse(photos).length as number } : {},
    notice: { step: 'completed' },
  });
}

export async function rateNeed(ctx: Ctx, actor: Actor, id: string, b: { score: number; comment?: string | undefined }) {
  return step(ctx, actor, id, {
    allowed: (s) => s.resident,
    from: ['completed'],
    to: 'rated',
    kind: 'rated',
    set: { score: b.score, comment: b.comment?.trim() || null },
    details: { score: b.score },
  });
}

/** The resident while nobody has taken it; those who review it until it is done. */
export async function cancelNeed(ctx: Ctx, actor: Actor, id: string, reason: string | undefined) {
  const { s } = await loadFor(ctx, actor, id);
  const from: NeedStatus[] = s.reviewer
    ? ['posted', 'accepted', 'dispatched', 'taken']
    : ['posted', 'accepted', 'dispatched'];
  const why = reason?.trim() || null;
  return step(ctx, actor, id, {
    allowed: (x) => x.resident || x.reviewer,
    from,
    to: 'cancelled',
    kind: 'cancelled',
    set: { reason: why },
    details: why ? { reason: why } : {},
    audit: s.reviewer && !s.resident ? 'need.cancel' : undefined,
    notice: { step: 'cancelled', reason: why },
  });
}

export async function listNeeds(
  ctx: Ctx,
  actor: Actor,
  q: {
    view: 'mine' | 'board' | 'team';
    status?: NeedStatus | undefined;
    regionCode?: string | undefined;
    overdue?: 'true' | 'false' | undefined;
    sort: 'newest' | 'due';
    cursor?: string | undefined;
    limit: number;
  },
) {
  const f: repo.NeedFilter = {
    status: q.status,
    overdueAt: q.overdue === 'true' ? nowIso() : undefined,
    sort: q.sort,
    limit: q.limit,
    after:
      (q.sort === 'due'
        ? decodeCursor(q.cursor, { id: 'string', due: 'string' })
        : decodeCursor(q.cursor, { id: 'string' })) ?? undefined,
  };
  let rows: repo.NeedRow[];
  if (q.view === 'mine') {
    rows = await repo.needsOfResident(ctx.db, actor.userId, f);
  } else if (q.view === 'team') {
    const volunteerId = await volunteerIdOf(ctx.db, actor);
    rows = volunteerId ? await repo.needsOfTeams(ctx.db, volunteerId, f) : [];
  } else {
    let regions = await reviewRegions(ctx.db, actor);
    if (q.regionCode !== undefined) {
      if (regions !== null && !(await regionUnderAny(ctx.db, regions, q.regionCode))) {
        throw forbidden('You do not review the needs of that region');
      }
      regions = [q.regionCode];
    }
    if (regions !== null && regions.length === 0)
      throw forbidden('Only site managers and region admins see the needs board');
    rows = await repo.needsInRegions(ctx.db, regions, f);
  }
  const { items, nextCursor } = pageOf(rows, q.limit, (last): Record<string, string> =>
    q.sort === 'due' ? { id: last.id, due: last.due_at ?? repo.NOTHING_DUE } : { id: last.id },
  );
  const out: Need[] = [];
  for (const n of items) {
    const s = await sightOf(ctx.db, actor, n);
    if (s) out.push(await present(ctx, n, s));
  }
  return { items: out, nextCursor };
}

/** The resident complains about a need done (or rated): kept on its timeline, the reviewers are told. */
export async function complainNeed(ctx: Ctx, actor: Actor, id: string, text: string) {
  const { s } = await loadFor(ctx, actor, id);
  if (!s.resident) throw forbidden('Only the resident who posted the need may complain about it');
  if (await repo.hasEvent(ctx.db, id, 'complained')) {
    throw refusal('CONFLICT', 'need_complained', 'A complaint about this need was made already');
  }
  return step(ctx, actor, id, {
    allowed: (x) => x.resident,
    from: ['completed', 'rated'],
    kind: 'complained',
    details: { text },
    notice: { step: 'complained' },
  });
}
