import type { Tx } from '../platform/db/db.ts';
import { isSealed, type PiiCipher } from '../platform/pii-cipher.ts';
import { normalisePhone } from '../../domain/registry/phone.ts';

/**
 * The keyed hash of an account's phone: the stored one, or for accounts made before phone hashes were kept (the demo
 * seed's) the hash of their sealed phone. It ties a resident's account to the registry and to disputes' parties.
 */
export async function accountPhoneHash(tx: Tx, pii: PiiCipher, accountId: string): Promise<string | null> {
  const r = await tx.query<{ phone_hash: string | null; phone: string | null }>('select phone_hash, phone from accounts where id = $1', [accountId]);
  const a = r.rows[0];
  if (!a) return null;
  if (a.phone_hash) return a.phone_hash;
  const phone = a.phone === null ? null : isSealed(a.phone) ? pii.tryDecrypt(a.phone) : a.phone;
  if (!phone) return null;
  return pii.lookupHash(normalisePhone(phone) ?? phone);
}
