import { PHONE_NAMESPACE } from '../../crypto.js';
import type { EncryptedColumns } from '../../platform/secrets/rekey.js';
import { idNamespace } from './volunteers.rules.js';

/** What this module keeps encrypted, for a secret rotation: phones, ID numbers, guardians. */
export const VOLUNTEER_ENCRYPTED_COLUMNS: EncryptedColumns[] = [
  {
    table: 'users',
    key: 'id',
    encrypted: ['phone_enc'],
    hashes: [{ column: 'phone_hash', from: 'phone_enc', namespace: () => PHONE_NAMESPACE }],
  },
  {
    table: 'volunteers',
    key: 'id',
    encrypted: ['id_number_enc'],
    hashes: [{ column: 'id_number_hash', from: 'id_number_enc', namespace: (row) => idNamespace(String(row.id_type)) }],
    reads: ['id_type'],
  },
  {
    table: 'guardians',
    key: 'volunteer_id',
    encrypted: ['name_enc', 'phone_enc'],
    hashes: [{ column: 'phone_hash', from: 'phone_enc', namespace: () => PHONE_NAMESPACE }],
  },
];
