import type { PersonalDataCipher } from '../../crypto.js';
import type { Db } from '../../db/database.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { countStale, rekeyTable, type EncryptedColumns } from '../../platform/secrets/rekey.js';
import { CALENDAR_ENCRYPTED_COLUMNS } from '../calendar/index.js';
import { NEED_ENCRYPTED_COLUMNS } from '../needs/index.js';
import { NOTIFICATION_ENCRYPTED_COLUMNS } from '../notifications/index.js';
import { forgetCodeHashes } from '../verification/index.js';
import { VOLUNTEER_ENCRYPTED_COLUMNS } from '../volunteers/index.js';

/** Every encrypted column of the platform, as the modules that own them declare them. */
export const ENCRYPTED_COLUMNS: EncryptedColumns[] = [
  ...VOLUNTEER_ENCRYPTED_COLUMNS,
  ...NOTIFICATION_ENCRYPTED_COLUMNS,
  ...CALENDAR_ENCRYPTED_COLUMNS,
  ...NEED_ENCRYPTED_COLUMNS,
];

const label = (s: EncryptedColumns) => `${s.table}.${s.encrypted.join('+')}`;

export interface RekeyReport {
  keyId: string;
  /** Rows re-encrypted (and rehashed), by table and columns. */
  rekeyed: Record<string, number>;
  codesDropped: number;
  codesCleared: number;
}

/**
 * Brings every encrypted value under the cipher's current key and recomputes the keyed hashes,
 * table by table, a batch per transaction; resumable. Run with the servers stopped: a server still
 * on the old key would write under it, and look-ups by phone or ID number miss rows in between.
 */
export async function rekeyPersonalData(
  db: Db,
  cipher: PersonalDataCipher,
  progress: (what: string, done: number) => void = () => {},
): Promise<RekeyReport> {
  const rekeyed: Record<string, number> = {};
  for (const spec of ENCRYPTED_COLUMNS) {
    rekeyed[label(spec)] = await rekeyTable(db, cipher, spec, (n) => progress(label(spec), n));
  }
  const codes = await forgetCodeHashes(db);
  await appendAudit(db, {
    actorUserId: null,
    action: 'secret.rotate',
    entityType: 'platform',
    entityId: cipher.currentKeyId,
    details: { rekeyed, codesDropped: codes.dropped, codesCleared: codes.cleared },
    regionCode: null,
  });
  return { keyId: cipher.currentKeyId, rekeyed, codesDropped: codes.dropped, codesCleared: codes.cleared };
}

/** Rows, by table and columns, still holding a value not under the current key (all zero once a rotation is done). */
export async function staleByTable(db: Db, cipher: PersonalDataCipher): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const spec of ENCRYPTED_COLUMNS) out[label(spec)] = await countStale(db, cipher, spec);
  return out;
}
