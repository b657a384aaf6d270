import { EXPORT_SECTION_CAP, EXPORTS_PER_HOUR, type DataExport } from '../../../common/contract/data-export.js';
import { forbidden, rateLimited } from '../../../common/errors.js';
import { birthDateOfId } from '../../../common/id-numbers.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../ids.js';
import type { Actor } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { volunteerIdOf } from '../volunteers/index.js';
import { registerOfVolunteer } from '../certificates/index.js';
import { attendanceForExport } from '../checkin/index.js';
import { honoursForExport } from '../honours/index.js';
import { getPrefs, listInbox } from '../notifications/index.js';
import { membershipsForExport } from '../organisations/index.js';
import { statementOf } from '../points/index.js';
import { listQualifications } from '../qualifications/index.js';
import { listRecordsShown } from '../records/index.js';
import { listMySignups } from '../signups/index.js';
import { myReportsForExport } from '../reports/index.js';
import { myRedemptions } from '../supermarkets/index.js';
import * as repo from './export.repository.js';
import { loadVolunteer, showVolunteer } from '../volunteers/index.js';

const HOUR_MS = 3_600_000;
/** Rows asked of a paged list at a time. */
const PAGE = 500;

type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * Walks a cursor-paged list of the caller's own (the same service the API pages with, so
 * the export shows each row as the app does) until it ends or reaches the cap.
 */
async function allPages<T>(
  fetchPage: (cursor: string | undefined, limit: number) => Promise<Page<T>>,
): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    const p = await fetchPage(cursor, Math.min(PAGE, EXPORT_SECTION_CAP - items.length));
    items.push(...p.items);
    if (!p.nextCursor) return { items, truncated: false };
    if (items.length >= EXPORT_SECTION_CAP) return { items, truncated: true };
    cursor = p.nextCursor;
  }
}

/** A capped list read in one query: one row more than the cap tells that it was cut. */
function capped<T>(rows: T[]): { items: T[]; truncated: boolean } {
  return { items: rows.slice(0, EXPORT_SECTION_CAP), truncated: rows.length > EXPORT_SECTION_CAP };
}

/**
 * The caller's own data as one document: a volunteer can export their own data.
 * Volunteers only (anyone else 403); a few per hour per account (429 after). The ID
 * number, phone and e-mail are decrypted in full because they are the person's own; the
 * document goes only into the answer, and the audit entry lists section sizes, no values.
 */
export async function exportMyData(ctx: Pick<AppContext, 'cipher' | 'limiter'>, db: Db, actor: Actor) {
  const volunteerId = await volunteerIdOf(db, actor);
  if (!volunteerId) throw forbidden('Only volunteers have volunteer data to export');
  if (!(await ctx.limiter.take(`export:${actor.userId}`, EXPORTS_PER_HOUR, HOUR_MS))) {
    throw rateLimited(`At most ${EXPORTS_PER_HOUR} exports an hour; try again later`, HOUR_MS / 1000);
  }

  const row = await loadVolunteer(db, volunteerId);
  const secret = await repo.encryptedPersonalData(db, volunteerId);
  const open = (enc: string | null | undefined) => (enc ? ctx.cipher.decrypt(enc) : null);
  const idNumber = open(secret?.id_number_enc);

  const signups = await allPages((cursor, limit) => listMySignups(db, actor, { cursor, limit }));
  const records = await allPages(async (cursor, limit) => {
    return listRecordsShown(db, actor, { cursor, limit });
  });
  let balance = 0;
  const statement = await allPages(async (cursor, limit) => {
    const s = await statementOf(db, actor, volunteerId, { cursor, limit });
    balance = s.balance;
    return s;
  });
  const redemptions = await allPages((cursor, limit) => myRedemptions(db, actor, { cursor, limit }));
  const notifications = await allPages((cursor, limit) => listInbox(db, actor, { cursor, limit }));
  const memberships = capped(await membershipsForExport(db, volunteerId, EXPORT_SECTION_CAP + 1));
  const attendance = capped(await attendanceForExport(db, volunteerId, EXPORT_SECTION_CAP + 1));
  const certificates = capped(await registerOfVolunteer(db, volunteerId, EXPORT_SECTION_CAP + 1));
  const honours = capped(await honoursForExport(db, volunteerId, EXPORT_SECTION_CAP + 1));
  const reports = await allPages((cursor, limit) =>
    myReportsForExport({ db, cipher: ctx.cipher }, actor, { cursor, limit }),
  );

  const sections = {
    memberships,
    signups,
    attendance,
    records,
    statement,
    redemptions,
    notifications,
    certificates,
    honours,
    reports,
  };
  const truncated = Object.entries(sections)
    .filter(([, s]) => s.truncated)
    .map(([name]) => name);

  const doc: DataExport = {
    about: { format: 'shanmei-export/1', exportedAt: nowIso(), sectionCap: EXPORT_SECTION_CAP, truncated },
    volunteer: {
      ...(await showVolunteer(ctx, db, row)),
      idNumber: idNumber ?? row.id_number_masked,
      birthDate: idNumber ? birthDateOfId(row.id_type, idNumber) : null,
      phone: open(secret?.phone_enc),
      email: open(secret?.email_enc),
    },
    notificationPrefs: await getPrefs(db, actor),
    memberships: memberships.items,
    signups: signups.items,
    attendance: attendance.items,
    records: records.items,
    points: { balance, statement: statement.items },
    redemptions: redemptions.items,
    notifications: notifications.items,
    qualifications: (await listQualifications(db, actor, volunteerId)).items,
    certificates: certificates.items,
    honours: honours.items,
    reports: reports.items,
  };

  await appendAudit(db, {
    actorUserId: actor.userId,
    action: 'volunteer.export',
    entityType: 'volunteer',
    entityId: volunteerId,
    details: {
      counts: Object.fromEntries(Object.entries(sections).map(([name, s]) => [name, s.items.length])),
      truncated,
    },
  });
  return { doc, filename: `shanmei-my-data-${row.volunteer_code}-${doc.about.exportedAt.slice(0, 10)}.json` };
}
