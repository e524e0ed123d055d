// The unified social credit code (统一社会信用代码, GB 32100-2015) of a shop or an enterprise: 18 characters of
// 0-9 and the capitals without I, O, Z, S, V; the last is a check character (MOD 31). Plain rules, no I/O.

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The code in its normal form (full-width to half-width, capitals, no spaces) when it is well formed and its check character holds; else null. */
export function normaliseCreditCode(raw: string): string | null {
  const s = raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (!SHAPE.test(s)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(s[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31] === s[17] ? s : null;
}
