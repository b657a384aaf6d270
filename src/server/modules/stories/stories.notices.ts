// Notices at each step of a story's review, through the platform's notifications: the text is
// rendered in each recipient's language (templates.ts, `story_update`).
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../platform/access/policy.js';
import { notify } from '../../platform/notify/notify.js';
import type { StoryNoticeStep } from '../../platform/notify/templates.js';
import * as repo from './stories.repository.js';

type Told = Pick<repo.StoryFull, 'id' | 'title' | 'organisation_name' | 'created_by'> &
  Pick<repo.StoryFull, 'organisation_parent_id' | 'organisation_region_code'>;

async function tell(
  trx: Transaction<DB>,
  to: readonly string[],
  s: Told,
  step: StoryNoticeStep,
  o: { by: Actor; at: string; reason?: string | null },
): Promise<void> {
  for (const userId of to) {
    // Never the one who took the step.
    if (userId === o.by.userId) continue;
    await notify(
      trx,
      {
        userId,
        kind: 'story_update',
        params: { step, title: s.title, organisationName: s.organisation_name, reason: o.reason ?? null },
        data: { storyId: s.id, step },
      },
      { now: o.at },
    );
  }
}

/** A story sent for review: its reviewers are told (the parent organisation's admins, or the region's). */
export async function noticeSubmitted(trx: Transaction<DB>, s: Told, by: Actor, at: string): Promise<void> {
  await tell(trx, await repo.reviewersToTell(trx, s), s, 'submitted', { by, at });
}

/** A story approved or returned (`reason` set): its writer is told. */
export async function noticeReview(
  trx: Transaction<DB>,
  s: Told,
  by: Actor,
  at: string,
  reason: string | null,
): Promise<void> {
  await tell(trx, [s.created_by], s, reason === null ? 'approved' : 'returned', { by, at, reason });
}
