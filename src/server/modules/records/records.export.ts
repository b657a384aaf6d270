import type { RecordExportQuery } from '../../../common/contract/records.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { requireOrganiserOf } from './records.access.js';
import * as repo from './records.repository.js';

/** Rows fetched per query while streaming, so a year of records never sits in memory. */
const BATCH = 500;

/** What the records export writes (the exports module words the file). */
export interface RecordsForExport {
  timeZone: string;
  rows: AsyncIterable<repo.ListedRecordRow>;
}

/**
 * An organisation's records for its .xlsx, filtered as its records page is, newest first. Organisers
 * of the organisation only; each export is audited with its filters (never a name typed in them).
 * The checks and the audit entry come before the first row, so a refusal is still a 4xx.
 */
export async function recordsForExport(db: Db, actor: Actor, q: RecordExportQuery): Promise<RecordsForExport> {
  await requireOrganiserOf(db, actor, q.organisationId, 'Organisation');
  const { timeZone } = await getSettings(db);
  await appendAudit(db, {
    actorUserId: actor.userId,
    action: 'record.export',
    entityType: 'organisation',
    entityId: q.organisationId,
    details: {
      status: q.status ?? null,
      activityId: q.activityId ?? null,
      from: q.from ?? null,
      to: q.to ?? null,
      byVolunteer: q.volunteer !== undefined,
    },
  });
  const filter: repo.RecordFilter = {
    organisationUnder: q.organisationId,
    status: q.status,
    activityId: q.activityId,
    from: q.from,
    to: q.to,
    volunteer: q.volunteer,
  };
  async function* rows(): AsyncGenerator<repo.ListedRecordRow> {
    let before: string | undefined;
    for (;;) {
      const page = await repo.listRecords(db, filter, before, BATCH);
      yield* page;
      if (page.length < BATCH) return;
      before = page[page.length - 1]?.id;
    }
  }
  return { timeZone, rows: rows() };
}
