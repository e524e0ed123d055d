import { createCipheriv, createDecipheriv, createHmac, createSecretKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createFileDurablySync, fsyncDirectorySync } from './durable-file.ts';
import path from 'node:path';

/** A value sealed by `PiiCipher.encrypt`: what the store's personal-data columns hold, never the value itself. */
export type Sealed = string & { readonly __sealed: true };

export const SEALED_PREFIX = 'v1.';

/** Whether a stored value is sealed already: rows an earlier version wrote in the clear are not. */
export const isSealed = (stored: string): boolean => stored.startsWith(SEALED_PREFIX);

/** A key of its own for one use (`label`), derived from the master key, so no two uses ever share key material. */
export function deriveKey(masterKey: Buffer, label: string): Buffer {
  if (masterKey.length !== 32) throw new Error('the master key must be 32 bytes');
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), label, 32));
}

/**
 * Encrypts personal data at rest (AES-256-GCM) and gives a keyed hash (HMAC-SHA256) for look-ups by equality,
 * so the store never holds a phone or ID number in the clear. Both keys derive from one master key.
 */
export class PiiCipher {
  // KeyObjects, not Buffers: OpenSSL imports a Buffer key on every call, which was most of an import's time per row
  private readonly encKey: KeyObject;
  private readonly macKey: KeyObject;

  constructor(masterKey: Buffer) {
    this.encKey = createSecretKey(deriveKey(masterKey, 'zhizhi pii encryption'));
    this.macKey = createSecretKey(deriveKey(masterKey, 'zhizhi pii lookup'));
  }

  encrypt(plain: string): Sealed {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${SEALED_PREFIX}${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}` as Sealed;
  }

  decrypt(sealed: string): string {
    if (!isSealed(sealed)) throw new Error('not a sealed value');
    const raw = Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
  }

  /** null when the value was sealed with another key (a restore without its key): shown as unavailable, never a 500 */
  tryDecrypt(sealed: string): string | null {
    try {
      return this.decrypt(sealed);
    } catch {
      return null;
    }
  }

  lookupHash(value: string): string {
    return createHmac('sha256', this.macKey).update(value).digest('hex');
  }
}

/**
 * The master key: PII_KEY (base64 of 32 bytes; set it on every node when several share one PostgreSQL), else
 * DATA_DIR/keys/pii.key, created at first start readable by this user only. Losing it loses the encrypted data:
 * back it up apart from the database.
 */
export function loadPiiKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  if (env.PII_KEY) {
    const key = Buffer.from(env.PII_KEY, 'base64');
    if (key.length !== 32) throw new Error('PII_KEY must be the base64 of exactly 32 bytes (openssl rand -base64 32)');
    return key;
  }
  const dir = path.join(dataDir, 'keys');
  const file = path.join(dir, 'pii.key');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    fsyncDirectorySync(dataDir);
    // flushed before the first sealed row can use it: a key lost to a power cut would leave those rows unreadable
    try {
      createFileDurablySync(file, randomBytes(32).toString('base64'), 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err; // another process of this folder made it first
    }
  }
  chmodSync(file, 0o600);
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}
