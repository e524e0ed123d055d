import { SHANGHAI_OFFSET_MS } from '../sla/working-calendar.ts';

/**
 * Readable case numbers: `500199001-20261123-0042` = where (the town's 9-digit 统计用区划代码), when
 * (the Shanghai date of the report) and which (the town's sequence of that day, 4 digits, 5 after 9999).
 * The hyphens give three chunks people already know how to say; inside one town the last two
 * ("11月23日42号") are enough on the phone. The sequence restarts daily per town, so the counter is
 * one row per (town, day) and never a city-wide hot spot.
 */
export const CASE_NUMBER_RE = /^(\d{9})-(\d{8})-(\d{4,5})$/;
const MAX_SEQ = 99_999;

export interface CaseNumberParts {
  townCode: string;
  day: string; // yyyyMMdd
  seq: number;
}

/** The day key (yyyyMMdd, Shanghai) under which the town's counter runs. */
export function caseNumberDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
}

export function formatCaseNumber(townCode: string, at: Date, seq: number): string {
  if (!/^\d{9}$/.test(townCode)) throw new RangeError(`town code must be 9 digits: ${townCode}`);
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_SEQ) throw new RangeError(`case sequence out of range: ${seq}`);
  return printCaseNumber({ townCode, day: caseNumberDay(at), seq });
}

/** The number as printed, from its parts. */
export function printCaseNumber(p: CaseNumberParts): string {
  return `${p.townCode}-${p.day}-${String(p.seq).padStart(4, '0')}`;
}

/** Accepts the number as printed, or typed with spaces or without hyphens (21–22 digits). */
export function parseCaseNumber(input: string): CaseNumberParts | null {
  const compact = input.replace(/[\s-]/g, '');
  if (!/^\d{21,22}$/.test(compact)) return null;
  const m = CASE_NUMBER_RE.exec(`${compact.slice(0, 9)}-${compact.slice(9, 17)}-${compact.slice(17)}`);
  if (!m) return null;
  const seq = Number(m[3]);
  const day = m[2]!;
  if (seq < 1 || (m[3]!.length === 5 && seq <= 9999) || !isRealDay(day)) return null;
  return { townCode: m[1]!, day, seq };
}

/** The part that is unique within one town: `20261123-0042`. */
export function shortCaseNumber(number: string): string {
  return number.slice(10);
}

function isRealDay(day: string): boolean {
  const iso = `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso);
}
