import type { PersonalDataCipher } from '../../crypto.js';
import type { Db } from '../../db/database.js';
import { requireGoodPassword } from '../../platform/password-policy.js';
import { passwordOwnerRow } from './password-owner.repository.js';

/**
 * Checks a new password of an existing user against the password policy, with their name,
 * phone and ID number (decrypted here, compared in memory, never logged): 422 when it breaks it.
 */
export async function requireGoodPasswordFor(
  ctx: { cipher: PersonalDataCipher },
  db: Db,
  userId: string,
  password: string,
  field: string,
): Promise<void> {
  const row = await passwordOwnerRow(db, userId);
  requireGoodPassword(
    password,
    {
      name: row?.display_name ?? null,
      phone: row?.phone_enc ? ctx.cipher.decrypt(row.phone_enc) : null,
      idNumber: row?.id_number_enc ? ctx.cipher.decrypt(row.id_number_enc) : null,
    },
    field,
  );
}
