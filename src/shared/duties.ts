import type { Role } from './roles.ts';

/**
 * 照单履职 (issue 12), the duty catalogs: the words both the server and the web need. Rules live in src/domain/duties;
 * tables in migration 028.
 */

/** The three catalogs (三张清单): the town's (镇街), a community's (村社区) and a grid's (网格), top first. */
export const DUTY_LEVELS = ['town', 'community', 'grid'] as const;
export type DutyLevel = (typeof DUTY_LEVELS)[number];

/** 基本履职 (the level's own duty), 配合履职 (it assists a department), 部门收回 (withdrawn to a department: listed so nobody pushes it down again). */
export const LIST_TYPES = ['basic', 'assisting', 'withdrawn'] as const;
export type ListType = (typeof LIST_TYPES)[number];

export const ADMISSION_STATUSES = ['pending', 'approved', 'refused'] as const;
export type AdmissionStatus = (typeof ADMISSION_STATUSES)[number];

/**
 * What a standing duty ("6+1", ../shared/domain/grid-duties.json) generates: the monthly check of each building, visits
 * to key people by their tag's frequency, inspections of risk points by their interval, the weekly dispute sweep,
 * campaigns the town pushes, verification of handled cases, and tasks the community or town assigns (the "+1").
 */
export const STANDING_DUTY_KINDS = ['buildingCheck', 'keyVisit', 'riskInspection', 'disputeSweep', 'campaign', 'caseVerification', 'assigned'] as const;
export type StandingDutyKind = (typeof STANDING_DUTY_KINDS)[number];

export const DUTY_LIMITS = {
  code: 20,
  name: 100,
  text: 2000,
  basis: 500,
  department: 60,
  reason: 1000,
  visitsPerMonth: 10_000,
  minutesPerVisit: 1440,
} as const;

/** Who reads the duty catalogs: every staff role that works in a town (departments too: they see what was withdrawn to them). */
export const DUTY_READERS = ['admin', 'leader', 'dispatcher', 'handler', 'department', 'communityStaff', 'gridWorker'] as const satisfies readonly Role[];

/**
 * Who files an admission request (清单准入) for a new duty: a district department, the town's offices, a community.
 * A requester asks only for its own level or a lower one (a community cannot add to the town's list: 403).
 */
export const ADMISSION_REQUESTERS = ['admin', 'leader', 'dispatcher', 'department', 'communityStaff'] as const satisfies readonly Role[];

/** Who approves or refuses an admission and edits a town's catalogs and standing duties: the town's office (its leaders) and the system administrator. */
export const DUTY_EDITORS = ['admin', 'leader'] as const satisfies readonly Role[];
