// Resident identity card numbers (居民身份证号码, GB 11643-1999): 6 digits of the region where it was first issued,
// 8 of the birth date, 3 of a sequence whose last digit is odd for men and even for women, and a check digit
// (ISO 7064 MOD 11-2, 'X' for 10). Plain rules, no I/O, no clock of their own: `today` is an argument.

export type IdNumberProblem =
  | 'ID_NUMBER_EMPTY' | 'ID_NUMBER_SCIENTIFIC' | 'ID_NUMBER_FORMAT' | 'ID_NUMBER_BIRTH_DATE' | 'ID_NUMBER_CHECK_DIGIT';

export type IdNumberResult =
  | { ok: true; idNumber: string; birthDate: string /* YYYY-MM-DD */; gender: 'male' | 'female'; regionCode: string }
  | { ok: false; code: IdNumberProblem };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10X98765432';

/** The check digit of the first 17 digits ('0'–'9' or 'X'); throws on anything but 17 digits (a programming error). */
export function idNumberCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('idNumberCheckDigit needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** A number written as a spreadsheet shows a large number: 5.00103196801011E+17, 5.00103E+17, 5E17. */
const SCIENTIFIC = /^[+-]?\d+(?:\.\d*)?E[+-]?\d+$/;
const SHAPE = /^[1-9]\d{16}[\dX]$/;

/**
 * The number as people type and paste it, made comparable: full-width digits and letters (１１０…Ｘ) to half-width,
 * a lower-case x to X, spaces anywhere removed, and the apostrophe a spreadsheet user types to keep a number as text.
 */
export function normaliseIdNumber(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').replace(/^'/, '').toUpperCase();
}

/** A real calendar date in YYYY-MM-DD (2000-02-30 is not). */
function isRealDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/**
 * Checks an 18-character ID number and reads what it says. The old 15-digit numbers are refused (ID_NUMBER_FORMAT):
 * their century is not written and we do not guess it. A birth date must be a real day from 1900 on, and not after
 * `today` (YYYY-MM-DD) when it is given.
 */
export function parseIdNumber(raw: string, today?: string): IdNumberResult {
  const s = normaliseIdNumber(raw);
  if (s === '') return { ok: false, code: 'ID_NUMBER_EMPTY' };
  if (SCIENTIFIC.test(s)) return { ok: false, code: 'ID_NUMBER_SCIENTIFIC' };
  if (!SHAPE.test(s)) return { ok: false, code: 'ID_NUMBER_FORMAT' };
  const birthDate = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  if (!isRealDate(birthDate) || birthDate < '1900-01-01' || (today !== undefined && birthDate > today)) {
    return { ok: false, code: 'ID_NUMBER_BIRTH_DATE' };
  }
  if (idNumberCheckDigit(s.slice(0, 17)) !== s[17]) return { ok: false, code: 'ID_NUMBER_CHECK_DIGIT' };
  return { ok: true, idNumber: s, birthDate, gender: Number(s[16]) % 2 === 1 ? 'male' : 'female', regionCode: s.slice(0, 6) };
}

const MESSAGES: Record<IdNumberProblem, { zh: string; en: string }> = {
  ID_NUMBER_EMPTY: { zh: '请填写身份证号。', en: 'Enter the ID number.' },
  ID_NUMBER_SCIENTIFIC: {
    zh: '该列被表格软件转成了数字，末几位已丢失：请把身份证号列设为文本格式后重新填写。',
    en: 'The spreadsheet turned this column into numbers and the last digits are lost: set the ID number column to text and enter the numbers again.',
  },
  ID_NUMBER_FORMAT: {
    zh: '身份证号须为 18 位：前 17 位是数字，最后一位是数字或 X（15 位旧号码请换成 18 位）。',
    en: 'An ID number has 18 characters: 17 digits and a last digit or X (replace an old 15-digit number with its 18-digit form).',
  },
  ID_NUMBER_BIRTH_DATE: {
    zh: '身份证号中的出生日期不存在（须为 1900 年以后、不晚于今天的真实日期）。',
    en: 'The birth date in the ID number is not a real date (it must be a day from 1900 on and not after today).',
  },
  ID_NUMBER_CHECK_DIGIT: {
    zh: '身份证号校验位不符，请核对是否有数字录错（若该列曾被转成数字，请设为文本格式后重新填写）。',
    en: 'The ID number\'s check digit does not match: check for a mistyped digit (if the column was turned into numbers, set it to text and enter them again).',
  },
};

/** The reason a user reads, in both languages. */
export function idNumberProblemMessage(code: IdNumberProblem): { zh: string; en: string } {
  return MESSAGES[code];
}
