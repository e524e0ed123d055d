// Key-population tags on the phone: their colours, their names in the reader's language (never the code), and the
// order marks and chips list them in, the most pressing first (TAG_ORDER).
import type { TFunction } from 'i18next';
import { i18n } from '../../../lib/i18n.ts';
import { POPULATION_TAGS } from '../../../../domain/registry/tags.ts';

export const TAG_ORDER = [
  'elderly_alone', 'elderly_disabled', 'child_left_behind', 'child_difficulty', 'elderly_80plus', 'elderly_empty_nest',
  'disabled', 'extreme_poverty', 'subsistence', 'mental_disorder', 'community_correction', 'released_prisoner', 'key_youth',
  'unemployed', 'veteran', 'party_member', 'volunteer',
] as const;

/**
 * One colour a tag, the same on the desktop and the phone (a list's tag, a household file's, a building view's room
 * mark): 独居老人 red, 留守儿童 orange, 残疾人 purple, 低保 blue …; a tag not listed is grey. Kept here, free of antd, so
 * the desktop pages can take it too without pulling the phone's or the desk's components along.
 */
export const TAG_COLOURS: Readonly<Record<string, string>> = {
  elderly_alone: '#f5222d', elderly_empty_nest: '#eb2f96', elderly_80plus: '#c41d7f', elderly_disabled: '#a8071a',
  child_left_behind: '#fa8c16', child_difficulty: '#d4b106',
  disabled: '#722ed1', subsistence: '#1677ff', extreme_poverty: '#2f54eb',
  veteran: '#389e0d', unemployed: '#13c2c2',
  mental_disorder: '#531dab', community_correction: '#614700', released_prisoner: '#873800', key_youth: '#7cb305',
  party_member: '#ad2102', volunteer: '#08979c',
};
export const tagColor = (code: string): string => TAG_COLOURS[code] ?? '#8c8c8c';

/** The tag's name in the reader's language: the town's catalog as the API sends it, else the platform's, never the code. */
export function tagName(t: TFunction, code: string, given?: { name: string; nameEn: string } | null): string {
  const known = given ?? POPULATION_TAGS.find((x) => x.code === code);
  if (!known) return t('mreg.common.unknown');
  return i18n.language.startsWith('zh') ? known.name : known.nameEn;
}

/** Tags sorted the way the marks and the chips show them: the most pressing first. */
export function sortTags(codes: readonly string[]): string[] {
  const rank = (c: string) => { const i = (TAG_ORDER as readonly string[]).indexOf(c); return i < 0 ? TAG_ORDER.length : i; };
  return [...codes].sort((a, b) => rank(a) - rank(b));
}

/** A tag that asks for visits (a key population: 独居老人, 留守儿童 …), not one of the helpers (党员, 志愿者). */
export function needsVisits(code: string): boolean {
  const known = POPULATION_TAGS.find((x) => x.code === code);
  return !known || known.visitEveryDays !== null;
}
