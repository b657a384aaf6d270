import type { z } from 'zod';
import { EarningBreakdownSchema, type PointStatement } from '../../../common/contract/points.js';
import { notFound } from '../../../common/errors.js';
import type { Db } from '../../db/database.js';
import { decodeCursor, pageOf } from '../../pagination.js';
import { Policy, type Actor } from '../../platform/access/policy.js';
import { auditPersonalRead } from '../../platform/audit/audit.repository.js';
import { balanceOf, walletOf } from './ledger.js';
import * as repo from './statements.repository.js';

type Statement = z.infer<typeof PointStatement>;

/** A volunteer's points history, newest first, each item with the balance after it. */
export async function statementOf(
  db: Db,
  actor: Actor,
  volunteerId: string,
  q: { cursor?: string | undefined; limit: number },
): Promise<Statement> {
  // Points are the person's own business and their region's: a membership does not show them.
  const sight = await new Policy(db).sightOf(actor, volunteerId);
  if (sight === null || sight.kind === 'membership') throw notFound('Volunteer');
  if (sight.kind === 'duty') await auditPersonalRead(db, actor.userId, volunteerId, 'points');
  const seq = decodeCursor(q.cursor, { seq: 'int' })?.seq ?? null;
  const rows = await repo.walletEntries(db, volunteerId, seq, q.limit + 1);
  const { items, nextCursor } = pageOf(rows, q.limit, (last) => ({ seq: Number(last.seq) }));
  return {
    balance: await balanceOf(db, walletOf(volunteerId)),
    items: items.map((r) => ({
      id: r.id,
      kind: r.kind,
      amount: Number(r.amount),
      at: r.created_at,
      memo: r.memo,
      earning: breakdownOf(r.breakdown),
      balanceAfter: Number(r.balance_after),
      expiresAt: Number(r.amount) > 0 ? r.expires_at : null,
    })),
    nextCursor,
  };
}

/** The stored breakdown, or null when there is none or it does not read as one (never a 500 for a statement). */
function breakdownOf(json: string | null): Statement['items'][number]['earning'] {
  if (!json) return null;
  try {
    const parsed = EarningBreakdownSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
