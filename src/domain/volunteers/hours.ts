// Volunteer service hours and the five-colour teams. Plain rules, no I/O, no clock of their own. Written down:
//   - the hours of a check-in are the time between check-in and check-out counted only within the activity's
//     start and end (early arrival and late leaving do not count), rounded down to the half hour, at most
//     VOLUNTEER_LIMITS.hoursPerActivity; no check-out, or a check-out before the check-in → 0.
import { VOLUNTEER_LIMITS, type TeamColour } from '../../shared/volunteers.ts';

export function serviceHours(s: { checkedInAt: Date; checkedOutAt: Date | null; startsAt: Date; endsAt: Date }): number {
  if (!s.checkedOutAt) return 0;
  const from = Math.max(s.checkedInAt.getTime(), s.startsAt.getTime());
  const to = Math.min(s.checkedOutAt.getTime(), s.endsAt.getTime());
  if (!(to > from)) return 0;
  const halfHours = Math.floor((to - from) / 1_800_000 + 1e-9);
  return Math.min(halfHours / 2, VOLUNTEER_LIMITS.hoursPerActivity);
}

/** 五色志愿服务队: 民聚红 · 民兴金 · 民和橙 · 民康绿 · 民安蓝, with what each serves. */
export const TEAM_NAMES: Record<TeamColour, { name: string; focus: string; nameEn: string; focusEn: string }> = {
  red: { name: '民聚红', focus: '党员先锋、政策宣讲、议事协商', nameEn: 'Minju Red', focusEn: 'party members in the lead, explaining policies, deliberation' },
  gold: { name: '民兴金', focus: '就业创业、技能培训、便民服务', nameEn: 'Minxing Gold', focusEn: 'jobs and small businesses, skills training, everyday services' },
  orange: { name: '民和橙', focus: '邻里互助、矛盾调解、关爱一老一小', nameEn: 'Minhe Orange', focusEn: 'neighbour help, mediation, care for the old and the young' },
  green: { name: '民康绿', focus: '环境整治、垃圾分类、健康服务', nameEn: 'Minkang Green', focusEn: 'the environment, waste sorting, health services' },
  blue: { name: '民安蓝', focus: '平安巡逻、消防安全、应急救援', nameEn: 'Min\'an Blue', focusEn: 'safety patrols, fire safety, emergency help' },
};
