// Phone numbers of residents and contacts as people write them: a mainland mobile (+86 138 1234 5678,
// 0086-13812345678) or a landline with its area code (023-68123456, (023) 6812 3456). Plain rules, no I/O.

const MOBILE = /^1[3-9]\d{9}$/;
/** Area codes are 010, 02x (3 digits) or 0xxx (4 digits); local numbers have 7 or 8 digits. */
const LANDLINE = /^(0(?:10|2\d|[3-9]\d{2}))(\d{7,8})$/;

/**
 * The number in one normal form — a mobile as 11 digits (13812345678), a landline as area code, one dash, local
 * number (023-68123456) — or null when it is neither. Full-width digits, spaces, dashes, dots and brackets are
 * allowed in the input; a +86 or 0086 country prefix is dropped.
 */
export function normalisePhone(raw: string): string | null {
  let s = raw.normalize('NFKC').trim();
  if (!/^[\d\s\-+().]+$/.test(s)) return null;
  s = s.replace(/[\s\-().]/g, '');
  if (s.startsWith('+86')) s = s.slice(3);
  else if (s.startsWith('0086')) s = s.slice(4);
  else if (s.includes('+')) return null;
  if (MOBILE.test(s)) return s;
  const landline = LANDLINE.exec(s);
  if (landline) return `${landline[1]}-${landline[2]}`;
  return null;
}

/** A mainland mobile number in its normal form. */
export const isMobile = (normalised: string): boolean => MOBILE.test(normalised);
