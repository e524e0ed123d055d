// The key-population tags of a resident (独居老人, 留守儿童, 低保对象 …) and what they ask of a grid worker: how often
// to visit, whether the tag is PIPL-sensitive data only carers may see. The catalog is data (a town overrides the visit
// frequency); these rules take it as an argument. Plain rules, no I/O, no clock of their own.

export interface TagDefinition {
  code: string;
  name: string;
  nameEn: string;
  /** 一老, 一小, 帮扶, 服务, 关注, 力量 */
  group: string;
  /** PIPL sensitive personal data: shown and exported only to the roles that care for the person */
  sensitive: boolean;
  /** the default number of days between two visits; null: the tag asks for no visits */
  visitEveryDays: number | null;
}

/** The platform's tags: ../shared/domain/population-tags.json (seeded from src/server/platform/seed/catalogs) with English names. */
export const POPULATION_TAGS: readonly TagDefinition[] = [
  { code: 'elderly_alone', name: '独居老人', nameEn: 'older person living alone', group: '一老', sensitive: false, visitEveryDays: 7 },
  { code: 'elderly_empty_nest', name: '空巢老人', nameEn: 'empty-nest older person', group: '一老', sensitive: false, visitEveryDays: 14 },
  { code: 'elderly_80plus', name: '高龄老人', nameEn: 'person aged 80 or over', group: '一老', sensitive: false, visitEveryDays: 14 },
  { code: 'elderly_disabled', name: '失能半失能老人', nameEn: 'older person unable to care for themselves', group: '一老', sensitive: true, visitEveryDays: 7 },
  { code: 'child_left_behind', name: '留守儿童', nameEn: 'left-behind child', group: '一小', sensitive: true, visitEveryDays: 14 },
  { code: 'child_difficulty', name: '困境儿童', nameEn: 'child in difficulty', group: '一小', sensitive: true, visitEveryDays: 14 },
  { code: 'disabled', name: '残疾人', nameEn: 'person with a disability', group: '帮扶', sensitive: true, visitEveryDays: 30 },
  { code: 'subsistence', name: '低保对象', nameEn: 'minimum living allowance recipient', group: '帮扶', sensitive: true, visitEveryDays: 30 },
  { code: 'extreme_poverty', name: '特困人员', nameEn: 'person in extreme poverty', group: '帮扶', sensitive: true, visitEveryDays: 14 },
  { code: 'veteran', name: '退役军人', nameEn: 'veteran', group: '服务', sensitive: false, visitEveryDays: 90 },
  { code: 'unemployed', name: '失业人员', nameEn: 'unemployed person', group: '服务', sensitive: false, visitEveryDays: 30 },
  { code: 'mental_disorder', name: '严重精神障碍患者', nameEn: 'person with a severe mental disorder', group: '关注', sensitive: true, visitEveryDays: 14 },
  { code: 'community_correction', name: '社区矫正对象', nameEn: 'person under community correction', group: '关注', sensitive: true, visitEveryDays: 30 },
  { code: 'released_prisoner', name: '刑满释放人员', nameEn: 'person released from prison', group: '关注', sensitive: true, visitEveryDays: 30 },
  { code: 'key_youth', name: '重点青少年', nameEn: 'young person needing attention', group: '关注', sensitive: true, visitEveryDays: 30 },
  { code: 'party_member', name: '党员', nameEn: 'Party member', group: '力量', sensitive: false, visitEveryDays: null },
  { code: 'volunteer', name: '志愿者', nameEn: 'volunteer', group: '力量', sensitive: false, visitEveryDays: null },
];

/** The tag groups in both languages, in the order pages list them. */
export const TAG_GROUPS: readonly { code: string; zh: string; en: string }[] = [
  { code: '一老', zh: '一老', en: 'Older people' },
  { code: '一小', zh: '一小', en: 'Children' },
  { code: '帮扶', zh: '帮扶', en: 'Assistance' },
  { code: '服务', zh: '服务', en: 'Services' },
  { code: '关注', zh: '关注', en: 'Close attention' },
  { code: '力量', zh: '力量', en: 'Community helpers' },
];

/** The catalog with a town's own visit frequencies laid over the platform's (a tag the town did not touch keeps its default). */
export function withTownFrequencies(
  catalog: readonly TagDefinition[], town: readonly { code: string; visitEveryDays: number | null }[],
): TagDefinition[] {
  const own = new Map(town.map((t) => [t.code, t.visitEveryDays]));
  return catalog.map((t) => (own.has(t.code) ? { ...t, visitEveryDays: own.get(t.code)! } : t));
}

/** The shortest visit frequency among a person's tags; null when none of them asks for visits. Unknown codes are ignored. */
export function visitEveryDays(tags: readonly string[], catalog: readonly TagDefinition[]): number | null {
  let best: number | null = null;
  for (const t of catalog) {
    if (t.visitEveryDays !== null && tags.includes(t.code) && (best === null || t.visitEveryDays < best)) best = t.visitEveryDays;
  }
  return best;
}

/** Whole years of age on a day (YYYY-MM-DD); one born on 29 February turns a year older on 1 March of a common year. */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

const DAY_MS = 86_400_000;
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The day the next visit is due (YYYY-MM-DD): the last visit plus the frequency; today when the person was never
 * visited; null when no tag asks for visits.
 */
export function nextVisitDue(lastVisitOn: string | null, tags: readonly string[], catalog: readonly TagDefinition[], today: string): string | null {
  const every = visitEveryDays(tags, catalog);
  if (every === null) return null;
  return lastVisitOn === null ? today : addDays(lastVisitOn, every);
}

/** Whether the visit is late: its due day has passed (due today is not yet late). */
export function isOverdue(lastVisitOn: string | null, tags: readonly string[], catalog: readonly TagDefinition[], today: string): boolean {
  const due = nextVisitDue(lastVisitOn, tags, catalog, today);
  return due !== null && due < today;
}

const comparable = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/** The tag a cell of an import names: its code, its Chinese name or its English name (case and spacing aside); null if none. */
export function resolveTag(text: string, catalog: readonly TagDefinition[]): TagDefinition | null {
  const s = comparable(text);
  if (s === '') return null;
  return catalog.find((t) => t.code.toLowerCase() === s || comparable(t.name) === s || comparable(t.nameEn) === s) ?? null;
}

/** The separate tags of one cell: 独居老人、低保对象 / 独居老人,低保对象 / 独居老人；低保对象 (also full-width and line breaks). */
export function splitTagList(text: string): string[] {
  return text.normalize('NFKC').split(/[、,;/\n]+/).map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * The tags a reader may see, in the order given: all of them for those who care for the person, otherwise only those
 * that are not sensitive. A code the catalog does not know is treated as sensitive.
 */
export function visibleTags(tags: readonly string[], catalog: readonly TagDefinition[], mayReadSensitive: boolean): string[] {
  if (mayReadSensitive) return [...tags];
  return tags.filter((code) => catalog.find((t) => t.code === code)?.sensitive === false);
}
