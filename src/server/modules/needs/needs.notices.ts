// Notices to the next person at each step of a need, through the platform's notifications: the
// text is rendered in each recipient's language (need-words.ts).
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { NeedNoticeStep } from '../../platform/notify/need-words.js';
import { notify } from '../../platform/notify/notify.js';
import * as repo from './needs.repository.js';

/** Those the need was in the hands of: its team's members and its taker (who may have left the team). */
async function handlers(trx: Transaction<DB>, n: repo.NeedRow, withTeam: boolean): Promise<string[]> {
  const team = withTeam && n.organisation_id ? await repo.memberUsersOf(trx, n.organisation_id) : [];
  const taker = n.taker_volunteer_id ? await repo.userOfVolunteer(trx, n.taker_volunteer_id) : undefined;
  return [...new Set([...(taker ? [taker] : []), ...team])];
}

/**
 * Tells those the step hands the need to: the reviewers, the team, or the resident (never the one
 * who took the step). `n` is the need as it stood before the step: a re-dispatch also tells the
 * team it leaves and the taker it releases, a cancellation the team and the taker.
 */
export async function noticeStep(
  trx: Transaction<DB>,
  n: repo.NeedRow,
  step: NeedNoticeStep,
  o: { byUserId: string; at: string; organisationId?: string | null; reason?: string | null },
): Promise<void> {
  const told: [string[], NeedNoticeStep][] = [];
  if (step === 'posted' || step === 'complained') told.push([await repo.reviewersOf(trx, n.region_code), step]);
  else if (step === 'dispatched') {
    const released = await handlers(trx, n, n.organisation_id !== o.organisationId);
    told.push([released, 'redispatched']);
    const team = o.organisationId ? await repo.memberUsersOf(trx, o.organisationId) : [];
    told.push([team.filter((u) => !released.includes(u)), step]);
  } else if (step === 'cancelled') {
    told.push([[n.resident_user_id], step], [await handlers(trx, n, true), 'team_cancelled']);
  } else told.push([[n.resident_user_id], step]);
  const names = await repo.needTypeNames(trx, n.type);
  for (const [to, words] of told) {
    for (const userId of to) {
      if (userId === o.byUserId) continue;
      await notify(
        trx,
        {
          userId,
          kind: 'need_update',
          params: {
            step: words,
            typeZh: names?.name_zh ?? n.type,
            typeEn: names?.name_en ?? n.type,
            regionName: n.region_name,
            reason: o.reason ?? null,
          },
          data: { needId: n.id, step: words },
        },
        { now: o.at },
      );
    }
  }
}
