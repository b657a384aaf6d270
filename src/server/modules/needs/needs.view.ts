import type { Need } from '../../../common/contract/needs.js';
import { notFound } from '../../../common/errors.js';
import type { PersonalDataCipher } from '../../crypto.js';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../ids.js';
import { regionUnderAny } from '../../platform/access/access.repository.js';
import { isSystemAdmin, scopesOf, type Actor } from '../../platform/access/policy.js';
import { volunteerIdOf } from '../volunteers/index.js';
import { photosOf } from './needs.photos.js';
import * as repo from './needs.repository.js';

export interface Ctx {
  db: Db;
  cipher: PersonalDataCipher;
}

/** The regions whose needs the actor reviews and dispatches: region admins' and their sites' (site managers); null for all. */
export async function reviewRegions(db: Db, actor: Actor): Promise<string[] | null> {
  if (isSystemAdmin(actor)) return null;
  const sites = await repo.regionsOfSites(db, scopesOf(actor, ['site_manager'], 'site'));
  return [...new Set([...scopesOf(actor, ['region_admin'], 'region'), ...sites])];
}

/** The site the actor manages that a need in this region falls to (the nearest above it); undefined if none. */
export async function handlingSite(db: Db, actor: Actor, regionCode: string): Promise<string | undefined> {
  return repo.siteCovering(db, scopesOf(actor, ['site_manager'], 'site'), regionCode);
}

/**
 * The needs board's to-dos for the workbench: over the regions the person reviews, the needs
 * awaiting review, those still on their way, and those whose current step is overdue. Null for
 * someone who reviews no needs.
 */
export async function needsToDo(db: Db, actor: Actor, now: string) {
  const regions = await reviewRegions(db, actor);
  if (regions !== null && regions.length === 0) return null;
  return repo.countOpenNeedsInRegions(db, regions, now);
}

export async function reviews(db: Db, actor: Actor, regionCode: string): Promise<boolean> {
  const regions = await reviewRegions(db, actor);
  return regions === null || regionUnderAny(db, regions, regionCode);
}

export type Sight = { resident: boolean; reviewer: boolean; taker: boolean; team: boolean };

/** How the actor sees a need; null when not at all (answered 404, so its existence is not told). */
export async function sightOf(db: Db, actor: Actor, n: repo.NeedRow): Promise<Sight | null> {
  const volunteerId = await volunteerIdOf(db, actor);
  const s: Sight = {
    resident: n.resident_user_id === actor.userId,
    reviewer: await reviews(db, actor, n.region_code),
    taker: volunteerId !== undefined && n.taker_volunteer_id === volunteerId,
    team:
      volunteerId !== undefined &&
      n.organisation_id !== null &&
      (await repo.isActiveMember(db, n.organisation_id, volunteerId)),
  };
  return s.resident || s.reviewer || s.taker || s.team ? s : null;
}

export async function present(ctx: Ctx, n: repo.NeedRow, s: Sight): Promise<Need> {
  // The address, the position and the phone are the resident's: for them, those who review the
  // region's needs, and the volunteer who took it. A team deciding whether to take it sees the rest.
  const close = s.resident || s.reviewer || s.taker;
  const position = close && n.position_enc ? ctx.cipher.decrypt(n.position_enc).split(',').map(Number) : null;
  // A complaint is between the resident and the admins: the team and the taker do not see it.
  const events = (await repo.eventsOf(ctx.db, n.id)).filter((e) => e.kind !== 'complained' || s.resident || s.reviewer);
  return {
    id: n.id,
    type: n.type,
    text: n.text,
    regionCode: n.region_code,
    regionName: n.region_name,
    status: n.status,
    address: close ? ctx.cipher.decrypt(n.address_enc) : null,
    position: position ? { lat: position[0] ?? 0, lng: position[1] ?? 0 } : null,
    contact: close && n.contact_enc ? ctx.cipher.decrypt(n.contact_enc) : null,
    contactMasked: n.contact_masked,
    wantedAt: n.wanted_at,
    riskAccepted: n.risk_accepted === 1,
    organisationId: n.organisation_id,
    organisationName: n.organisation_name,
    activityId: n.activity_id,
    taken: n.taker_volunteer_id !== null,
    takenByMe: s.taker,
    reason: n.reason,
    report: n.report,
    photos: photosOf(n),
    rating: n.score === null ? null : { score: n.score, comment: n.comment },
    mine: s.resident,
    createdAt: n.created_at,
    timeline: events.map((e) => ({
      kind: e.kind,
      at: e.at,
      by: e.by ?? null,
      details: JSON.parse(e.details) as Record<string, unknown>,
    })),
    dueAt: n.due_at,
    overdue: n.due_at !== null && n.due_at < nowIso(),
  };
}

export async function loadFor(ctx: Ctx, actor: Actor, id: string) {
  const n = await repo.needById(ctx.db, id);
  if (!n) throw notFound('Need');
  const s = await sightOf(ctx.db, actor, n);
  if (!s) throw notFound('Need');
  return { n, s };
}

export async function getNeed(ctx: Ctx, actor: Actor, id: string): Promise<Need> {
  const { n, s } = await loadFor(ctx, actor, id);
  return present(ctx, n, s);
}
