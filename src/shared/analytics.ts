// 高频诉求 and the 15-minute service circle (issue 17): hot spots of cases and ideas, and the projects a community
// makes of them.
import type { Role } from './roles.ts';

export const CIRCLE_PROJECT_STATUSES = ['planned', 'underway', 'done', 'dropped'] as const;
export type CircleProjectStatus = (typeof CIRCLE_PROJECT_STATUSES)[number];
export const CIRCLE_PROJECT_LIMITS = { name: 60, description: 2000, cases: 200 } as const;

export const ANALYTICS_READERS = ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker'] as const satisfies readonly Role[];
/** Who makes and runs the community's 15-minute circle projects. */
export const PROJECT_EDITORS = ['leader', 'communityStaff'] as const satisfies readonly Role[];
