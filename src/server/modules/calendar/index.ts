// The public face of the calendar module: what other modules may use. Nothing else of it is theirs.
import type { EncryptedColumns } from '../../platform/secrets/rekey.js';

/** What this module keeps encrypted, for a secret rotation: each feed's token (looked up by its plain SHA-256). */
export const CALENDAR_ENCRYPTED_COLUMNS: EncryptedColumns[] = [
  { table: 'calendar_feeds', key: 'volunteer_id', encrypted: ['token_enc'] },
];
