import { createHash, randomBytes } from 'node:crypto';
import { forbidden, notFound } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../ids.js';
import type { Actor } from '../../platform/access/policy.js';
import * as repo from './calendar.repository.js';
import { writeCalendar, type IcsEvent } from './ics.js';

/** Cancelled and past events stay in the feed this long, so subscribed calendars see them go. */
export const KEEP_PAST_MS = 30 * 24 * 60 * 60_000;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

/** The subscription path of a token; the token is the only credential, so it is never logged. */
export const feedPath = (token: string): string => `/api/v1/calendar/${token}.ics`;

async function requireVolunteer(db: Db, actor: Actor) {
  const v = await repo.volunteerOfUser(db, actor.userId);
  if (!v) throw forbidden('Only volunteers have a shift calendar');
  return v;
}

async function newFeed(ctx: Pick<AppContext, 'cipher'>, volunteerId: string) {
  const token = randomBytes(32).toString('base64url');
  return {
    token,
    row: {
      volunteer_id: volunteerId,
      token_hash: hashToken(token),
      token_enc: ctx.cipher.encrypt(token),
      created_at: nowIso(),
    },
  };
}

/**
 * The caller's subscription URL: made on first request, then the same one each time (the
 * token is kept encrypted for that; look-ups go by its hash).
 */
export async function calendarUrl(ctx: Pick<AppContext, 'cipher'>, db: Db, actor: Actor, origin: string) {
  const v = await requireVolunteer(db, actor);
  let feed = await repo.feedOf(db, v.id);
  if (!feed) {
    await repo.insertFeed(db, (await newFeed(ctx, v.id)).row);
    feed = await repo.feedOf(db, v.id);
    if (!feed) throw notFound('Calendar');
  }
  return { url: origin + feedPath(ctx.cipher.decrypt(feed.token_enc)) };
}

/** A new token for the caller: the old URL answers 404 from now on. */
export async function resetCalendar(ctx: Pick<AppContext, 'cipher'>, db: Db, actor: Actor, origin: string) {
  const v = await requireVolunteer(db, actor);
  const { token, row } = await newFeed(ctx, v.id);
  if (await repo.feedOf(db, v.id)) await repo.replaceFeed(db, row);
  else await repo.insertFeed(db, row);
  const feed = await repo.feedOf(db, v.id);
  return { url: origin + feedPath(feed ? ctx.cipher.decrypt(feed.token_enc) : token) };
}

const LABELS = {
  'zh-CN': {
    name: '善美志愿服务班次',
    waitlisted: '（候补）',
    applied: '（待审核）',
    cancelled: '已取消：',
    by: '组织方',
  },
  en: {
    name: 'Shanmei volunteer shifts',
    waitlisted: ' (wait-listed)',
    applied: ' (awaiting approval)',
    cancelled: 'Cancelled: ',
    by: 'Organiser',
  },
} as const;

const CANCELLED_SIGNUPS = new Set(['cancelled', 'rejected']);

function eventOf(r: repo.FeedRow, locale: keyof typeof LABELS): Omit<IcsEvent, 'stamp' | 'sequence' | 'lastModified'> {
  const l = LABELS[locale];
  const cancelled =
    CANCELLED_SIGNUPS.has(r.signupStatus) || r.activityStatus === 'cancelled' || r.shiftStatus === 'cancelled';
  const suffix = r.signupStatus === 'waitlisted' ? l.waitlisted : r.signupStatus === 'applied' ? l.applied : '';
  return {
    uid: `${r.signupId}@shanmei`,
    start: r.shiftStart,
    end: r.shiftEnd,
    summary: `${cancelled ? l.cancelled : ''}${r.activityTitle}${suffix}`,
    description: `${l.by}: ${r.organisationName}`,
    location: r.address,
    geo: { lat: r.lat, lng: r.lng },
    status: cancelled ? 'CANCELLED' : suffix ? 'TENTATIVE' : 'CONFIRMED',
  };
}

const fingerprintOf = (e: object): string => createHash('sha256').update(JSON.stringify(e)).digest('base64url');

/**
 * The iCalendar text for a token, or a 404. Every sign-up whose shift ended less than 30
 * days ago is an event with a stable UID; cancelled sign-ups, shifts and activities stay as
 * STATUS:CANCELLED for those 30 days. SEQUENCE and LAST-MODIFIED move whenever what the
 * event shows changes, whoever changed it: the feed compares each event with the version it
 * last served.
 */
export async function feedForToken(db: Db, token: string, now = nowIso()): Promise<string> {
  const feed = await repo.feedByTokenHash(db, hashToken(token));
  if (!feed) throw notFound('Calendar');
  const locale = feed.locale === 'en' ? 'en' : 'zh-CN';
  const rows = await repo.feedRows(db, feed.volunteerId, new Date(Date.parse(now) - KEEP_PAST_MS).toISOString());
  const versions = new Map(
    (
      await repo.versionsOf(
        db,
        rows.map((r) => r.signupId),
      )
    ).map((v) => [v.signup_id, v]),
  );
  const events: IcsEvent[] = [];
  for (const r of rows) {
    const e = eventOf(r, locale);
    const fingerprint = fingerprintOf(e);
    const seen = versions.get(r.signupId);
    let version = seen;
    if (!seen) {
      version = { signup_id: r.signupId, fingerprint, sequence: 0, modified_at: now };
      await repo.insertVersion(db, version);
    } else if (seen.fingerprint !== fingerprint) {
      version = { signup_id: r.signupId, fingerprint, sequence: seen.sequence + 1, modified_at: now };
      await repo.bumpVersion(db, version, seen.fingerprint);
    }
    events.push({ ...e, stamp: now, sequence: version?.sequence ?? 0, lastModified: version?.modified_at ?? now });
  }
  return writeCalendar({ name: LABELS[locale].name, events });
}
