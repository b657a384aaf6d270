import { AppError, notFound, refusal, rateLimited } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import { nowIso } from '../../ids.js';
import type { Actor } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { verifyPassword } from '../../platform/passwords.js';
import { eraseCertificateHolder } from '../certificates/index.js';
import { forgetFiles, removeStored, type FilesLog } from '../files/index.js';
import { photosOfClosingAccount } from '../needs/index.js';
import { photosOfClosingReporter } from '../reports/index.js';
import { cancelSignup } from '../signups/index.js';
import * as repo from './closure.repository.js';
import { membershipsEnded, volunteerCounted } from '../stats/index.js';

const WRONG_PER_WINDOW = 5;
const WINDOW_MS = 15 * 60_000;

/**
 * A person closes their account, confirming with their password. Places they hold on shifts
 * to come are given back first (the wait-list moves up); then, in one transaction, their name,
 * ID number, phone, e-mail, skills, qualifications, notices, roles and logins are erased, and
 * the photos on their needs (with those they uploaded as a taker and never attached) and on their
 * reports (with the position they gave) forgotten;
 * the photos' bytes are removed once that has committed (a failure is logged, the closure stands).
 * Service records, hours, points and statistics stay, as proof that cannot name them.
 */
export async function closeAccount(
  ctx: Pick<AppContext, 'database' | 'limiter' | 'files'>,
  actor: Actor,
  currentPassword: string,
  log?: FilesLog,
): Promise<void> {
  const db = ctx.database.db;
  const account = await repo.accountOf(db, actor.userId);
  if (!account || account.status === 'closed') throw notFound('Account');
  const key = `close:${actor.userId}`;
  if (await ctx.limiter.blocked(key, WRONG_PER_WINDOW, WINDOW_MS)) {
    throw rateLimited('Too many wrong passwords; wait 15 minutes and try again', WINDOW_MS / 1000);
  }
  if (!(await verifyPassword(account.password_hash, currentPassword))) {
    await ctx.limiter.hit(key, WINDOW_MS);
    throw new AppError('WRONG_PASSWORD', 'currentPassword: the current password is wrong', {
      field: 'body.currentPassword',
    });
  }
  await ctx.limiter.reset(key);
  // Someone who administers others hands that over first: a city must not lose its last admin.
  const duties = await repo.dutiesOf(db, actor.userId);
  if (duties.length) {
    throw refusal(
      'CONFLICT',
      'duties_held',
      `Hand over your roles (${[...new Set(duties)].join(', ')}) before closing the account`,
      {
        roles: [...new Set(duties)],
      },
    );
  }
  const volunteerId = account.volunteer_id;
  if (volunteerId) {
    for (const s of await repo.openSignupsAhead(db, volunteerId, nowIso())) await cancelSignup(db, actor, s.id);
  }
  const at = nowIso();
  const storedKeys = await db.transaction().execute(async (trx) => {
    if (volunteerId) {
      await volunteerCounted(trx, volunteerId, -1);
      await membershipsEnded(trx, volunteerId);
      await repo.eraseVolunteer(trx, volunteerId, at);
    }
    await repo.eraseUser(trx, actor.userId, account.phone_hash, at);
    await eraseCertificateHolder(trx, actor.userId, volunteerId ?? null);
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'user.close',
      entityType: 'user',
      entityId: actor.userId,
      details: volunteerId ? { volunteerId } : {},
    });
    const photos = [
      ...(await photosOfClosingAccount(trx, actor.userId)),
      ...(await photosOfClosingReporter(trx, actor.userId, at)),
    ];
    return forgetFiles(trx, photos);
  });
  await removeStored(ctx.files, storedKeys, log);
}
