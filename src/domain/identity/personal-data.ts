/**
 * Personal identifiers (PIPL): validation of resident ID numbers (GB 11643-1999) and the masks used
 * wherever a role does not need the full value.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem = 'FORMAT' | 'BIRTH_DATE' | 'CHECK_DIGIT';

/** Checks an 18-character ID number: digits, a real birth date, and the ISO 7064 MOD 11-2 check character. */
export function checkIdNumber(raw: string): IdNumberProblem | null {
  const id = raw.trim().toUpperCase();
  if (!/^[1-9]\d{5}\d{8}\d{3}[\dX]$/.test(id)) return 'FORMAT';
  const y = Number(id.slice(6, 10)), m = Number(id.slice(10, 12)), d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return 'BIRTH_DATE';
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0);
  return CHECK_CHARS[sum % 11] === id[17] ? null : 'CHECK_DIGIT';
}

export function normaliseIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

/** 500104********1234: region kept, birth date and sequence hidden. */
export function maskIdNumber(id: string): string {
  return id.length === 18 ? `${id.slice(0, 6)}********${id.slice(14)}` : '*'.repeat(id.length);
}

/** 138****1234 */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '*'.repeat(phone.length);
}

/** 张*, 欧阳**: the first character kept, one star for each of the rest. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length === 0 ? '' : chars[0]! + '*'.repeat(Math.max(1, chars.length - 1));
}
