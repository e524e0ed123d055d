// 一表通 (issue 17): report forms whose cells come from indicators, filled per OrgUnit and period.
import type { Role } from './roles.ts';

export const REPORT_FORMATS = ['xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** rows of a form: the unit's children (one row each, plus the unit's total), or the unit itself over the periods of the year */
export const REPORT_ROW_KINDS = ['children', 'months'] as const;
export type ReportRowKind = (typeof REPORT_ROW_KINDS)[number];

export const REPORT_READERS = ['admin', 'leader', 'dispatcher', 'communityStaff'] as const satisfies readonly Role[];
export const REPORT_EDITORS = ['admin', 'leader'] as const satisfies readonly Role[];

/** Limits of a report form (characters; columns of the table). */
export const REPORT_LIMITS = { name: 60, description: 500, label: 30, columns: 16 } as const;
/** The periods a form is filled for: a month, a quarter or a year (months rows: a quarter or a year). */
export const REPORT_PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type ReportPeriodKind = (typeof REPORT_PERIOD_KINDS)[number];
