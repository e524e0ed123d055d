import type { Role } from './roles.ts';
import { STANDING_DUTY_KINDS } from './duties.ts';

/**
 * 照单履职 (issue 12), tasks and visits: the words both the server and the web need. Rules live in src/domain/tasks;
 * tables in migration 028.
 */

/** The standing duties' kinds, and `deviceCheck`: a sensor gone silent, for a worker of its grid (issue 13's alarms). */
export const TASK_KINDS = [...STANDING_DUTY_KINDS, 'deviceCheck'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** What a task is about: a registry record, a case to verify, the grid as a whole (a sweep, a campaign), a device to check. */
export const TASK_SUBJECT_KINDS = ['resident', 'household', 'building', 'place', 'thing', 'case', 'grid', 'device'] as const;
export type TaskSubjectKind = (typeof TASK_SUBJECT_KINDS)[number];

/** Whom a visit (走访) is to: a resident, a household, or a place (an enterprise is a place of kind enterprise). */
export const VISIT_SUBJECT_KINDS = ['resident', 'household', 'place'] as const;
export type VisitSubjectKind = (typeof VISIT_SUBJECT_KINDS)[number];

export const TASK_LIMITS = {
  title: 100,
  text: 2000,
  findings: 2000,
  photos: 9,
  /** a visit farther than this from the subject's building is flagged "far" (never refused) */
  farMeters: 300,
  /** the grids one campaign may be pushed to */
  campaignGrids: 500,
  pageSize: 50,
  maxPageSize: 500,
} as const;

/** Who does tasks and visits: grid workers (their grid's tasks, their grid's people) and community staff. */
export const TASK_DOERS = ['gridWorker', 'communityStaff'] as const satisfies readonly Role[];

/** Who assigns ad hoc tasks (the "+1") and records a worker's absence: the community's staff and the town's office. */
export const TASK_ASSIGNERS = ['admin', 'leader', 'dispatcher', 'communityStaff'] as const satisfies readonly Role[];

/** Who pushes publicity campaigns to grids: the town's office. */
export const CAMPAIGN_PUSHERS = ['admin', 'leader', 'dispatcher'] as const satisfies readonly Role[];

/** Who watches progress (each worker's tasks, overdue, visits on a map; completion and attention rates): within their territory. */
export const TASK_OVERSEERS = ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker'] as const satisfies readonly Role[];
