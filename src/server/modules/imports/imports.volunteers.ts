/**
 * One row of a volunteer register: checked cell by cell with the rules of registration (the
 * same ID and phone checks, regions, fields, ages), each problem named with its column, then
 * registered through the volunteers module, so an imported person is stored exactly as one who
 * registered online (encrypted, hashed, masked, counted) — with no usable password: they log in
 * after an SMS reset.
 */
import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import { DEFAULT_FIELDS, ID_TYPES, type IdType } from '../../../common/enums.js';
import { AppError } from '../../../common/errors.js';
import { ageOn, chinaToday, checkIdNumber, isMainlandMobile } from '../../../common/id-numbers.js';
import { LIMITS } from '../../../common/limits.js';
import { localMidnight } from '../../../common/zoned-time.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { Policy, type Actor } from '../../platform/access/policy.js';
import { underSavepoint } from '../../platform/db.js';
import { hashPassword } from '../../platform/passwords.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { idNamespace, registerVolunteer } from '../volunteers/index.js';
import type { ImportReason } from './imports.words.js';
import { regionResolver } from './imports.regions.js';
import { serviceFields } from './imports.repository.js';
import { cleanString, cleanText, idNumberText, listValue } from './read/normalise.js';
import { dateValue } from './read/normalise-time.js';
import type { Cell } from './read/rows.js';

/** A data row, its cells by field key. */
export interface MappedRow {
  row: number;
  cell(key: string): Cell | undefined;
}

/** One problem of a row: the field's column, why, and what the sentence needs. */
export interface RowProblem {
  key: string;
  reason: ImportReason;
  params?: Record<string, string | number>;
}

/** Accepts or refuses one row inside the batch's transaction; [] when it was written. */
export type RowHandler = (trx: Transaction<DB>, row: MappedRow) => Promise<RowProblem[]>;

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

const text = (c: Cell | undefined): string => {
  const r = cleanText(c ?? '');
  return r.ok ? r.value : '';
};

/**
 * The handler of a volunteer import by `actor`: regions, fields, settings and one unusable
 * password hash are read once. `seen` maps a prefix of each ID's keyed hash to its first row,
 * so a second row with the same person is named as such (31 bits: a million rows take ~30 MB).
 */
export async function volunteerRows(
  ctx: Pick<AppContext, 'cipher'>,
  db: Db,
  actor: Actor,
  now: Date,
): Promise<RowHandler> {
  const region = await regionResolver(db);
  const fieldRows = await serviceFields(db);
  const fieldOf = new Map<string, string>();
  for (const f of [...DEFAULT_FIELDS.map((d) => ({ code: d.code, name_zh: d.zh, name_en: d.en })), ...fieldRows]) {
    for (const name of [f.code, f.name_zh, f.name_en]) fieldOf.set(name.toLowerCase().replace(/\s+/g, ''), f.code);
  }
  const settings = await getSettings(db);
  const inScope = new Map<string, boolean>();
  const passwordHash = await hashPassword(randomBytes(24).toString('base64url'));
  const seen = new Map<number, number>();
  const today = chinaToday(now);
  const nowIso = now.toISOString();

  return async (trx, row) => {
    const problems: RowProblem[] = [];
    const need = (key: string): string => {
      const v = text(row.cell(key));
      if (!v) problems.push({ key, reason: 'required' });
      return v;
    };
    const name = need('name');
    if (name.length > LIMITS.nameMax)
      problems.push({ key: 'name', reason: 'too_long', params: { max: LIMITS.nameMax } });
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

    let regionCode = '';
    const regionText = need('region');
    if (regionText) {
      const r = region(regionText);
      if (!r.ok) problems.push({ key: 'region', reason: r.reason });
      else {
        let allowed = inScope.get(r.code);
        if (allowed === undefined) {
          allowed = await new Policy(trx).adminsRegion(actor, r.code);
          inScope.set(r.code, allowed);
        }
        if (!allowed) problems.push({ key: 'region', reason: 'region_out_of_scope' });
        regionCode = r.code;
      }
    }

    const fields: string[] = [];
    const fieldList = listValue(row.cell('fields') ?? '');
    for (const f of fieldList.ok ? fieldList.value : []) {
      const code = fieldOf.get(f.toLowerCase().replace(/\s+/g, ''));
      if (code) fields.push(code);
      else problems.push({ key: 'fields', reason: 'unknown_field', params: { value: f.slice(0, LIMITS.tagMax) } });
    }
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

    const prefix = Buffer.from(ctx.cipher.lookupHash(idNamespace(idType), idNumber), 'base64url').readUInt32BE(0) >>> 1;
    const first = seen.get(prefix);
    if (first !== undefined) return [{ key: 'idNumber', reason: 'duplicate_in_file', params: { row: first } }];

    // A savepoint per row: a refusal the database raises (a registration racing this one)
    // undoes this row alone.
    try {
      await underSavepoint(trx, () =>
        registerVolunteer(
          ctx,
          trx,
          { name, idType, idNumber, phone: phone as string, password: '', regionCode, skills, fields },
          { passwordHash, importedBy: actor.userId, now: nowIso, ...(registeredAt ? { registeredAt } : {}) },
        ),
      );
    } catch (err) {
      const reason = err instanceof AppError ? (err.details as { reason?: string } | undefined)?.reason : undefined;
      if (reason === 'id_registered') return [{ key: 'idNumber', reason: 'id_registered' }];
      if (reason === 'phone_registered') return [{ key: 'phone', reason: 'phone_registered' }];
      if (err instanceof AppError) return [{ key: '', reason: 'other', params: { message: err.message } }];
      throw err;
    }
    seen.set(prefix, row.row);
    return [];
  };
}
