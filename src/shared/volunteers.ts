// 共建共治共享 (issue 16): the five-colour volunteer teams, activities and 微讲堂, party members' commitments and stars,
// and 家事 neighbour help.
import type { Role } from './roles.ts';

/** 民聚红 · 民兴金 · 民和橙 · 民康绿 · 民安蓝 */
export const TEAM_COLOURS = ['red', 'gold', 'orange', 'green', 'blue'] as const;
export type TeamColour = (typeof TEAM_COLOURS)[number];

export const ACTIVITY_KINDS = ['activity', 'lecture'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_STATUSES = ['open', 'done', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const HELP_STATUSES = ['open', 'taken', 'done', 'cancelled'] as const;
export type HelpStatus = (typeof HELP_STATUSES)[number];

export const VOLUNTEER_LIMITS = {
  title: 60,
  body: 2000,
  commitments: 5,
  commitment: 100,
  hoursPerActivity: 12,
} as const;

export const VOLUNTEER_READERS = ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'] as const satisfies readonly Role[];
/** Who runs teams, activities, check-ins, party members' commitments and stars, and neighbour help. */
export const VOLUNTEER_ORGANISERS = ['communityStaff', 'gridWorker', 'dispatcher'] as const satisfies readonly Role[];
