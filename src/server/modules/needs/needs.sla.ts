// Service times (SLA) of residents' needs: how long each step may take, per region, and when a
// need's current step is due.
import type { NeedSla, NeedSlaTimes } from '../../../common/contract/needs.js';
import { forbidden, notFound } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import type { NeedStatus } from '../../db/schema.js';
import { nowIso } from '../../ids.js';
import { regionUnderAny } from '../../platform/access/access.repository.js';
import { isSystemAdmin, scopesOf, type Actor } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { regionByCode } from '../regions/index.js';
import * as repo from './needs.sla.repository.js';
import { reviews } from './needs.view.js';

const HOUR = 60;

/** The times when no region, not even the city, has set its own. */
export const DEFAULT_NEED_SLA: NeedSlaTimes = {
  reviewMinutes: 24 * HOUR,
  dispatchMinutes: 24 * HOUR,
  takeMinutes: 48 * HOUR,
  doneMinutes: 7 * 24 * HOUR,
};

const KEYS = ['reviewMinutes', 'dispatchMinutes', 'takeMinutes', 'doneMinutes'] as const;
const COLUMN = {
  reviewMinutes: 'review_minutes',
  dispatchMinutes: 'dispatch_minutes',
  takeMinutes: 'take_minutes',
  doneMinutes: 'done_minutes',
} as const;

/** Which time runs while a need stands in each status; none once nothing is waited for. */
const WAITING: Partial<Record<NeedStatus, (typeof KEYS)[number]>> = {
  posted: 'reviewMinutes',
  accepted: 'dispatchMinutes',
  dispatched: 'takeMinutes',
  taken: 'doneMinutes',
};

async function resolve(db: Db, regionCode: string) {
  const chain = await repo.slaChain(db, regionCode);
  const effective = { ...DEFAULT_NEED_SLA };
  const from: Record<(typeof KEYS)[number], string | null> = {
    reviewMinutes: null,
    dispatchMinutes: null,
    takeMinutes: null,
    doneMinutes: null,
  };
  for (const key of KEYS) {
    const holder = chain.find((r) => r[COLUMN[key]] !== null);
    if (holder) {
      effective[key] = holder[COLUMN[key]] as number;
      from[key] = holder.region_code;
    }
  }
  const mine = chain.find((r) => r.depth === 0);
  const own = Object.fromEntries(KEYS.map((k) => [k, mine?.[COLUMN[k]] ?? null])) as NeedSla['own'];
  return { effective, from, own };
}

/** When a need entering `status` at `since` is due in its region; null when the status waits on nobody. */
export async function dueAtFor(db: Db, regionCode: string, status: NeedStatus, since: string): Promise<string | null> {
  const key = WAITING[status];
  if (!key) return null;
  const { effective } = await resolve(db, regionCode);
  return new Date(Date.parse(since) + effective[key] * 60_000).toISOString();
}

async function regionOrThrow(db: Db, code: string) {
  const region = await regionByCode(db, code);
  if (!region) throw notFound('Region');
  return region;
}

/** A region's service times: for those who review its needs. */
export async function getNeedSla(db: Db, actor: Actor, code: string): Promise<NeedSla> {
  const region = await regionOrThrow(db, code);
  if (!(await reviews(db, actor, code))) throw forbidden('You do not review the needs of that region');
  return { regionCode: region.code, regionName: region.name, ...(await resolve(db, code)) };
}

/** Sets a region's own times: region admins over it (the city's admins set the city default). */
export async function putNeedSla(
  db: Db,
  actor: Actor,
  code: string,
  b: Partial<Record<(typeof KEYS)[number], number | null>>,
): Promise<NeedSla> {
  await regionOrThrow(db, code);
  const mayset = isSystemAdmin(actor) || (await regionUnderAny(db, scopesOf(actor, ['region_admin'], 'region'), code));
  if (!mayset) throw forbidden('Only the admins of the region or above set its service times');
  const row = {
    region_code: code,
    review_minutes: b.reviewMinutes ?? null,
    dispatch_minutes: b.dispatchMinutes ?? null,
    take_minutes: b.takeMinutes ?? null,
    done_minutes: b.doneMinutes ?? null,
    updated_at: nowIso(),
    updated_by: actor.userId,
  };
  await db.transaction().execute(async (trx) => {
    await repo.putSla(trx, row);
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'need.sla',
      entityType: 'region',
      entityId: code,
      details: Object.fromEntries(KEYS.map((k) => [k, b[k] ?? null])),
      regionCode: code,
    });
  });
  return getNeedSla(db, actor, code);
}
