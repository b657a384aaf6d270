/**
 * The columns of each kind of export, in the reader's language: what a row of the repository
 * becomes in the file. Times are local (the platform's zone); ID numbers and phones are the
 * masked values unless the caller was allowed them in full (`open` then decrypts).
 */
import type { ExportKind } from '../../../common/contract/exports.js';
import type { Locale } from '../../../common/enums.js';
import { minutesToHours } from '../../../common/settings.js';
import { wallTime } from '../../../common/zoned-time.js';
import { toNumber } from '../../db/database.js';
import type { Column } from '../../platform/table-file.js';
import type * as repo from './exports.repository.js';
import { header, valueText, type HeaderKey, type ValueSet } from './exports.words.js';

export interface ColumnContext {
  locale: Locale;
  timeZone: string;
  fields: Map<string, { zh: string; en: string }>;
  /** Decrypts a stored value; present only for an export in full. */
  open?: (enc: string) => string;
}

type Row = Record<string, unknown>;

/** A JSON list column; a malformed value reads as empty rather than failing the file. */
function listOf(text: unknown): string[] {
  try {
    const v: unknown = JSON.parse(String(text));
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

export function columnsOf(kind: ExportKind, c: ColumnContext): Column<Row>[] {
  const col = <R>(key: HeaderKey, value: (r: R) => string | number | null, width = 14): Column<Row> => ({
    header: header(key, c.locale),
    width,
    value: value as (r: Row) => string | number | null,
  });
  const local = (at: string | null) => (at ? wallTime(at, c.timeZone).replace('T', ' ') : '');
  const word = (set: ValueSet, code: string | null) => valueText(set, code, c.locale);
  const fieldName = (code: string) => {
    const f = c.fields.get(code);
    return f ? (c.locale === 'en' ? f.en : f.zh) : code;
  };
  const fieldList = (text: string) => listOf(text).map(fieldName).join('、');
  const n = (v: number | string | null) => (v === null ? null : toNumber(v));

  switch (kind) {
    case 'volunteers': {
      type R = repo.VolunteerExportRow;
      const open = c.open;
      // A closed account's values were erased; only a live one is opened.
      const full = (enc: string | null, masked: string | null, r: R) =>
        open && enc && r.status !== 'closed' ? open(enc) : (masked ?? '');
      return [
        col<R>('volunteerCode', (r) => r.volunteer_code, 16),
        col<R>('name', (r) => r.name, 12),
        col<R>('idType', (r) => word('idType', r.id_type), 18),
        col<R>('idNumber', (r) => full(r.id_number_enc, r.id_number_masked, r), 22),
        col<R>('birthYear', (r) => n(r.birth_year), 10),
        col<R>('gender', (r) => word('gender', r.gender), 8),
        col<R>('phone', (r) => full(r.phone_enc, r.phone_masked, r), 14),
        col<R>('region', (r) => r.region_name, 18),
        col<R>('regionCode', (r) => r.region_code, 14),
        col<R>('fields', (r) => fieldList(r.fields), 24),
        col<R>('skills', (r) => listOf(r.skills).join('、'), 20),
        col<R>('status', (r) => word('status', r.status), 12),
        col<R>('registeredAt', (r) => local(r.registered_at), 18),
        col<R>('hours', (r) => minutesToHours(toNumber(r.confirmed_minutes)), 10),
        col<R>('starLevel', (r) => n(r.star_level), 8),
        col<R>('pointsBalance', (r) => n(r.points_balance) ?? 0, 10),
      ];
    }
    case 'organisations': {
      type R = repo.OrganisationExportRow;
      return [
        col<R>('unitName', (r) => r.name, 28),
        col<R>('kind', (r) => word('orgKind', r.kind), 14),
        col<R>('level', (r) => word('orgLevel', r.level), 10),
        col<R>('region', (r) => r.region_name, 18),
        col<R>('regionCode', (r) => r.region_code, 14),
        col<R>('parent', (r) => r.parent_name ?? '', 28),
        col<R>('department', (r) => r.department_name ?? '', 24),
        col<R>('fields', (r) => fieldList(r.fields), 24),
        col<R>('status', (r) => word('status', r.status), 10),
        col<R>('createdAt', (r) => local(r.created_at), 18),
        col<R>('id', (r) => r.id, 38),
      ];
    }
    case 'sites': {
      type R = repo.SiteExportRow;
      return [
        col<R>('unitName', (r) => r.name, 28),
        col<R>('kind', (r) => word('siteType', r.type), 18),
        col<R>('region', (r) => r.region_name, 18),
        col<R>('regionCode', (r) => r.region_code, 14),
        col<R>('address', (r) => r.address, 32),
        col<R>('lng', (r) => n(r.lng), 12),
        col<R>('lat', (r) => n(r.lat), 12),
        col<R>('managedBy', (r) => r.organisation_name ?? '', 28),
        col<R>('openingHours', (r) => r.opening_hours ?? '', 20),
        col<R>('facilities', (r) => listOf(r.facilities).join('、'), 20),
        col<R>('status', (r) => word('status', r.status), 10),
        col<R>('createdAt', (r) => local(r.created_at), 18),
        col<R>('id', (r) => r.id, 38),
      ];
    }
    case 'records': {
      type R = repo.RecordExportRow;
      return [
        col<R>('volunteerCode', (r) => r.volunteer_code, 16),
        col<R>('name', (r) => r.volunteer_name, 12),
        col<R>('activity', (r) => r.activity_title, 30),
        col<R>('serviceDate', (r) => r.service_date, 12),
        col<R>('hours', (r) => minutesToHours(toNumber(r.minutes)), 10),
        col<R>('organisation', (r) => r.organisation_name, 28),
        col<R>('start', (r) => local(r.start_at), 18),
        col<R>('end', (r) => local(r.end_at), 18),
        col<R>('field', (r) => fieldName(r.field), 14),
        col<R>('region', (r) => r.region_name, 18),
        col<R>('regionCode', (r) => r.region_code, 14),
        col<R>('source', (r) => word('source', r.source), 12),
        col<R>('status', (r) => word('status', r.status), 10),
        col<R>('content', (r) => r.content, 30),
        col<R>('recordId', (r) => r.id, 38),
      ];
    }
    case 'points': {
      type R = repo.PointEntryExportRow;
      return [
        col<R>('at', (r) => local(r.created_at), 18),
        col<R>('volunteerCode', (r) => r.volunteer_code, 16),
        col<R>('name', (r) => r.volunteer_name, 12),
        col<R>('region', (r) => r.region_name, 18),
        col<R>('regionCode', (r) => r.region_code, 14),
        col<R>('entryKind', (r) => word('entryKind', r.kind), 10),
        col<R>('amount', (r) => n(r.amount), 10),
        col<R>('balanceAfter', (r) => n(r.balance_after), 12),
        col<R>('expiresAt', (r) => local(r.expires_at), 18),
        col<R>('memo', (r) => r.memo ?? '', 24),
        col<R>('transaction', (r) => r.transaction_id, 38),
      ];
    }
  }
}
