import type {
  RegisterResidentBody,
  RegisterVolunteerInput,
  VolunteerStatus,
} from '../../../common/contract/volunteers.js';
import { AppError, badRequest, rateLimited } from '../../../common/errors.js';
import { ageOn, chinaToday, maskIdNumber } from '../../../common/id-numbers.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../ids.js';
import { insertGrant } from '../access/index.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { insertUser } from '../auth/index.js';
import { hashPassword } from '../../platform/passwords.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { useCode } from '../verification/index.js';
import { checkGuardianCode, guardianNotNeeded, recordConsent } from './guardians.service.js';
import { guardianNeed } from './minors.js';
import { newVolunteerCode } from './volunteer-code.js';
import * as repo from './volunteers.repository.js';
import * as rules from './volunteers.rules.js';
import { inTransaction } from '../../platform/db.js';
import { volunteerCounted } from '../stats/index.js';

/** What registration needs: skills and fields may be left out (they default to none). */
export type VolunteerRegistration = Omit<RegisterVolunteerInput, 'verificationCode'>;

export interface RegistrationOptions {
  /** A precomputed argon2 hash of `input.password`: bulk seeders skip ~65 ms of hashing each. */
  passwordHash?: string;
  /** Registration time (ISO-8601); defaults to now. Also the day ages are judged on. */
  now?: string;
  /**
   * A checked SMS code proving the phone (the public endpoints always give one): used in the
   * registration's transaction, and it lets a duplicate ID be named with the account's phone.
   */
  verificationCodeId?: string;
  /** When the person registered, if before now (an import of an existing register); ages are still judged now. */
  registeredAt?: string;
  /** The user importing the person: the audit entry names them and says `volunteer.import`. */
  importedBy?: string;
}

export interface RegisteredVolunteer {
  id: string;
  userId: string;
  volunteerCode: string;
  status: VolunteerStatus;
}

const REGISTRATIONS_PER_ADDRESS = 20;
const REGISTRATION_WINDOW_MS = 60 * 60_000;
const CODE_ATTEMPTS = 5;

/** Counts one registration from `address`; 429 once the address is over its hourly limit. */
export async function takeRegistrationSlot(ctx: Pick<AppContext, 'limiter'>, address: string): Promise<void> {
  if (!(await ctx.limiter.take(`register:addr:${address}`, REGISTRATIONS_PER_ADDRESS, REGISTRATION_WINDOW_MS))) {
    throw rateLimited('Too many registrations from this address; try again in an hour', REGISTRATION_WINDOW_MS / 1000);
  }
}

/**
 * Registers a volunteer with real name: the user (login by phone or volunteer code), the
 * volunteer, the `volunteer` role and an audit entry, in one transaction — on any failure
 * nothing is written. The ID number and phone are stored encrypted with a keyed hash for
 * duplicate checks and a mask for display; the plain values are never stored or returned.
 *
 * Minors, by the birth date in a resident ID (PIPL art. 31; ages from the settings): under
 * `guardianRegistrationAge` (14) they register only with a guardian's consent, proved by a
 * code sent to the guardian's phone; under `guardianAge` (18) without one they register as
 * `pending_guardian` — they can log in, but sign-ups stay closed until a guardian consents
 * (PUT /me/guardian). Other documents carry no birth date, so their holders register as `active`.
 */
export async function registerVolunteer(
  ctx: Pick<AppContext, 'cipher'>,
  db: Db,
  input: VolunteerRegistration,
  opts: RegistrationOptions = {},
): Promise<RegisteredVolunteer> {
  const now = opts.now ?? nowIso();
  const id = rules.requireIdNumber(input.idType, input.idNumber, new Date(now));
  const phone = rules.requirePhone(input.phone);
  const name = input.name.trim();
  if (!name) throw badRequest('name: must not be empty', { field: 'body.name' });
  if (!opts.passwordHash) rules.requirePassword(input.password, { phone, idNumber: id.normalised, name });
  const regionCode = input.regionCode.trim();
  const fields = input.fields ?? [];

  const idHash = ctx.cipher.lookupHash(rules.idNamespace(input.idType), id.normalised);
  const phoneCols = rules.phoneColumns(ctx.cipher, phone);
  const age = id.birthDate ? ageOn(id.birthDate, chinaToday(new Date(now))) : null;
  const need = guardianNeed(age, await getSettings(db));
  const guardian = input.guardian;
  if (guardian && need === 'none' && age !== null) throw guardianNotNeeded();
  if (!guardian && need === 'at_registration') throw guardianRequired();
  const status: VolunteerStatus = need !== 'none' && !guardian ? 'pending_guardian' : 'active';
  const guardianCodeId = guardian ? await checkGuardianCode(ctx, db, guardian, 'body.guardian') : null;
  const passwordHash = opts.passwordHash ?? (await hashPassword(input.password));

  // Called on its own (POST /volunteers) and inside the demo loader's transaction: hence
  // inTransaction, which joins the caller's transaction when there is one.
  const attempt = () =>
    inTransaction(db, async (trx) => {
      if (opts.verificationCodeId) await useCode(trx, opts.verificationCodeId);
      await rules.requireRegion(trx, regionCode);
      await rules.requireFields(trx, fields);
      const holder = await repo.accountPhoneOfId(trx, idHash);
      // Only someone who proved their phone learns which account holds the ID, by its masked phone.
      if (holder !== undefined) throw rules.duplicateId(opts.verificationCodeId ? holder : undefined);
      if (await repo.phoneTaken(trx, phoneCols.phone_hash)) throw rules.duplicatePhone();
      let volunteerCode = newVolunteerCode();
      for (let i = 1; i < CODE_ATTEMPTS && (await repo.volunteerCodeTaken(trx, volunteerCode)); i++) {
        volunteerCode = newVolunteerCode();
      }
      const userId = newId();
      const volunteerId = newId();
      await insertUser(trx, {
        id: userId,
        username: null,
        display_name: name,
        ...phoneCols,
        password_hash: passwordHash,
        region_code: regionCode,
        locale: 'zh-CN',
        status: 'active',
        created_at: now,
      });
      await repo.insertVolunteer(trx, {
        id: volunteerId,
        user_id: userId,
        volunteer_code: volunteerCode,
        national_code: null,
        name,
        id_type: input.idType,
        id_number_enc: ctx.cipher.encrypt(id.normalised),
        id_number_hash: idHash,
        id_number_masked: maskIdNumber(input.idType, id.normalised),
        birth_year: id.birthDate ? Number(id.birthDate.slice(0, 4)) : null,
        gender: id.gender,
        region_code: regionCode,
        skills: rules.listJson(input.skills),
        fields: rules.listJson(fields),
        availability: rules.listJson(input.availability),
        status,
        registered_at: opts.registeredAt ?? now,
        updated_at: now,
      });
      await volunteerCounted(trx, volunteerId, 1);
      await insertGrant(trx, { userId, role: 'volunteer', scopeType: 'system', scopeId: 'system', grantedBy: null });
      if (guardian && guardianCodeId) await recordConsent(ctx, trx, userId, volunteerId, guardian, guardianCodeId, now);
      await appendAudit(trx, {
        actorUserId: opts.importedBy ?? userId,
        action: opts.importedBy ? 'volunteer.import' : 'volunteer.register',
        entityType: 'volunteer',
        entityId: volunteerId,
        details: { idType: input.idType, regionCode, status },
      });
      return { id: volunteerId, userId, volunteerCode, status };
    });

  // A concurrent registration can still win a race past the checks above: its unique
  // index answers, and a clashing random volunteer code is simply drawn again.
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (err) {
      const clash = rules.uniqueViolationOn(err);
      if (clash === 'volunteer_code' && tries < CODE_ATTEMPTS && !db.isTransaction) continue;
      throw rules.mapUniqueViolation(clash, err);
    }
  }
}

/**
 * Registers a resident (群众), who posts needs and rates the service: a user with the
 * `resident` role, logging in by phone. One transaction with its audit entry.
 */
const guardianRequired = (): AppError =>
  new AppError(
    'GUARDIAN_REQUIRED',
    "guardian: a volunteer this young registers only with a guardian's consent: give the guardian's name, relation, " +
      'phone and the code sent to that phone',
    { field: 'body.guardian' },
  );

export async function registerResident(
  ctx: Pick<AppContext, 'cipher'>,
  db: Db,
  input: Omit<RegisterResidentBody, 'verificationCode'>,
  opts: RegistrationOptions = {},
): Promise<{ userId: string }> {
  const now = opts.now ?? nowIso();
  const phone = rules.requirePhone(input.phone);
  const name = input.name.trim();
  if (!name) throw badRequest('name: must not be empty', { field: 'body.name' });
  if (!opts.passwordHash) rules.requirePassword(input.password, { phone, name });
  const regionCode = input.regionCode.trim();
  const phoneCols = rules.phoneColumns(ctx.cipher, phone);
  const passwordHash = opts.passwordHash ?? (await hashPassword(input.password));
  try {
    return await db.transaction().execute(async (trx) => {
      if (opts.verificationCodeId) await useCode(trx, opts.verificationCodeId);
      await rules.requireRegion(trx, regionCode);
      if (await repo.phoneTaken(trx, phoneCols.phone_hash)) throw rules.duplicatePhone();
      const userId = newId();
      await insertUser(trx, {
        id: userId,
        username: null,
        display_name: name,
        ...phoneCols,
        password_hash: passwordHash,
        region_code: regionCode,
        locale: 'zh-CN',
        status: 'active',
        created_at: now,
      });
      await insertGrant(trx, { userId, role: 'resident', scopeType: 'system', scopeId: 'system', grantedBy: null });
      await appendAudit(trx, {
        actorUserId: userId,
        action: 'resident.register',
        entityType: 'user',
        entityId: userId,
        details: { regionCode },
      });
      return { userId };
    });
  } catch (err) {
    throw rules.mapUniqueViolation(rules.uniqueViolationOn(err), err);
  }
}
