import { randomInt } from 'node:crypto';

// no look-alikes (0/O, 1/l/I), so it can be read out over the phone or copied from paper
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A one-time password an administrator hands over: three groups of four random characters joined by dashes
 * (about 68 bits), so it always holds letters or digits and another kind of character, as the policy asks.
 */
export function newOneTimePassword(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return [group(), group(), group()].join('-');
}
