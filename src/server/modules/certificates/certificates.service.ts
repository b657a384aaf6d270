import { randomBytes } from 'node:crypto';
import type {
  CertificateSummary,
  RegisteredCertificate,
  CertificateVerification,
  IssueCertificate,
} from '../../../common/contract/certificates.js';
import { notFound, ruleBroken } from '../../../common/errors.js';
import { localDate } from '../../../common/zoned-time.js';
import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../ids.js';
import { decodeCursor, pageOf } from '../../pagination.js';
import { ADMIN_ROLES, hasRole, Policy, type Actor } from '../../platform/access/policy.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { getSettings } from '../../platform/settings/settings.service.js';
import { requireOrganiserOf } from '../records/index.js';
import { volunteerIdOf } from '../volunteers/index.js';
import { hoursOf, type PrintedCertificate, type PrintedRecord } from './certificates.pdf.js';
import * as repo from './certificates.repository.js';

/** What the document shows besides its records and dates, as kept in the register (`shown`). */
type Shown = Pick<
  PrintedCertificate,
  | 'volunteerName'
  | 'idType'
  | 'idNumberMasked'
  | 'volunteerCode'
  | 'organisationName'
  | 'responsibleName'
  | 'issuerName'
>;
type KeptRecord = PrintedRecord & { id: string };

/** Crockford's base32 (no I, L, O, U): read off paper and typed without confusion. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A verification code: 120 random bits as 24 base32 characters, unguessable like the project's other secret codes. */
export function newVerificationCode(): string {
  const bytes = randomBytes(15);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

export const pdfPath = (code: string) => `/api/v1/certificates/${encodeURIComponent(code)}/pdf`;
export const verifyPath = (code: string) => `/verify/${encodeURIComponent(code)}`;

/**
 * Issues a certificate: the volunteer for themselves, or an organiser for a volunteer who
 * served with an organisation they administer. The issuing organisation is the one that
 * recorded the service (谁记录谁证明); a period with records of several names it.
 */
export async function issueCertificate(db: Db, actor: Actor, body: IssueCertificate, origin: string) {
  const volunteer = await repo.volunteerShown(db, body.volunteerId);
  const self = volunteer !== undefined && (await volunteerIdOf(db, actor)) === volunteer.id;
  if (!volunteer || (!self && !hasRole(actor, ...ADMIN_ROLES))) throw notFound('Volunteer');
  const policy = new Policy(db);
  const mayIssueFor = async (orgId: string) => self || policy.adminsOrganisation(actor, orgId);

  const records = await repo.confirmedRecordsOf(db, volunteer.id, body.from, body.to);
  const served = [...new Set(records.map((r) => r.organisation_id))];
  const issuable: string[] = [];
  for (const id of served) if (await mayIssueFor(id)) issuable.push(id);
  if (!self && issuable.length === 0 && !(await servedWithAnyOf(db, policy, actor, volunteer.id))) {
    throw notFound('Volunteer');
  }
  const organisationId = body.organisationId ?? (issuable.length === 1 ? issuable[0] : undefined);
  if (body.organisationId && !issuable.includes(body.organisationId)) {
    throw ruleBroken(
      'organisationId',
      'certificate_no_records',
      'no confirmed records of this organisation in the period',
    );
  }
  if (!organisationId) {
    if (issuable.length === 0) {
      throw ruleBroken('from', 'certificate_no_records', 'no confirmed records in the period');
    }
    const names = await repo.organisationNames(db, issuable);
    throw ruleBroken(
      'organisationId',
      'certificate_organisation_needed',
      'the period has records of several organisations',
      {
        organisations: issuable.map((id) => ({ id, name: names.get(id) ?? '' })),
      },
    );
  }

  const mine = records.filter((r) => r.organisation_id === organisationId);
  const kept: KeptRecord[] = mine.map((r) => ({
    id: r.id,
    date: r.service_date,
    activity: r.activity_title,
    content: r.content,
    minutes: r.minutes,
  }));
  const shown: Shown = {
    volunteerName: volunteer.name,
    idType: volunteer.id_type,
    idNumberMasked: volunteer.id_number_masked,
    volunteerCode: volunteer.volunteer_code,
    organisationName: (await repo.organisationNames(db, [organisationId])).get(organisationId) ?? '',
    responsibleName: await repo.responsibleOf(db, organisationId),
    issuerName: await repo.displayNameOf(db, actor.userId),
  };
  const { timeZone } = await getSettings(db);
  const now = nowIso();
  const issuedOn = localDate(now, timeZone);
  const code = newVerificationCode();
  const id = newId();
  // The running number of the day; two issues at once take the same one, and the later retries.
  for (let attempt = 0; ; attempt += 1) {
    const serial = `ZYFW${issuedOn.replaceAll('-', '')}${String((await repo.countIssuedOn(db, issuedOn)) + 1 + attempt).padStart(4, '0')}`;
    try {
      await repo.insertCertificate(db, {
        id,
        code,
        serial,
        volunteer_id: volunteer.id,
        organisation_id: organisationId,
        from_date: body.from,
        to_date: body.to,
        issued_by: actor.userId,
        issued_on: issuedOn,
        shown: JSON.stringify(shown),
        records: JSON.stringify(kept),
        total_minutes: kept.reduce((s, r) => s + r.minutes, 0),
        created_at: now,
      });
      await appendAudit(db, {
        actorUserId: actor.userId,
        action: 'certificate.issue',
        entityType: 'volunteer',
        entityId: volunteer.id,
        details: { certificateId: id, serial, organisationId, from: body.from, to: body.to },
      });
      return { code, serial, url: origin + pdfPath(code), verifyUrl: origin + verifyPath(code) };
    } catch (e) {
      if (attempt >= 4 || (await repo.certificateByCode(db, code))) throw e;
    }
  }
}

/** Whether the volunteer ever had a confirmed record with an organisation the actor administers. */
async function servedWithAnyOf(db: Db, policy: Policy, actor: Actor, volunteerId: string): Promise<boolean> {
  for (const id of await repo.organisationsServed(db, volunteerId)) {
    if (await policy.adminsOrganisation(actor, id)) return true;
  }
  return false;
}

function summaryOf(r: repo.CertificateRow): CertificateSummary {
  const s = JSON.parse(r.shown) as Shown;
  return {
    code: r.code,
    serial: r.serial,
    volunteerId: r.volunteer_id,
    volunteerName: s.volunteerName,
    volunteerCode: s.volunteerCode,
    organisationId: r.organisation_id,
    organisationName: s.organisationName,
    from: r.from_date,
    to: r.to_date,
    totalHours: hoursOf(r.total_minutes),
    issuedOn: r.issued_on,
    issuerName: s.issuerName,
  };
}

/** My certificates, or (with `organisationId`) those an organisation I administer issued. */
export async function listCertificates(
  db: Db,
  actor: Actor,
  q: { organisationId?: string | undefined; cursor?: string | undefined; limit: number },
) {
  const after = decodeCursor(q.cursor, { id: 'string' });
  let by: { volunteerId: string } | { organisationId: string };
  if (q.organisationId) {
    await requireOrganiserOf(db, actor, q.organisationId, 'Organisation');
    by = { organisationId: q.organisationId };
  } else {
    const volunteerId = await volunteerIdOf(db, actor);
    if (!volunteerId) return { items: [], nextCursor: null };
    by = { volunteerId };
  }
  const rows = await repo.listCertificates(db, by, after?.id, q.limit + 1);
  const p = pageOf(rows, q.limit, (r) => ({ id: r.id }));
  return { items: p.items.map(summaryOf), nextCursor: p.nextCursor };
}

/** The document to print again: for the volunteer, the person who issued it and the issuing organisation's admins. */
export async function certificateToPrint(
  db: Db,
  actor: Actor,
  code: string,
  origin: string,
): Promise<PrintedCertificate> {
  const r = await repo.certificateByCode(db, code);
  const mayRead =
    r !== undefined &&
    (r.issued_by === actor.userId ||
      (await volunteerIdOf(db, actor)) === r.volunteer_id ||
      (await new Policy(db).adminsOrganisation(actor, r.organisation_id)));
  if (!r || !mayRead) throw notFound('Certificate');
  const s = JSON.parse(r.shown) as Shown;
  const records = (JSON.parse(r.records) as KeptRecord[]).map(({ id: _id, ...rest }) => rest);
  return {
    ...s,
    serial: r.serial,
    code: r.code,
    verifyUrl: origin + verifyPath(r.code),
    issuedOn: r.issued_on,
    from: r.from_date,
    to: r.to_date,
    records,
    totalMinutes: r.total_minutes,
  };
}

/**
 * The register of certificates issued for a volunteer, newest first, for their own data export:
 * `limit` rows at most, and whether any record on each was revoked since.
 */
export async function registerOfVolunteer(
  db: Db,
  volunteerId: string,
  limit: number,
): Promise<RegisteredCertificate[]> {
  const rows = await repo.listCertificates(db, { volunteerId }, undefined, limit);
  const kept = new Map(rows.map((r) => [r.id, (JSON.parse(r.records) as KeptRecord[]).map((k) => k.id)]));
  const revoked = await repo.revokedAmong(db, [...kept.values()].flat());
  return rows.map((r) => {
    const gone = (kept.get(r.id) ?? []).filter((id) => revoked.has(id)).length;
    return {
      serial: r.serial,
      code: r.code,
      organisationName: (JSON.parse(r.shown) as Shown).organisationName,
      from: r.from_date,
      to: r.to_date,
      totalHours: hoursOf(r.total_minutes),
      issuedOn: r.issued_on,
      issuedAt: r.created_at,
      status: gone > 0 ? 'revoked' : 'ok',
      revokedRecords: gone,
    };
  });
}

/** What the certificate shows, for anyone holding its code, and which of its records were revoked since. */
export async function verifyCertificate(db: Db, code: string): Promise<CertificateVerification> {
  const r = await repo.certificateByCode(db, code);
  if (!r) throw notFound('Certificate');
  const s = JSON.parse(r.shown) as Shown;
  const kept = JSON.parse(r.records) as KeptRecord[];
  const revoked = await repo.revokedAmong(
    db,
    kept.map((k) => k.id),
  );
  return {
    code: r.code,
    serial: r.serial,
    issuedOn: r.issued_on,
    ...s,
    from: r.from_date,
    to: r.to_date,
    records: kept.map((k) => ({
      date: k.date,
      activity: k.activity,
      content: k.content,
      hours: hoursOf(k.minutes),
      revoked: revoked.has(k.id),
    })),
    totalHours: hoursOf(r.total_minutes),
    revokedRecords: revoked.size,
  };
}
