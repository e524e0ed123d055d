// The masked forms lists, exports and the change history show instead of an ID number or a phone (what the registry
// stores as *_masked): enough to tell two people apart, not enough to use. Plain rules, no I/O.

const stars = (n: number) => '*'.repeat(Math.max(0, n));

/** 110101199003071234 → 110***********1234: the first 3 and the last 4 kept, the same length. */
export function maskIdNumber(idNumber: string): string {
  const s = idNumber.trim();
  if (s.length <= 7) return stars(s.length);
  return s.slice(0, 3) + stars(s.length - 7) + s.slice(-4);
}

/**
 * 13812345678 → 138****5678; a landline keeps its area code and last 4 digits (023-68123456 → 023-****3456).
 * Anything else keeps only its last 4 characters.
 */
export function maskPhone(phone: string): string {
  const s = phone.trim();
  if (/^1\d{10}$/.test(s)) return s.slice(0, 3) + stars(4) + s.slice(-4);
  const landline = /^(0\d{2,3})-(\d+)$/.exec(s);
  if (landline) return `${landline[1]}-${stars(landline[2]!.length - 4)}${landline[2]!.slice(-4)}`;
  if (s.length <= 4) return stars(s.length);
  return stars(s.length - 4) + s.slice(-4);
}
