// Whether a party of a dispute is vulnerable (弱势当事人): the risk rules raise a dispute's level for one. A party is
// vulnerable when, in this order of reasons:
//   - the ID number's birth date makes them 70 or older (老年人) or under 18 (未成年人) on `today` (Asia/Shanghai date);
//   - the registry tags them as one of the vulnerable key populations (独居老人, 失能半失能老人, 留守儿童, 困境儿童, 残疾人,
//     低保对象, 特困人员, 严重精神障碍患者 … see VULNERABLE_TAGS);
//   - staff marked them, with a reason (disabled, sick, pregnant …).
// Plain rules, no I/O, no clock of their own.
import { parseIdNumber } from '../registry/id-number.ts';
import { POPULATION_TAGS } from '../registry/tags.ts';

export const VULNERABLE_AGE_FROM = 70;
export const ADULT_AGE = 18;

/** Key-population tags (../shared/domain/population-tags.json) that make a party vulnerable. */
export const VULNERABLE_TAGS = [
  'elderly_alone', 'elderly_empty_nest', 'elderly_80plus', 'elderly_disabled',
  'child_left_behind', 'child_difficulty', 'disabled', 'subsistence', 'extreme_poverty', 'mental_disorder',
] as const;

export interface VulnerabilityInput {
  idNumber?: string | null;
  /** the registry tags of the resident (codes of population-tags.json) */
  tags?: readonly string[];
  /** marked by staff */
  marked?: boolean;
  markedReason?: string | null;
}

export interface Vulnerability {
  vulnerable: boolean;
  /** the first reason found, in Chinese (老年人（76岁）, 未成年人（15岁）, 残疾人, 或 staff's reason); null when not vulnerable */
  reason: string | null;
  reasonEn: string | null;
}

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Whole years from a birth date (YYYY-MM-DD) to a date (YYYY-MM-DD): a birthday counts on its day (29 Feb on 1 Mar). */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

export function vulnerabilityOf(person: VulnerabilityInput, today: Date): Vulnerability {
  const date = shanghaiDate(today);
  if (person.idNumber) {
    const id = parseIdNumber(person.idNumber, date);
    if (id.ok) {
      const age = ageOn(id.birthDate, date);
      if (age >= VULNERABLE_AGE_FROM) return { vulnerable: true, reason: `老年人（${age}岁）`, reasonEn: `older person (aged ${age})` };
      if (age < ADULT_AGE) return { vulnerable: true, reason: `未成年人（${age}岁）`, reasonEn: `minor (aged ${age})` };
    }
  }
  for (const code of person.tags ?? []) {
    if (!(VULNERABLE_TAGS as readonly string[]).includes(code)) continue;
    const tag = POPULATION_TAGS.find((t) => t.code === code);
    if (tag) return { vulnerable: true, reason: tag.name, reasonEn: tag.nameEn };
  }
  if (person.marked) {
    const reason = person.markedReason?.trim() || null;
    return { vulnerable: true, reason: reason ?? '工作人员标记为弱势', reasonEn: reason ?? 'marked vulnerable by staff' };
  }
  return { vulnerable: false, reason: null, reasonEn: null };
}
