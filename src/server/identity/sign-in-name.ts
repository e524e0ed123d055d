import type { Tx } from '../platform/db/db.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { isMobileNumber } from '../../domain/identity/phone-verification.ts';
import { findAccountByPhoneHash } from './registration-store.ts';
import { findAccountByUsername } from './store.ts';

/**
 * The account name a sign-in is for: a mobile number stands for the account registered with it (residents sign in by
 * phone), found by its keyed hash; else a staff account whose username is those digits. Any other number becomes a name
 * derived from its hash, so the throttle still counts its failures and neither the throttle's table nor the audit log
 * ever holds a number in the clear.
 */
export async function signInName(tx: Tx, pii: PiiCipher, given: string): Promise<string> {
  if (!isMobileNumber(given)) return given;
  const hash = pii.lookupHash(given);
  const resident = await findAccountByPhoneHash(tx, hash);
  if (resident) return resident.username;
  return (await findAccountByUsername(tx, given)) ? given : `phone:${hash.slice(0, 16)}`;
}
