/**
 * Registering a batch of people at once (an imported register): the same checks and the same
 * stored rows as `registerVolunteer`, person by person, but read and written a batch at a time —
 * one look-up of taken ID numbers, phones and codes, one insert per table — instead of a dozen
 * statements per person. If the database still refuses the batch (someone registered online
 * between the look-up and the insert), it is undone and each person is registered on their own.
 */
import type { Transaction } from 'kysely';
import type { VolunteerStatus } from '../../../common/contract/volunteers.js';
import { AppError } from '../../../common/errors.js';
import { ageOn, chinaToday, maskIdNumber, maskPhone } from '../../../common/id-numbers.js';
import type { AppContext } from '../../context.js';
import type { DB, UsersTable, VolunteersTable } from '../../db/schema.js';
import type { Insertable } from 'kysely';
import { newId } from '../../ids.js';
import { insertGrants } from '../access/index.js';
import { appendAudits } from '../../platform/audit/audit.repository.js';
import { insertUsers } from '../auth/index.js';
import { isUniqueViolation, underSavepoint } from '../../platform/db.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { volunteersRegistered } from '../stats/index.js';
import { guardianNeed } from './minors.js';
import { registerVolunteer, type VolunteerRegistration } from './registration.service.js';
import { newVolunteerCode } from './volunteer-code.js';
import * as repo from './volunteers.repository.js';
import * as rules from './volunteers.rules.js';

/** One person of the batch, and when they registered if before now. */
export interface BulkRegistration {
  input: VolunteerRegistration;
  registeredAt?: string | undefined;
}

/** What became of one person: registered, or why not (as `registerVolunteer` would refuse). */
export type BulkOutcome =
  | { ok: true; id: string; volunteerCode: string; status: VolunteerStatus; idHash?: string }
  | {
      ok: false;
      reason: 'id_registered' | 'phone_registered' | 'guardian_required' | 'invalid';
      message: string;
      /** The ID number's keyed hash, when the batch worked it out (registered, or already held). */
      idHash?: string;
    };

const CODE_ATTEMPTS = 5;

/**
 * A turn of the event loop: the statements just issued reach the database before this thread
 * goes on with its own work (issued and not yet sent, they would wait for that work to end).
 */
const sent = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Prepared {
  at: number;
  row: { user: Insertable<UsersTable>; volunteer: Insertable<VolunteersTable> };
}

const refused = (reason: Exclude<BulkOutcome, { ok: true }>['reason'], message: string): BulkOutcome => ({
  ok: false,
  reason,
  message,
});

/**
 * Registers each person of `people` as `registerVolunteer` would with `passwordHash` (no usable
 * password) and `importedBy`, inside the caller's transaction; answers one outcome per person,
 * in order. A person already registered (or earlier in the batch) is refused, not an error.
 */
export async function registerVolunteersInBulk(
  ctx: Pick<AppContext, 'cipher'>,
  trx: Transaction<DB>,
  people: readonly BulkRegistration[],
  opts: { passwordHash: string; importedBy: string; now: string },
): Promise<BulkOutcome[]> {
  try {
    return await underSavepoint(trx, () => inOneGo(ctx, trx, people, opts));
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // A registration raced this batch past its look-ups: each person on their own, under a savepoint.
    const outcomes: BulkOutcome[] = [];
    for (const p of people) outcomes.push(await oneByOne(ctx, trx, p, opts));
    return outcomes;
  }
}

async function oneByOne(
  ctx: Pick<AppContext, 'cipher'>,
  trx: Transaction<DB>,
  p: BulkRegistration,
  opts: { passwordHash: string; importedBy: string; now: string },
): Promise<BulkOutcome> {
  try {
    const r = await underSavepoint(trx, () =>
      registerVolunteer(ctx, trx, p.input, { ...opts, ...(p.registeredAt ? { registeredAt: p.registeredAt } : {}) }),
    );
    return { ok: true, id: r.id, volunteerCode: r.volunteerCode, status: r.status };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const reason = (err.details as { reason?: string } | undefined)?.reason;
    if (reason === 'id_registered' || reason === 'phone_registered') return refused(reason, err.message);
    if (err.code === 'GUARDIAN_REQUIRED') return refused('guardian_required', err.message);
    return refused('invalid', err.message);
  }
}

async function inOneGo(
  ctx: Pick<AppContext, 'cipher'>,
  trx: Transaction<DB>,
  people: readonly BulkRegistration[],
  opts: { passwordHash: string; importedBy: string; now: string },
): Promise<BulkOutcome[]> {
  const settings = await getSettings(trx);
  const today = chinaToday(new Date(opts.now));
  const outcomes: BulkOutcome[] = new Array<BulkOutcome>(people.length);
  const checked: {
    at: number;
    p: BulkRegistration;
    id: ReturnType<typeof rules.requireIdNumber>;
    idHash: string;
    phone: string;
    phoneHash: string;
    status: VolunteerStatus;
  }[] = [];
  const regions = new Set<string>();
  const fields = new Set<string>();
  people.forEach((p, at) => {
    try {
      const id = rules.requireIdNumber(p.input.idType, p.input.idNumber, new Date(opts.now));
      const phone = rules.requirePhone(p.input.phone);
      if (!p.input.name.trim()) throw new AppError('VALIDATION_ERROR', 'name: must not be empty');
      const need = guardianNeed(id.birthDate ? ageOn(id.birthDate, today) : null, settings);
      if (need === 'at_registration') {
        outcomes[at] = refused('guardian_required', 'registers only with a guardian');
        return;
      }
      regions.add(p.input.regionCode.trim());
      for (const f of p.input.fields ?? []) fields.add(f);
      checked.push({
        at,
        p,
        id,
        idHash: ctx.cipher.lookupHash(rules.idNamespace(p.input.idType), id.normalised),
        phone,
        phoneHash: rules.phoneHash(ctx.cipher, phone),
        status: need === 'none' ? 'active' : 'pending_guardian',
      });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      outcomes[at] = refused('invalid', err.message);
    }
  });
  // Service fields rarely go beyond the defaults, which need no look-up (a refusal is the caller's bug).
  await rules.requireFields(trx, [...fields]);

  // One look-up for the batch: the regions named, the ID numbers and phones already held, and a
  // volunteer code drawn for each person checked (one drawn for someone refused below is unused).
  // While the database answers, this thread encrypts: its work and the server's overlap.
  const drawn = checked.map(() => newVolunteerCode());
  const lookup = repo.takenAmong(trx, {
    regions: [...regions],
    idHashes: checked.map((c) => c.idHash),
    phoneHashes: checked.map((c) => c.phoneHash),
    codes: drawn,
  });
  lookup.catch(() => undefined); // Awaited below; not an unhandled rejection meanwhile.
  await sent();
  const sealed = checked.map((c) => ({
    phone_enc: ctx.cipher.encrypt(c.phone),
    phone_hash: c.phoneHash,
    phone_masked: maskPhone(c.phone),
    id_number_enc: ctx.cipher.encrypt(c.id.normalised),
  }));
  const taken = await lookup;
  // Each distinct region checked once (a refusal here is the caller's bug).
  rules.requireKnownRegions([...regions], taken.regions);
  const idsTaken = taken.idHashes;
  const phonesTaken = taken.phoneHashes;
  const accepted: ((typeof checked)[number] & { sealed: (typeof sealed)[number] })[] = [];
  const acceptedCodes: string[] = [];
  checked.forEach((c, i) => {
    if (idsTaken.has(c.idHash)) {
      outcomes[c.at] = { ...refused('id_registered', 'this ID number is already registered'), idHash: c.idHash };
    } else if (phonesTaken.has(c.phoneHash)) outcomes[c.at] = refused('phone_registered', 'this phone is taken');
    else {
      // The first of the batch holding an ID or a phone takes it; a later one is refused.
      idsTaken.add(c.idHash);
      phonesTaken.add(c.phoneHash);
      accepted.push({ ...c, sealed: sealed[i] as (typeof sealed)[number] });
      acceptedCodes.push(drawn[i] as string);
    }
  });

  const codes = await freshCodes(trx, acceptedCodes, taken.codes);
  const prepared: Prepared[] = accepted.map((c, i) => {
    const userId = newId();
    const name = c.p.input.name.trim();
    const regionCode = c.p.input.regionCode.trim();
    return {
      at: c.at,
      row: {
        user: {
          id: userId,
          username: null,
          display_name: name,
          phone_enc: c.sealed.phone_enc,
          phone_hash: c.sealed.phone_hash,
          phone_masked: c.sealed.phone_masked,
          password_hash: opts.passwordHash,
          region_code: regionCode,
          locale: 'zh-CN',
          status: 'active',
          created_at: opts.now,
        },
        volunteer: {
          id: newId(),
          user_id: userId,
          volunteer_code: codes[i] as string,
          national_code: null,
          name,
          id_type: c.p.input.idType,
          id_number_enc: c.sealed.id_number_enc,
          id_number_hash: c.idHash,
          id_number_masked: maskIdNumber(c.p.input.idType, c.id.normalised),
          birth_year: c.id.birthDate ? Number(c.id.birthDate.slice(0, 4)) : null,
          gender: c.id.gender,
          region_code: regionCode,
          skills: rules.listJson(c.p.input.skills),
          fields: rules.listJson(c.p.input.fields ?? []),
          availability: rules.listJson(c.p.input.availability),
          status: c.status,
          registered_at: c.p.registeredAt ?? opts.now,
          updated_at: opts.now,
        },
      },
    };
  });
  // The writes go out one after another on the transaction's connection, each issued before the
  // next is built, so that the server stores one table while this thread builds the next one.
  const writes: Promise<unknown>[] = [];
  const issue = async (write: Promise<unknown>) => {
    write.catch(() => undefined); // Settled below, after every write has ended.
    writes.push(write);
    await sent();
  };
  await issue(
    insertUsers(
      trx,
      prepared.map((p) => p.row.user),
    ),
  );
  await issue(
    repo.insertVolunteers(
      trx,
      prepared.map((p) => p.row.volunteer),
    ),
  );
  await issue(
    insertGrants(
      trx,
      prepared.map((p) => ({
        userId: p.row.user.id,
        role: 'volunteer' as const,
        scopeType: 'system' as const,
        scopeId: 'system',
        grantedBy: null,
      })),
    ),
  );
  await issue(
    volunteersRegistered(
      trx,
      prepared
        .filter((p) => p.row.volunteer.status === 'active')
        .map((p) => ({ regionCode: p.row.volunteer.region_code, registeredAt: p.row.volunteer.registered_at })),
      settings.timeZone,
    ),
  );
  await issue(
    appendAudits(
      trx,
      prepared.map((p) => ({
        actorUserId: opts.importedBy,
        action: 'volunteer.import',
        entityType: 'volunteer',
        entityId: p.row.volunteer.id,
        regionCode: p.row.volunteer.region_code,
        details: {
          idType: p.row.volunteer.id_type,
          regionCode: p.row.volunteer.region_code,
          status: p.row.volunteer.status,
        },
      })),
    ),
  );
  // The first write refused is the cause (those after it only found the transaction spoilt); a
  // rollback to the savepoint is issued only once all of them have ended.
  const failed = (await Promise.allSettled(writes)).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  for (const p of prepared) {
    outcomes[p.at] = {
      ok: true,
      id: p.row.volunteer.id,
      volunteerCode: p.row.volunteer.volunteer_code,
      status: p.row.volunteer.status as VolunteerStatus,
      idHash: p.row.volunteer.id_number_hash,
    };
  }
  return outcomes;
}

/**
 * `codes` made codes no one holds: each one `taken` (already looked up) or repeated in the
 * batch is drawn afresh, and the new draws looked up in turn.
 */
async function freshCodes(trx: Transaction<DB>, codes: string[], taken: Set<string>): Promise<string[]> {
  let clash = taken;
  for (let attempt = 1; attempt <= CODE_ATTEMPTS; attempt++) {
    if (attempt > 1) clash = await repo.volunteerCodesTaken(trx, codes);
    const seen = new Set<string>();
    let redrawn = 0;
    codes.forEach((c, i) => {
      if (clash.has(c) || seen.has(c)) {
        codes[i] = newVolunteerCode();
        redrawn += 1;
      }
      seen.add(codes[i] as string);
    });
    if (redrawn === 0) return codes;
  }
  // Still clashing after several draws: the unique index refuses, and the batch goes one by one.
  return codes;
}
