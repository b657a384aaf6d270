import { createCipheriv, createDecipheriv, createHmac, hkdfSync } from 'node:crypto';
import { randomPoolBytes } from './random-pool.js';

/**
 * Personal data at rest: AES-256-GCM for what must be read back, an HMAC for what must be
 * looked up (duplicate ID numbers, login by phone). Every key derives from SHANMEI_SECRET.
 *
 * Secrets rotate (`shanmei secret rotate`): the cipher holds the current secret and any previous
 * ones. A ciphertext names the key it was made under (`v2.<key id>.…`), so data written before a
 * rotation still reads while it is being re-encrypted; what is encrypted, hashed or signed now
 * always uses the current key. Ciphertexts from before key ids (`v1.…`) are tried under each key.
 */
/** The keyed-hash namespace of phones: logins, duplicates and SMS codes look phones up under it. */
export const PHONE_NAMESPACE = 'phone';

interface Key {
  id: string;
  enc: Buffer;
}

const derive = (secret: string, info: string, bytes = 32): Buffer =>
  Buffer.from(hkdfSync('sha256', secret, 'shanmei', info, bytes));

/** A secret's public name: 8 characters from its own derived key, telling nothing of the secret. */
export const keyIdOf = (secret: string): string => derive(secret, 'key-id', 6).toString('base64url');

const V2 = /^v2\.([A-Za-z0-9_-]{8})\.(.+)$/s;

export class PersonalDataCipher {
  private readonly keys: Key[];
  private readonly hashKey: Buffer;
  private readonly signKey: Buffer;

  /** `secret` encrypts, hashes and signs; `previous` secrets only decrypt what they encrypted. */
  constructor(secret: string, previous: readonly string[] = []) {
    this.keys = [secret, ...previous.filter((p) => p !== secret)].map((s) => ({
      id: keyIdOf(s),
      enc: derive(s, 'personal-data-encryption'),
    }));
    this.hashKey = derive(secret, 'personal-data-lookup');
    this.signKey = derive(secret, 'signing');
  }

  /** The id of the key new ciphertexts are made under. */
  get currentKeyId(): string {
    return (this.keys[0] as Key).id;
  }

  encrypt(plain: string): string {
    const key = this.keys[0] as Key;
    const iv = randomPoolBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key.enc, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v2.${key.id}.${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64url')}`;
  }

  decrypt(stored: string): string {
    const v2 = V2.exec(stored);
    if (v2) {
      const key = this.keys.find((k) => k.id === v2[1]);
      if (!key) {
        throw new Error(`data encrypted under key ${v2[1]}, which is not configured (see SHANMEI_SECRET_PREVIOUS)`);
      }
      return open(key.enc, v2[2] as string);
    }
    if (!stored.startsWith('v1.')) throw new Error('unknown ciphertext version');
    for (const key of this.keys) {
      try {
        return open(key.enc, stored.slice(3));
      } catch {
        // the next key, if any
      }
    }
    throw new Error('data encrypted under a key that is not configured (see SHANMEI_SECRET_PREVIOUS)');
  }

  /** Whether a stored value was made under the current key (else a rotation has yet to reach it). */
  isCurrent(stored: string): boolean {
    return stored.startsWith(`v2.${this.currentKeyId}.`);
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

function open(key: Buffer, body: string): string {
  const raw = Buffer.from(body, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/** The cipher of a configuration: its current secret and the previous ones still being rotated out. */
export const cipherFor = (c: { secret: string; previousSecrets?: readonly string[] }): PersonalDataCipher =>
  new PersonalDataCipher(c.secret, c.previousSecrets ?? []);
