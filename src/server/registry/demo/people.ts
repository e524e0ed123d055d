import { idNumberCheckDigit } from '../../../domain/registry/id-number.ts';
import type { Gender } from '../../../shared/registry.ts';
import type { Random } from '../../cases/demo/random.ts';
import { SURNAMES } from '../../cases/demo/texts.ts';

/**
 * The people of the demo registry: names as each generation was named, ID numbers that pass GB 11643 and agree with the
 * birth date and gender, mobile numbers. Plain functions over a seeded generator; `today` is an argument.
 */

/** Given names by the decade people were born in and their gender: 1930s–60s, 1970s–80s, from the 1990s on. */
const GIVEN: Record<'old' | 'middle' | 'young', Record<Gender, readonly string[]>> = {
  old: {
    male: ['德明', '建国', '国华', '志强', '正清', '永福', '长贵', '德贵', '光明', '学文', '建华', '国平', '明安', '文彬', '世杰',
      '家富', '厚德', '福生', '忠义', '树林', '绍云', '光荣', '开富', '清泉', '远华', '国强', '德华', '泽民', '云山', '少华'],
    female: ['秀英', '桂英', '淑芬', '玉兰', '秀兰', '桂兰', '凤英', '素珍', '翠华', '淑珍', '玉珍', '春兰', '秀珍', '金凤', '桂芳',
      '玉梅', '德芬', '素英', '美华', '兰英', '淑华', '素芳', '明芬', '光碧', '国琼', '泽芬', '世英', '成碧', '碧霞', '永琼'],
  },
  middle: {
    male: ['伟', '勇', '军', '强', '磊', '涛', '斌', '杰', '鹏', '波', '辉', '刚', '海涛', '建波', '晓东', '志刚', '俊杰', '小龙',
      '红兵', '明亮', '文龙', '浩', '小兵', '成林', '永红', '建军', '大伟', '春林', '江', '川'],
    female: ['丽', '芳', '敏', '静', '艳', '娟', '霞', '燕', '红梅', '晓燕', '丽娟', '海燕', '春燕', '小红', '琳', '婷', '莉', '雪梅',
      '晓丽', '倩', '小琴', '晓梅', '利', '英', '红', '小莉', '明霞', '玲', '蓉', '渝萍'],
  },
  young: {
    male: ['子轩', '浩然', '宇航', '俊熙', '梓豪', '一鸣', '浩宇', '博文', '思远', '睿', '宇轩', '子豪', '俊宇', '天佑', '铭泽',
      '皓轩', '家乐', '明哲', '子墨', '嘉豪', '奕辰', '瑞', '锦程', '沐阳', '承泽', '宇', '俊', '晨', '航', '鑫'],
    female: ['欣怡', '梓涵', '诗涵', '子涵', '雨桐', '可馨', '梓萱', '思彤', '佳怡', '一诺', '语嫣', '若曦', '雨萱', '紫涵', '梦瑶',
      '佳琪', '欣然', '心怡', '雨欣', '婉清', '思琪', '芷若', '雅琪', '悦', '琪', '萌', '佳', '雪', '瑶', '颖'],
  },
};

/** Most people of the demo town were first registered in 大渡口区 (where its streets lie); the rest elsewhere in 重庆's city districts. */
const HOME_REGION = '500104';
const OTHER_REGIONS = ['500103', '500105', '500106', '500107', '500108', '500109', '500112', '500113'] as const;
/** where the people of rented flats (流动人口) come from: the outer districts of 重庆 */
const FAR_REGIONS = ['500101', '500102', '500110', '500111', '500115', '500116', '500117', '500118', '500119', '500120'] as const;

export type Origin = 'local' | 'city' | 'far';

export function regionOf(r: Random, origin: Origin): string {
  if (origin === 'far') return r.pick(FAR_REGIONS);
  if (origin === 'city') return r.pick(OTHER_REGIONS);
  return r.chance(0.8) ? HOME_REGION : r.pick(OTHER_REGIONS);
}

/** A surname, the common ones more often (about as often as the first names of the list are met). */
export function surname(r: Random): string {
  const all = [...SURNAMES];
  return all[Math.floor(all.length * r.next() ** 1.6)]!;
}

export function givenName(r: Random, gender: Gender, birthYear: number): string {
  const generation = birthYear < 1966 ? 'old' : birthYear < 1991 ? 'middle' : 'young';
  return r.pick(GIVEN[generation][gender]);
}

const DAY = 86_400_000;
const toDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A birth date for someone of `age` full years on `today` (YYYY-MM-DD). */
export function birthDateFor(r: Random, age: number, today: string): string {
  const t = Date.parse(`${today}T00:00:00Z`);
  const y = Number(today.slice(0, 4));
  const lastBirthday = Date.parse(`${y - age}${today.slice(4)}T00:00:00Z`);
  // born between a year and a day before `today` minus `age` years and that day itself
  const daysBack = r.int(0, 364);
  const born = Number.isNaN(lastBirthday) ? t - (age * 365.25 + daysBack) * DAY : lastBirthday - daysBack * DAY;
  return toDate(born);
}

export function ageOn(birthDate: string, today: string): number {
  const age = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? age - 1 : age;
}

/**
 * A GB 11643 number: the region, the birth date, a sequence whose last digit is odd for a man and even for a woman, and
 * the check digit. `taken` keeps the numbers already given, so no two people share one.
 */
export function idNumberFor(r: Random, region: string, birthDate: string, gender: Gender, taken: Set<string>): string {
  for (;;) {
    const order = r.int(0, 49) * 2 + (gender === 'male' ? 1 : 0);
    const first17 = `${region}${birthDate.replaceAll('-', '')}${String(r.int(0, 9))}${String(order).padStart(2, '0')}`;
    const id = first17 + idNumberCheckDigit(first17);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

const MOBILE_PREFIXES = ['133', '135', '136', '137', '138', '139', '150', '151', '152', '157', '158', '159', '177', '180', '182', '187', '188', '189', '199'];

export function mobileNumber(r: Random, taken: Set<string>): string {
  for (;;) {
    const phone = `${r.pick(MOBILE_PREFIXES)}${String(r.int(0, 99_999_999)).padStart(8, '0')}`;
    if (!taken.has(phone)) {
      taken.add(phone);
      return phone;
    }
  }
}
