import type { Gender, Relation, ResidenceKind } from '../../../shared/registry.ts';
import type { Random } from '../../cases/demo/random.ts';
import { ageOn, birthDateFor, givenName, idNumberFor, mobileNumber, regionOf, surname, type Origin } from './people.ts';

/**
 * Who lives in the demo grid's flats: households of an ageing community (old people alone and in pairs, families of
 * three generations, grandparents raising the children of parents working away, renters), their members with ages,
 * ID numbers and phones that agree, and the key-population tags a grid worker would have recorded. Pure data from a
 * seeded generator; the step writes it through the registry's commands.
 */

export interface PlannedResident {
  name: string;
  idNumber: string;
  gender: Gender;
  birthDate: string;
  phone: string | null;
  relation: Relation;
  tags: string[];
  partyMember: boolean;
  note: string | null;
}

export type HouseholdKind =
  | 'aloneElder' | 'elderCouple' | 'singleAdult' | 'youngCouple' | 'nuclear' | 'threeGenerations' | 'leftBehind'
  | 'adultChild' | 'renters';

export interface PlannedHousehold {
  kind: HouseholdKind;
  residenceKind: ResidenceKind;
  note: string | null;
  /** the head first */
  members: PlannedResident[];
}

/** How often each kind of household is met, in an old community (walk-ups) and in a newer estate (high-rises). */
const KINDS: Record<'old' | 'new', readonly (readonly [HouseholdKind, number])[]> = {
  old: [['aloneElder', 12], ['elderCouple', 18], ['singleAdult', 4], ['youngCouple', 4], ['nuclear', 16], ['threeGenerations', 20],
    ['leftBehind', 8], ['adultChild', 11], ['renters', 7]],
  new: [['aloneElder', 5], ['elderCouple', 10], ['singleAdult', 7], ['youngCouple', 9], ['nuclear', 30], ['threeGenerations', 22],
    ['leftBehind', 3], ['adultChild', 9], ['renters', 5]],
};

const WORK_AWAY = ['广东东莞', '广东深圳', '浙江宁波', '浙江义乌', '江苏苏州', '福建晋江', '上海', '新疆乌鲁木齐'];
const ALONE_NOTES = [
  '子女在主城区工作，每周回来看望一次。', '老伴已去世，女儿住在同小区另一栋。', '儿子在外地工作，逢年过节回家。',
  '行动较慢，上下楼需要搀扶，紧急联系人为女儿。', '患有高血压，长期服药。', null, null,
];
const ELDER_COUPLE_NOTES = ['子女均在外地工作。', '儿子一家住在渝北，每月回来一次。', null, null, null];

export interface PeopleState {
  ids: Set<string>;
  phones: Set<string>;
  today: string;
}

interface PersonSpec {
  age: number;
  gender: Gender;
  relation: Relation;
  family?: string;
  origin: Origin;
  note?: string | null;
}

function person(r: Random, s: PeopleState, p: PersonSpec): PlannedResident {
  const birthDate = birthDateFor(r, p.age, s.today);
  const year = Number(birthDate.slice(0, 4));
  const family = p.family ?? surname(r);
  // most adults give a mobile number; the oldest less often, children none
  const phoneChance = p.age < 16 ? 0 : p.age < 18 ? 0.5 : p.age < 75 ? 0.95 : p.age < 85 ? 0.7 : 0.4;
  return {
    name: family + givenName(r, p.gender, year),
    idNumber: idNumberFor(r, regionOf(r, p.origin), birthDate, p.gender, s.ids),
    gender: p.gender,
    birthDate,
    phone: r.chance(phoneChance) ? mobileNumber(r, s.phones) : null,
    relation: p.relation,
    tags: [],
    partyMember: false,
    note: p.note ?? null,
  };
}

const other = (g: Gender): Gender => (g === 'male' ? 'female' : 'male');
const coin = (r: Random): Gender => (r.chance(0.5) ? 'male' : 'female');

/** One household of the given kind: its members with ages that fit together, and the tags that follow from them. */
export function planHousehold(r: Random, s: PeopleState, kind: HouseholdKind): PlannedHousehold {
  const members: PlannedResident[] = [];
  let residenceKind: ResidenceKind = r.chance(0.9) ? 'registered' : 'resident';
  let note: string | null = null;
  const origin: Origin = residenceKind === 'registered' ? 'local' : 'city';
  const couple = (age: number, relationOfHead: Relation = 'head', o: Origin = origin) => {
    const headGender: Gender = r.chance(0.85) ? 'male' : 'female';
    const head = person(r, s, { age, gender: headGender, relation: relationOfHead, origin: o });
    const spouse = person(r, s, {
      age: Math.max(20, age + (headGender === 'male' ? -r.int(0, 5) : r.int(0, 5))), gender: other(headGender),
      relation: relationOfHead === 'head' ? 'spouse' : relationOfHead, origin: o,
    });
    members.push(head, spouse);
    return head;
  };
  const childOf = (parentAge: number, family: string, relation: Relation, o: Origin = origin, note?: string) => {
    // a year old at least: born before the registry drive that records them
    const age = Math.max(1, parentAge - r.int(24, 34));
    const child = person(r, s, { age, gender: coin(r), relation, family, origin: o, note });
    members.push(child);
    return child;
  };
  const familyOf = (p: PlannedResident) => p.name[0]!;

  switch (kind) {
    case 'aloneElder': {
      members.push(person(r, s, { age: r.int(70, 93), gender: r.chance(0.7) ? 'female' : 'male', relation: 'head', origin, note: r.pick(ALONE_NOTES) }));
      break;
    }
    case 'elderCouple': {
      couple(r.int(60, 86));
      note = r.pick(ELDER_COUPLE_NOTES);
      break;
    }
    case 'singleAdult': {
      members.push(person(r, s, { age: r.int(22, 59), gender: coin(r), relation: 'head', origin }));
      break;
    }
    case 'youngCouple': {
      couple(r.int(24, 35));
      break;
    }
    case 'nuclear': {
      const headAge = r.int(28, 52);
      const head = couple(headAge);
      const kids = headAge < 34 ? 1 : r.weighted([[1, 5], [2, 5]] as const);
      for (let k = 0; k < kids; k++) childOf(headAge, familyOf(head), 'child');
      break;
    }
    case 'threeGenerations': {
      const headAge = r.int(30, 48);
      const head = couple(headAge);
      const grandparents = r.weighted([[1, 5], [2, 5]] as const);
      const elderAge = headAge + r.int(24, 32);
      if (grandparents === 2) couple(elderAge, 'parent');
      else members.push(person(r, s, { age: elderAge, gender: r.chance(0.65) ? 'female' : 'male', relation: 'parent', origin }));
      const kids = r.weighted([[1, 6], [2, 4]] as const);
      for (let k = 0; k < kids; k++) childOf(headAge, familyOf(head), 'child');
      break;
    }
    case 'leftBehind': {
      // grandparents raise the children; the parents work away and stay registered here
      const elderAge = r.int(56, 74);
      let head: PlannedResident;
      if (r.chance(0.6)) head = couple(elderAge);
      else members.push(head = person(r, s, { age: elderAge, gender: 'female', relation: 'head', origin }));
      const away = r.pick(WORK_AWAY);
      const parentAge = elderAge - r.int(24, 30);
      const parent = person(r, s, { age: parentAge, gender: 'male', relation: 'child', family: familyOf(head), origin, note: `在${away}务工，每年春节回家。` });
      const parentSpouse = person(r, s, { age: parentAge - r.int(0, 3), gender: 'female', relation: 'other', origin: 'city', note: `与丈夫一同在${away}务工。` });
      members.push(parent, parentSpouse);
      const kids = r.weighted([[1, 6], [2, 4]] as const);
      for (let k = 0; k < kids; k++) {
        const child = person(r, s, { age: r.int(3, 15), gender: coin(r), relation: 'grandchild', family: familyOf(parent), origin });
        child.tags.push('child_left_behind');
        members.push(child);
      }
      note = `父母在${away}务工，孩子由${head.gender === 'male' ? '爷爷奶奶' : '奶奶'}照看。`;
      break;
    }
    case 'adultChild': {
      const headAge = r.int(48, 66);
      const head = couple(headAge);
      childOf(headAge, familyOf(head), 'child');
      break;
    }
    case 'renters': {
      residenceKind = 'floating';
      note = r.pick(['租住，房东为本小区居民。', '租住，在附近工地务工。', '租住，在春晖路经营小吃店。', '租住，在附近工厂上班。']);
      const headAge = r.int(22, 45);
      if (r.chance(0.35)) members.push(person(r, s, { age: headAge, gender: coin(r), relation: 'head', origin: 'far' }));
      else {
        const head = couple(headAge, 'head', 'far');
        if (headAge > 28 && r.chance(0.4)) childOf(headAge, familyOf(head), 'child', 'far');
      }
      break;
    }
  }
  tagHousehold(r, s.today, kind, members);
  return { kind, residenceKind, note, members };
}

/** The tags that follow from age and household (独居老人, 空巢老人, 高龄老人 …) and the ones a few people carry anyway. */
function tagHousehold(r: Random, today: string, kind: HouseholdKind, members: PlannedResident[]): void {
  for (const m of members) {
    const age = ageOn(m.birthDate, today);
    const add = (tag: string) => { if (!m.tags.includes(tag)) m.tags.push(tag); };
    if (kind === 'aloneElder' && age >= 70) add('elderly_alone');
    if (kind === 'elderCouple' && age >= 60) add('elderly_empty_nest');
    if (age >= 80) add('elderly_80plus');
    if (age >= 80 && r.chance(0.15)) add('elderly_disabled');
    if (r.chance(age >= 60 ? 0.045 : 0.013)) add('disabled');
    if (m.gender === 'male' && age >= 40 && r.chance(0.05)) add('veteran');
    if (age >= 25 && age < 55 && r.chance(0.025)) add('unemployed');
    if (age >= 18 && r.chance(0.003)) add('mental_disorder');
    if (age >= 14 && age <= 25 && r.chance(0.02)) add('key_youth');
    if (age >= 18 && age < 60 && r.chance(0.03)) add('volunteer');
    if (age < 16 && kind !== 'leftBehind' && r.chance(0.004)) add('child_difficulty');
    // Party members: more among the old (retired workers of the steel plant) than among the young
    if (age >= 18 && r.chance(age >= 60 ? 0.15 : 0.08)) m.partyMember = true;
  }
}

/** 低保 is granted to a household, so every member carries the tag: about this share of the residents. */
export const SUBSISTENCE_SHARE = 0.03;

export function planHouseholds(r: Random, s: PeopleState, count: number, estate: 'old' | 'new'): PlannedHousehold[] {
  const households: PlannedHousehold[] = [];
  for (let i = 0; i < count; i++) households.push(planHousehold(r, s, r.weighted(KINDS[estate])));
  return households;
}

/**
 * Gives the 低保 tag to the members of poorer households (old people alone, grandparents raising children, families
 * with a disabled member) until about `share` of the residents carry it; some old people alone are 特困 as well.
 */
export function grantSubsistence(r: Random, households: readonly PlannedHousehold[], share = SUBSISTENCE_SHARE): void {
  const residents = households.reduce((n, h) => n + h.members.length, 0);
  const poorer = households.filter((h) => h.kind === 'aloneElder' || h.kind === 'leftBehind' || h.members.some((m) => m.tags.includes('disabled')));
  let granted = 0;
  for (const h of [...poorer, ...households]) {
    if (granted >= residents * share) break;
    if (h.members[0]!.tags.includes('subsistence') || !r.chance(0.5)) continue;
    for (const m of h.members) m.tags.push('subsistence');
    granted += h.members.length;
    if (h.kind === 'aloneElder' && r.chance(0.4)) h.members[0]!.tags.push('extreme_poverty');
  }
}
