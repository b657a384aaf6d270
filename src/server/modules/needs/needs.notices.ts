// Notices to the next person at each step of a need, through the platform's notifications: the
// text is rendered in each recipient's language (need-words.ts).
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { NeedNoticeStep } from '../../platform/notify/need-words.js';
import { notify } from '../../platform/notify/notify.js';
import * as repo from './needs.repository.js';

/** Tells those the step hands the need to: the reviewers, the team, or the resident (never the one who took the step). */
export async function noticeStep(
  trx: Transaction<DB>,
  n: repo.NeedRow,
  step: NeedNoticeStep,
  o: { byUserId: string; at: string; organisationId?: string | null; reason?: string | null },
): Promise<void> {
  let to: string[];
  if (step === 'posted' || step === 'complained') to = await repo.reviewersOf(trx, n.region_code);
  else if (step === 'dispatched') to = o.organisationId ? await repo.memberUsersOf(trx, o.organisationId) : [];
  else to = [n.resident_user_id];
  const names = await repo.needTypeNames(trx, n.type);
  for (const userId of to) {
    if (userId === o.byUserId) continue;
    await notify(
      trx,
      {
        userId,
        kind: 'need_update',
        params: {
          step,
          typeZh: names?.name_zh ?? n.type,
          typeEn: names?.name_en ?? n.type,
          regionName: n.region_name,
          reason: o.reason ?? null,
        },
        data: { needId: n.id, step },
      },
      { now: o.at },
    );
  }
}
