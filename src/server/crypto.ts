import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Personal data at rest: AES-256-GCM for what must be read back, an HMAC for what must be
 * looked up (duplicate ID numbers, login by phone). Both keys derive from SHANMEI_SECRET.
 */
/** The keyed-hash namespace of phones: logins, duplicates and SMS codes look phones up under it. */
export const PHONE_NAMESPACE = 'phone';

export class PersonalDataCipher {
  private readonly encKey: Buffer;
  private readonly hashKey: Buffer;
  private readonly signKey: Buffer;

  constructor(secret: string) {
    const derive = (info: string): Buffer => Buffer.from(hkdfSync('sha256', secret, 'shanmei', info, 32));
    this.encKey = derive('personal-data-encryption');
    this.hashKey = derive('personal-data-lookup');
    this.signKey = derive('signing');
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1.${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64url')}`;
  }

  decrypt(stored: string): string {
    if (!stored.startsWith('v1.')) throw new Error('unknown ciphertext version');
    const raw = Buffer.from(stored.slice(3), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** A keyed hash for equality look-ups; the namespace keeps phone and ID hashes apart. */
  lookupHash(namespace: string, value: string): string {
    return createHmac('sha256', this.hashKey).update(`${namespace}\0${value}`).digest('base64url');
  }

  /** An HMAC for signed codes (check-in tokens, member codes, certificates). */
  sign(value: string): Buffer {
    return createHmac('sha256', this.signKey).update(value).digest();
  }
}
