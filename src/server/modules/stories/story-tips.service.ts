// Story tips (线索): anyone sends one, limited per address; it lands with the organisation for its
// region (the nearest region at or above it that has one; there, the organisation highest in the
// tree). The contact is personal data: encrypted at rest, shown only to that organisation's
// admins, every read audited, never logged.
import type { z } from 'zod';
import type { DecideTipBody, SendTipBody, StoryTip, TipQuery } from '../../../common/contract/stories.js';
import { notFound, rateLimited, ruleBroken } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../ids.js';
import { decodeCursor, pageOf } from '../../pagination.js';
import { Policy, type Actor } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { inTransaction } from '../../platform/db.js';
import { regionExists } from './stories.repository.js';
import * as repo from './story-tips.repository.js';
import { requireStoryAdmin, storyScopes } from './stories.view.js';

/** Tips one address may send in an hour: enough for a neighbourhood, too few to flood an inbox. */
export const TIPS_PER_ADDRESS_HOUR = 10;
const HOUR_MS = 3_600_000;

type Ctx = Pick<AppContext, 'cipher' | 'limiter'> & { db: Db };

export async function sendTip(ctx: Ctx, actor: Actor | null, b: z.infer<typeof SendTipBody>, address: string) {
  if (!(await regionExists(ctx.db, b.regionCode))) throw ruleBroken('regionCode', 'no_such_region', 'no such region');
  const org = await repo.organisationForRegion(ctx.db, b.regionCode);
  if (!org)
    throw ruleBroken('regionCode', 'story_tip_no_organisation', 'no organisation receives tips for that region');
  if (!(await ctx.limiter.take(`tip:addr:${address}`, TIPS_PER_ADDRESS_HOUR, HOUR_MS)))
    throw rateLimited('Too many tips from here; try again in an hour', HOUR_MS / 1000);
  const id = newId();
  const contact = b.contact?.trim();
  await inTransaction(ctx.db, async (trx) => {
    await repo.insertTip(trx, {
      id,
      organisation_id: org.id,
      region_code: b.regionCode,
      text: b.text,
      contact_enc: contact ? ctx.cipher.encrypt(contact) : null,
      status: 'new',
      sent_by: actor?.userId ?? null,
      created_at: nowIso(),
      decided_by: null,
      decided_at: null,
    });
    await appendAudit(trx, {
      actorUserId: actor?.userId ?? null,
      action: 'story_tip.send',
      entityType: 'story_tip',
      entityId: id,
      details: { organisationId: org.id, withContact: !!contact },
      regionCode: b.regionCode,
    });
  });
  return { id, organisationName: org.name };
}

const present = (ctx: Ctx, t: repo.TipRow): StoryTip => ({
  id: t.id,
  organisationId: t.organisation_id,
  organisationName: t.organisation_name,
  regionCode: t.region_code,
  regionName: t.region_name,
  text: t.text,
  contact: t.contact_enc ? ctx.cipher.decrypt(t.contact_enc) : null,
  status: t.status,
  createdAt: t.created_at,
  decidedAt: t.decided_at,
});

/** The inbox of the organisations the actor administers; each contact shown is an audited read. */
export async function listTips(ctx: Ctx, actor: Actor, q: z.infer<typeof TipQuery>) {
  requireStoryAdmin(actor);
  const after = q.cursor ? decodeTipCursor(q.cursor) : undefined;
  const rows = await repo.listTips(ctx.db, storyScopes(actor), q.status, after, q.limit);
  const p = pageOf(rows, q.limit, (r) => ({ id: r.id }));
  await auditContacts(ctx.db, actor, p.items);
  return { items: p.items.map((t) => present(ctx, t)), nextCursor: p.nextCursor };
}

const decodeTipCursor = (c: string) => decodeCursor(c, { id: 'string' })?.id;

async function auditContacts(db: Db, actor: Actor, tips: repo.TipRow[]) {
  for (const t of tips.filter((x) => x.contact_enc)) {
    await appendAudit(db, {
      actorUserId: actor.userId,
      action: 'story_tip.contact_read',
      entityType: 'story_tip',
      entityId: t.id,
      regionCode: t.region_code,
    });
  }
}

/** Marks a tip used or dismissed: the receiving organisation's admins only (404 for anyone else). */
export async function decideTip(ctx: Ctx, actor: Actor, id: string, b: z.infer<typeof DecideTipBody>) {
  const tip = await repo.tipById(ctx.db, id);
  if (!tip || !(await new Policy(ctx.db).adminsOrganisation(actor, tip.organisation_id))) throw notFound('Tip');
  await inTransaction(ctx.db, async (trx) => {
    await repo.decideTip(trx, id, { status: b.status, decided_by: actor.userId, decided_at: nowIso() });
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: `story_tip.${b.status}`,
      entityType: 'story_tip',
      entityId: id,
      regionCode: tip.region_code,
    });
    await auditContacts(trx, actor, [tip]);
  });
  const after = await repo.tipById(ctx.db, id);
  return present(ctx, after ?? tip);
}
