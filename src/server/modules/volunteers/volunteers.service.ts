import type { UpdateVolunteerBody, Volunteer } from '../../../common/contract/volunteers.js';
import { AppError, badRequest, forbidden, notFound, rateLimited } from '../../../common/errors.js';
import type { IdProblem } from '../../../common/id-numbers.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../ids.js';
import { decodeCursor, pageOf } from '../../pagination.js';
import { ADMIN_ROLES, hasRole, isSystemAdmin, Policy, type Actor } from '../../platform/access/policy.js';
import { appendAudit, auditPersonalRead } from '../../platform/audit/audit.repository.js';
import { verifyPassword } from '../../platform/passwords.js';
import { minorsAmong } from './minors.js';
import { presentVolunteer } from './volunteers.presenter.js';
import { isVolunteerCode } from './volunteer-code.js';
import * as repo from './volunteers.repository.js';
import * as rules from './volunteers.rules.js';
import { checkCode, useCode } from '../verification/index.js';
import { volunteerCounted } from '../stats/index.js';

/** A volunteer by id, without a permission check: for answers the caller is already owed. */
export async function loadVolunteer(db: Db, id: string): Promise<repo.VolunteerRow> {
  const row = await repo.volunteerById(db, id);
  if (!row) throw notFound('Volunteer');
  return row;
}

/**
 * Reads a volunteer the actor may see: themself, or as an admin in scope. Anyone else gets
 * a 404, so that whether the id exists does not leak. An admin's read of another person's
 * record is personal data and goes into the audit log.
 */
export async function getVolunteer(
  ctx: Pick<AppContext, 'cipher'>,
  db: Db,
  actor: Actor,
  id: string,
): Promise<Volunteer> {
  const sight = await new Policy(db).sightOf(actor, id);
  if (!sight) throw notFound('Volunteer');
  const row = await repo.volunteerById(db, id);
  if (!row) throw notFound('Volunteer');
  if (sight.kind !== 'self') await auditPersonalRead(db, actor.userId, id, 'profile');
  return showVolunteer(ctx, db, row, sight.kind === 'membership');
}

/** One volunteer as the reader may see them (see `asShown`). */
export async function showVolunteer(
  ctx: Pick<AppContext, 'cipher'>,
  db: Db,
  row: repo.VolunteerRow,
  limited = false,
): Promise<Volunteer> {
  const minors = await minorsAmong(ctx, db, [row], new Date(nowIso()));
  return presentVolunteer(row, { minor: minors.has(row.id), limited });
}

/**
 * Volunteers as the reader may see them: minors marked, and — to a reader who sees them only
 * through a team membership — shown without ID number, phone, birth year or gender.
 */
export async function asShown(
  ctx: Pick<AppContext, 'cipher'>,
  db: Db,
  rows: readonly repo.VolunteerRow[],
  limited = false,
): Promise<Volunteer[]> {
  const minors = await minorsAmong(ctx, db, rows, new Date(nowIso()));
  return rows.map((r) => presentVolunteer(r, { minor: minors.has(r.id), limited }));
}

/**
 * A volunteer changes their own profile: phone, region, skills, fields, availability. The
 * name and the ID document are real-name data and change only through a verified process.
 * The audit entry lists the names of the fields that changed, never their values.
 */
const PASSWORD_CHECKS_PER_WINDOW = 5;
const PASSWORD_CHECK_WINDOW_MS = 15 * 60_000;

/**
 * A new phone becomes a login at once, so changing it asks for the current password: a
 * session left open on a shared phone must not hand the account to someone else. Wrong
 * answers are counted per account like failed logins.
 */
async function confirmPhoneChange(
  ctx: Pick<AppContext, 'cipher' | 'limiter'>,
  db: Db,
  userId: string,
  newPhone: string,
  password: string | undefined,
  code: string | undefined,
): Promise<string | null> {
  const hash = rules.phoneColumns(ctx.cipher, newPhone).phone_hash;
  if (hash === (await repo.phoneHashOfUser(db, userId))) return null;
  if (password === undefined) {
    throw badRequest('currentPassword: give your current password to change the phone, which is also your login', {
      field: 'body.currentPassword',
    });
  }
  const key = `phone-change:${userId}`;
  if (await ctx.limiter.blocked(key, PASSWORD_CHECKS_PER_WINDOW, PASSWORD_CHECK_WINDOW_MS)) {
    throw rateLimited('Too many wrong passwords; wait 15 minutes and try again', PASSWORD_CHECK_WINDOW_MS / 1000);
  }
  const stored = await repo.passwordHashOfUser(db, userId);
  if (!stored || !(await verifyPassword(stored, password))) {
    await ctx.limiter.hit(key, PASSWORD_CHECK_WINDOW_MS);
    throw new AppError('WRONG_PASSWORD', 'currentPassword: the current password is wrong', {
      field: 'body.currentPassword',
    });
  }
  await ctx.limiter.reset(key);
  // The new phone must be the caller's: a code sent to it (purpose phone_change).
  if (code === undefined) {
    throw badRequest('verificationCode: give the code sent by SMS to the new phone', {
      field: 'body.verificationCode',
    });
  }
  return checkCode(ctx, db, newPhone, 'phone_change', code);
}

export async function updateVolunteer(
  ctx: Pick<AppContext, 'cipher' | 'limiter'>,
  db: Db,
  actor: Actor,
  id: string,
  body: UpdateVolunteerBody,
): Promise<repo.VolunteerRow> {
  const sees = await new Policy(db).seesVolunteer(actor, id);
  if (!sees) throw notFound('Volunteer');
  if (sees !== 'self') throw forbidden('Only the volunteer can change their own profile');
  const newPhone = body.phone === undefined ? undefined : rules.requirePhone(body.phone);
  const codeId =
    newPhone === undefined
      ? null
      : await confirmPhoneChange(ctx, db, actor.userId, newPhone, body.currentPassword, body.verificationCode);

  return db.transaction().execute(async (trx) => {
    if (codeId) await useCode(trx, codeId);
    const current = await repo.volunteerById(trx, id);
    if (!current) throw notFound('Volunteer');
    const changed: string[] = [];
    const volunteerPatch: repo.VolunteerPatch = {};
    const userPatch: repo.UserPatch = {};

    if (newPhone !== undefined) {
      const cols = rules.phoneColumns(ctx.cipher, newPhone);
      if (cols.phone_hash !== (await repo.phoneHashOfUser(trx, current.user_id))) {
        if (await repo.phoneTaken(trx, cols.phone_hash, current.user_id)) throw rules.duplicatePhone();
        Object.assign(userPatch, cols);
        changed.push('phone');
      }
    }
    if (body.regionCode !== undefined && body.regionCode !== current.region_code) {
      await rules.requireRegion(trx, body.regionCode);
      volunteerPatch.region_code = body.regionCode;
      userPatch.region_code = body.regionCode;
      changed.push('regionCode');
    }
    if (body.fields !== undefined) await rules.requireFields(trx, body.fields);
    for (const [key, column] of [
      ['skills', 'skills'],
      ['fields', 'fields'],
      ['availability', 'availability'],
    ] as const) {
      const value = body[key];
      if (value === undefined) continue;
      const json = rules.listJson(value);
      if (json !== rules.listJson(JSON.parse(current[column]) as unknown[])) {
        volunteerPatch[column] = json;
        changed.push(key);
      }
    }

    if (changed.length === 0) return current;
    volunteerPatch.updated_at = nowIso();
    const moves = volunteerPatch.region_code !== undefined;
    if (moves) await volunteerCounted(trx, id, -1);
    await repo.updateVolunteer(trx, id, volunteerPatch);
    if (moves) await volunteerCounted(trx, id, 1);
    await repo.updateUser(trx, current.user_id, userPatch);
    await appendAudit(trx, {
      actorUserId: actor.userId,
      action: 'volunteer.update',
      entityType: 'volunteer',
      entityId: id,
      details: { fields: changed },
    });
    const updated = await repo.volunteerById(trx, id);
    if (!updated) throw notFound('Volunteer');
    return updated;
  });
}

export interface ListQuery {
  regionCode?: string | undefined;
  /** Active members of this organisation and of those under it, instead of a region's people. */
  organisationId?: string | undefined;
  /** A name prefix or a whole volunteer code. */
  q?: string | undefined;
  /** A whole phone number: only from a request body, never a URL. */
  phone?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/**
 * Region and system admins list the volunteers of a region they administer and everything
 * under it; department and team admins (and the admins above them) list the active members
 * of an organisation they administer and of those under it — the people they may grant their
 * organisation's roles to — seen as a membership shows them (`limited`: a minor without ID,
 * phone, birth year or gender) unless the reader also holds a duty over the organisation's
 * region. In id order, or searched: by volunteer code (a well-formed one finds that volunteer),
 * by name prefix (in name order, walking the name index), or by whole phone. The list
 * shows masked data only; each page read is audited with the kind of search, never what was
 * searched for.
 */
export async function listVolunteers(
  ctx: Pick<AppContext, 'cipher'>,
  db: Db,
  actor: Actor,
  q: ListQuery,
  /** Where the caller sent `q`: the GET's query, or the search's body (POST /volunteers/search). */
  sentIn: 'querystring' | 'body' = 'querystring',
): Promise<{ rows: repo.VolunteerRow[]; nextCursor: string | null; limited: boolean }> {
  const regionCode = q.regionCode ?? null;
  const organisationId = q.organisationId ?? null;
  const policy = new Policy(db);
  let limited = false;
  if (organisationId !== null) {
    if (regionCode !== null) {
      throw badRequest('organisationId: give a region or an organisation, not both', {
        field: `${sentIn}.organisationId`,
      });
    }
    if (!hasRole(actor, ...ADMIN_ROLES)) throw forbidden('Only admins list volunteers');
    const org = await repo.organisationRegion(db, organisationId);
    if (!org || !(await policy.adminsOrganisation(actor, organisationId))) throw notFound('Organisation');
    limited = !(await policy.adminsRegion(actor, org.region_code));
  } else {
    if (!hasRole(actor, 'region_admin', 'system_admin')) {
      throw forbidden('Only region and system admins list the volunteers of a region');
    }
    if (regionCode === null) {
      if (!isSystemAdmin(actor)) {
        throw badRequest('regionCode: name a region you administer', { field: `${sentIn}.regionCode` });
      }
    } else {
      if (!(await repo.regionExists(db, regionCode))) throw notFound('Region');
      if (!(await policy.adminsRegion(actor, regionCode))) {
        throw forbidden('You do not administer that region');
      }
    }
  }
  const after = decodeCursor(q.cursor, { id: 'string' }, sentIn === 'body' ? 'body.cursor' : 'query.cursor');
  const rows = await repo.listVolunteers(db, {
    regionCode,
    organisationId,
    search:
      q.q === undefined
        ? undefined
        : isVolunteerCode(q.q.trim().toUpperCase())
          ? { code: q.q.trim().toUpperCase() }
          : { namePrefix: q.q },
    phoneHash: q.phone === undefined ? undefined : ctx.cipher.lookupHash(rules.PHONE_NAMESPACE, q.phone),
    afterId: after ? String(after.id) : null,
    limit: q.limit + 1,
  });
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => ({ id: r.id }));
  const search = q.phone !== undefined ? 'phone' : q.q !== undefined ? 'name_or_code' : undefined;
  await appendAudit(db, {
    actorUserId: actor.userId,
    action: 'volunteer.list',
    entityType: organisationId !== null ? 'organisation' : 'region',
    entityId: organisationId ?? regionCode ?? 'system',
    details: search ? { count: items.length, search } : { count: items.length },
  });
  return { rows: items, nextCursor, limited };
}

/**
 * The volunteer an ID number names, written without its kind of document (a service-record
 * register seldom says): found by the keyed hash registration stores, tried for each kind the
 * number fits. Answers the number's problem when it fits none; `volunteerId` is undefined
 * when nobody holds it. The number is never stored, logged or repeated.
 */
export async function volunteerIdByIdNumber(
  ctx: Pick<AppContext, 'cipher'>,
  db: Db,
  raw: string,
  now: Date,
): Promise<{ ok: true; volunteerId: string | undefined } | { ok: false; problem: IdProblem }> {
  const candidates = rules.idHashCandidates(ctx.cipher, raw, now);
  if (!candidates.ok) return candidates;
  const [volunteerId] = await repo.volunteerIdsByIdHashes(db, candidates.hashes);
  return { ok: true, volunteerId };
}
