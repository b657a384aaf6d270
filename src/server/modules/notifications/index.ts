// The public face of the notifications module: what other modules may use. Nothing else of it is theirs.
import type { EncryptedColumns } from '../../platform/secrets/rekey.js';
export { getPrefs, listInbox } from './notifications.service.js';
export { queueShiftReminders } from './reminders.js';

/** What this module keeps encrypted, for a secret rotation: the e-mail address for notices. */
export const NOTIFICATION_ENCRYPTED_COLUMNS: EncryptedColumns[] = [
  { table: 'users', key: 'id', encrypted: ['email_enc'] },
];
