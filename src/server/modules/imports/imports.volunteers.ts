/**
 * One row of a volunteer register: checked cell by cell with the rules of registration (the
 * same ID and phone checks, regions, fields, ages), each problem named with its column, then
 * registered through the volunteers module, so an imported person is stored exactly as one who
 * registered online (encrypted, hashed, masked, counted) — with no usable password: they log in
 * after an SMS reset.
 */
import { randomBytes } from 'node:crypto';
import { ID_TYPES, type IdType } from '../../../common/enums.js';
import { ageOn, chinaToday, checkIdNumber, isMainlandMobile } from '../../../common/id-numbers.js';
import { LIMITS } from '../../../common/limits.js';
import { localMidnight } from '../../../common/zoned-time.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../platform/access/policy.js';
import { hashPassword } from '../../platform/passwords.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { idNamespace, registerVolunteersInBulk, type BulkRegistration } from '../volunteers/index.js';
import { RowsByHash } from './imports.first-rows.js';
import { regionResolver } from './imports.regions.js';
import { fieldResolver, regionScope, rowRegion, RowReader, type RowHandler, type RowProblem } from './imports.rows.js';
import { cleanString, idNumberText, listValue } from './read/normalise.js';
import { dateValue } from './read/normalise-time.js';

const ID_TYPE_NAMES: Record<string, IdType> = {
  居民身份证: 'resident_id',
  身份证: 'resident_id',
  护照: 'passport',
  港澳居民来往内地通行证: 'hk_macao_permit',
  港澳通行证: 'hk_macao_permit',
  台湾居民来往大陆通行证: 'taiwan_permit',
  台胞证: 'taiwan_permit',
  外国人永久居留身份证: 'foreign_permanent_id',
};

function idTypeOf(text: string): IdType | null {
  const t = text.replace(/\s+/g, '');
  if ((ID_TYPES as readonly string[]).includes(t.toLowerCase())) return t.toLowerCase() as IdType;
  return ID_TYPE_NAMES[t] ?? null;
}

/** A mainland mobile as typed in a register: spaces, dashes and a +86 in front are dropped. */
function phoneOf(text: string): string | null {
  const p = cleanString(text)
    .replace(/[\s-]/g, '')
    .replace(/^(\+?86)(1\d{10})$/, '$2');
  return isMainlandMobile(p) ? p : null;
}

/**
 * The handler of a volunteer import by `actor`: regions, fields, settings and one unusable
 * password hash are read once. `seen` maps a prefix of each ID's keyed hash to its first row,
 * so a second row with the same person is named as such (32 bits in typed arrays: a million
 * rows take 16 MB outside the JavaScript heap; a shared prefix alone refuses nothing, see below).
 */
export async function volunteerRows(
  ctx: Pick<AppContext, 'cipher'>,
  db: Db,
  actor: Actor,
  now: Date,
): Promise<RowHandler> {
  const region = await regionResolver(db);
  const fieldsOf = await fieldResolver(db);
  const settings = await getSettings(db);
  const inScope = regionScope(actor);
  const passwordHash = await hashPassword(randomBytes(24).toString('base64url'));
  const seen = new RowsByHash();
  const today = chinaToday(now);
  const nowIso = now.toISOString();

  let queued: { row: number; person: BulkRegistration }[] = [];
  // The prefix of a person's ID hash: the batch's, or worked out here (a batch gone one by one).
  const prefixOf = (hash: string | undefined, p: BulkRegistration): number =>
    Buffer.from(hash ?? ctx.cipher.lookupHash(idNamespace(p.input.idType), p.input.idNumber), 'base64url').readUInt32BE(
      0,
    );

  const handler: RowHandler = async (trx, row) => {
    const reader = new RowReader(row);
    const problems = reader.problems;
    const need = (key: string): string => reader.text(key, { required: true, max: LIMITS.textMax });
    const name = reader.text('name', { required: true, max: LIMITS.nameMax });
    const typeText = need('idType');
    const idType = typeText ? idTypeOf(typeText) : null;
    if (typeText && !idType) problems.push({ key: 'idType', reason: 'bad_id_type' });

    let idNumber = '';
    let birthDate: string | null = null;
    const idCell = idNumberText(row.cell('idNumber') ?? '');
    if (!idCell.ok)
      problems.push({ key: 'idNumber', reason: idCell.reason === 'id_as_number' ? 'id_as_number' : 'required' });
    else if (idType) {
      const checked = checkIdNumber(idType, idCell.value, now);
      if (!checked.ok) problems.push({ key: 'idNumber', reason: `id_${checked.problem}` });
      else {
        idNumber = checked.normalised;
        birthDate = checked.birthDate;
      }
    }

    const phoneText = need('phone');
    const phone = phoneText ? phoneOf(phoneText) : null;
    if (phoneText && !phone) problems.push({ key: 'phone', reason: 'bad_phone' });

    const regionCode = await rowRegion(trx, reader, region, inScope);

    const fields = fieldsOf(reader);
    const skillList = listValue(row.cell('skills') ?? '');
    const skills = skillList.ok ? skillList.value : [];
    if (skills.length > LIMITS.tagsMax || skills.some((s) => s.length > LIMITS.tagMax)) {
      problems.push({ key: 'skills', reason: 'too_long', params: { max: LIMITS.tagMax } });
    }

    let registeredAt: string | undefined;
    const regCell = row.cell('registeredAt');
    if (regCell && regCell.text.trim() !== '') {
      const d = dateValue(regCell);
      if (!d.ok) problems.push({ key: 'registeredAt', reason: 'bad_date' });
      else if (d.value > today) problems.push({ key: 'registeredAt', reason: 'date_in_future' });
      else registeredAt = localMidnight(d.value, settings.timeZone);
    }
    if (birthDate && ageOn(birthDate, today) < settings.guardianRegistrationAge) {
      problems.push({
        key: 'idNumber',
        reason: 'guardian_required',
        params: { age: settings.guardianRegistrationAge },
      });
    }
    if (problems.length > 0 || !idType) return problems;

    queued.push({
      row: row.row,
      person: {
        input: { name, idType, idNumber, phone: phone as string, password: '', regionCode, skills, fields },
        registeredAt,
      },
    });
    return [];
  };

  // The batch's good rows registered at once; a refusal then names its column.
  handler.flush = async (trx) => {
    const batch = queued;
    queued = [];
    const late = new Map<number, RowProblem[]>();
    if (batch.length === 0) return late;
    const outcomes = await registerVolunteersInBulk(
      ctx,
      trx,
      batch.map((q) => q.person),
      { passwordHash, importedBy: actor.userId, now: nowIso },
    );
    batch.forEach((q, i) => {
      const o = outcomes[i];
      if (!o) return;
      // Only a registered person or one whose ID is held needs the prefix: the others skip the hash.
      if (o.ok) {
        const prefix = prefixOf(o.idHash, q.person);
        if (seen.get(prefix) === undefined) seen.mark(prefix, q.row);
        return;
      }
      const first = o.reason === 'id_registered' ? seen.get(prefixOf(o.idHash, q.person)) : undefined;
      late.set(q.row, [
        o.reason === 'id_registered'
          ? first === undefined
            ? { key: 'idNumber', reason: 'id_registered' }
            : { key: 'idNumber', reason: 'duplicate_in_file', params: { row: first } }
          : o.reason === 'phone_registered'
            ? { key: 'phone', reason: 'phone_registered' }
            : o.reason === 'guardian_required'
              ? { key: 'idNumber', reason: 'guardian_required', params: { age: settings.guardianRegistrationAge } }
              : { key: '', reason: 'other', params: { message: o.message } },
      ]);
    });
    return late;
  };
  return handler;
}
