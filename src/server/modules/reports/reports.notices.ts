// Notices at each step of a report, through the platform's notifications: the text is rendered
// in each recipient's language (report-words.ts).
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { notify } from '../../platform/notify/notify.js';
import type { ReportNoticeStep } from '../../platform/notify/report-words.js';
import { organisationById } from '../organisations/index.js';
import * as repo from './reports.repository.js';

/**
 * Tells those a step concerns, never the one who took it: the reporter of where it went, the
 * organisation it lands with, or — without one — the region admins whose queue it waits in.
 */
export async function noticeStep(
  trx: Transaction<DB>,
  r: repo.ReportRow,
  step: Exclude<ReportNoticeStep, 'landed'>,
  o: { byUserId: string; at: string; organisationId?: string | null; note?: string | null },
): Promise<void> {
  const org = o.organisationId ? await organisationById(trx, o.organisationId) : undefined;
  const told: [string[], ReportNoticeStep][] = [];
  if (step === 'unrouted') told.push([await repo.regionAdminsOver(trx, r.region_code), 'unrouted']);
  else told.push([[r.reporter_user_id], step]);
  if ((step === 'routed' || step === 'forwarded') && org) {
    told.push([await repo.organisationAdmins(trx, org.id), 'landed']);
  }
  for (const [to, words] of told) {
    for (const userId of to) {
      if (userId === o.byUserId) continue;
      await notify(
        trx,
        {
          userId,
          kind: 'report_update',
          params: {
            step: words,
            category: r.category,
            regionName: r.region_name,
            organisationName: org?.name ?? null,
            note: words === 'handled' || words === 'rejected' ? (o.note ?? null) : null,
          },
          data: { reportId: r.id, step: words },
        },
        { now: o.at },
      );
    }
  }
}
