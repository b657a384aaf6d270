import { isTrivialPin, PIN_LOCK_MINUTES, PIN_MAX_FAILURES } from '../../../common/contract/counter-pin.js';
import { AppError, forbidden, ruleBroken } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import { PHONE_NAMESPACE } from '../../crypto.js';
import { inTransaction } from '../../platform/db.js';
import type { Actor } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { dummyHash, hashPassword, verifyPassword } from '../../platform/passwords.js';
import * as repo from './pin.repository.js';
import { volunteerIdOf } from './volunteers.repository.js';

/** How a volunteer without a smartphone names themselves at a counter: volunteer code or phone. */
export interface CounterLogin {
  volunteerCode?: string;
  phone?: string;
}

/** The one refusal for every PIN that does not open, whoever was named: no oracle of who is registered. */
export const pinRefused = (): AppError =>
  new AppError(
    'PIN_REFUSED',
    `The volunteer code or phone and the counter PIN do not match, or the PIN is locked after ${PIN_MAX_FAILURES} ` +
      `wrong tries in a row (for ${PIN_LOCK_MINUTES} minutes, or until the volunteer sets a new PIN)`,
  );

/**
 * The volunteer sets or replaces their counter PIN. Only an argon2id hash is kept; a new PIN
 * ends a lock and the run of wrong tries. The audit entry says that it changed, never the PIN.
 */
export async function setMyPin(ctx: AppContext, actor: Actor, pin: string): Promise<void> {
  const db = ctx.database.db;
  const volunteerId = await volunteerIdOf(db, actor);
  if (!volunteerId) throw forbidden('Only volunteers have a counter PIN');
  if (isTrivialPin(pin)) {
    throw ruleBroken(
      'body.pin',
      'trivial',
      'too easy to guess: one digit repeated, or digits running straight up or down',
    );
  }
  const pinHash = await hashPassword(pin);
  await inTransaction(db, async (trx) => {
    const at = new Date().toISOString();
    const replaced = await repo.putPin(trx, volunteerId, pinHash, at);
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'volunteer.counter_pin_set',
      entityType: 'volunteer',
      entityId: volunteerId,
      details: { replaced },
    });
  });
}

/** The volunteer a volunteer code or phone names, without any PIN: only to compare with one already known. */
export async function volunteerOfCounterLogin(ctx: AppContext, who: CounterLogin): Promise<string | undefined> {
  const db = ctx.database.db;
  if (who.volunteerCode !== undefined) return repo.volunteerIdByCode(db, who.volunteerCode.trim().toUpperCase());
  if (who.phone !== undefined)
    return repo.volunteerIdByPhoneHash(db, ctx.cipher.lookupHash(PHONE_NAMESPACE, who.phone));
  return undefined;
}

/**
 * The volunteer a volunteer code or phone and counter PIN name, or PIN_REFUSED. A wrong PIN is
 * counted at once, outside any transaction it would have opened, and the PIN locks after
 * PIN_MAX_FAILURES in a row. Unknown people, people without a PIN and locked PINs cost one hash
 * check too, so neither the answer nor its time tells who is registered.
 */
export async function openCounterPin(ctx: AppContext, who: CounterLogin, pin: string): Promise<string> {
  const db = ctx.database.db;
  const volunteerId = await volunteerOfCounterLogin(ctx, who);
  const row = volunteerId ? await repo.pinOf(db, volunteerId) : undefined;
  const now = Date.now();
  const locked = !!row?.locked_until && Date.parse(row.locked_until) > now;
  if (!volunteerId || !row || locked) {
    await verifyPassword(await dummyHash(), pin);
    throw pinRefused();
  }
  if (!(await verifyPassword(row.pin_hash, pin))) {
    await repo.countFailure(db, volunteerId, {
      now: new Date(now).toISOString(),
      maxFailures: PIN_MAX_FAILURES,
      lockUntil: new Date(now + PIN_LOCK_MINUTES * 60_000).toISOString(),
    });
    throw pinRefused();
  }
  if (row.failures > 0) await repo.clearFailures(db, volunteerId);
  return volunteerId;
}
