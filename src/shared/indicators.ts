// 体征指标 and KPIs (issue 17): the building blocks (measures) the indicators job counts per grid and day, the formula
// shapes a town combines them with, periods and lights.
import type { Role } from './roles.ts';

/**
 * The measures: what the indicators job counts per grid (the leaf unit a record is located in) and Asia/Shanghai day,
 * from the records themselves. `flow` measures add up over days and units; `stock` measures are a count at the day's
 * end (a period takes its last day's value; units still add up). Each is dated by the event that makes it, so a day
 * once past changes only when a record of that day is corrected.
 */
export const MEASURES = {
  casesReported: { kind: 'flow', zh: '上报数', en: 'Cases reported' },
  casesAccepted: { kind: 'flow', zh: '立案数', en: 'Cases accepted' },
  casesAcceptedIn5Min: { kind: 'flow', zh: '5分钟内受理数', en: 'Accepted within 5 minutes' },
  casesRejected: { kind: 'flow', zh: '不予立案数', en: 'Cases rejected' },
  casesDispatched: { kind: 'flow', zh: '派遣数', en: 'Cases dispatched' },
  casesHandled: { kind: 'flow', zh: '处置数', en: 'Cases handled' },
  casesHandledOnTime: { kind: 'flow', zh: '按期处置数', en: 'Handled on time' },
  casesDue: { kind: 'flow', zh: '应结案数', en: 'Cases due to close' },
  casesClosed: { kind: 'flow', zh: '结案数', en: 'Cases closed' },
  casesClosedOnTime: { kind: 'flow', zh: '按期结案数', en: 'Closed on time' },
  casesReworked: { kind: 'flow', zh: '返工数', en: 'Cases sent back' },
  casesExtended: { kind: 'flow', zh: '延期数', en: 'Cases extended' },
  casesVerified: { kind: 'flow', zh: '核查数', en: 'Cases verified' },
  casesVerifiedOnTime: { kind: 'flow', zh: '及时核查数', en: 'Verified on time' },
  casesRated: { kind: 'flow', zh: '评价数', en: 'Cases rated' },
  casesSatisfied: { kind: 'flow', zh: '满意数', en: 'Satisfied ratings' },
  satisfactionPoints: { kind: 'flow', zh: '满意度总分', en: 'Satisfaction points' },
  casesOpen: { kind: 'stock', zh: '在办案件数', en: 'Open cases' },
  casesOverdue: { kind: 'stock', zh: '超期在办数', en: 'Overdue open cases' },
  tasksDue: { kind: 'flow', zh: '应完成任务数', en: 'Tasks due' },
  tasksDone: { kind: 'flow', zh: '完成任务数', en: 'Tasks done' },
  tasksDoneOnTime: { kind: 'flow', zh: '按期完成任务数', en: 'Tasks done on time' },
  visits: { kind: 'flow', zh: '走访次数', en: 'Visits' },
  keyPersonVisits: { kind: 'flow', zh: '重点人群走访次数', en: 'Visits to key people' },
  keyPeople: { kind: 'stock', zh: '重点人群数', en: 'Key people' },
  keyPeopleVisited: { kind: 'flow', zh: '重点人群关注人次', en: 'Key people looked after' },
  gridWorkerDays: { kind: 'flow', zh: '网格员应在岗人日', en: 'Grid worker days' },
  gridWorkerActiveDays: { kind: 'flow', zh: '网格员活跃人日', en: 'Active grid worker days' },
  alarmsRaised: { kind: 'flow', zh: '告警数', en: 'Alarms raised' },
  alarmsAckedOnTime: { kind: 'flow', zh: '及时响应告警数', en: 'Alarms answered on time' },
  incidentsOpened: { kind: 'flow', zh: '突发事件数', en: 'Incidents' },
  incidentsMajor: { kind: 'flow', zh: '重大突发事件数', en: 'Major incidents' },
  disputesOpened: { kind: 'flow', zh: '受理纠纷数', en: 'Disputes taken' },
  disputesSettled: { kind: 'flow', zh: '办结纠纷数', en: 'Disputes concluded' },
  disputesResolved: { kind: 'flow', zh: '化解纠纷数', en: 'Disputes resolved' },
  ideasSubmitted: { kind: 'flow', zh: '金点子数', en: 'Ideas' },
  residents: { kind: 'stock', zh: '实有人口数', en: 'Residents' },
} as const satisfies Record<string, { kind: 'flow' | 'stock'; zh: string; en: string }>;
export type MeasureCode = keyof typeof MEASURES;
export const MEASURE_CODES = Object.keys(MEASURES) as MeasureCode[];

/**
 * How an indicator is computed from measures summed over the unit's grids and the period. Towns define their own from
 * the same shapes, without code:
 * - count: the sum of the measures;
 * - ratio: sum(numerator) / sum(denominator) × scale (scale 100 for a percentage); no denominator → no value;
 * - average: sum(numerator) / sum(denominator), not scaled (e.g. satisfaction points per rating);
 * - perCapita: sum(numerator) / sum(denominator) × scale (e.g. cases per 10,000 residents).
 */
export type IndicatorFormula =
  | { kind: 'count'; measures: MeasureCode[] }
  | { kind: 'ratio' | 'average' | 'perCapita'; numerator: MeasureCode[]; denominator: MeasureCode[]; scale: number };

export const INDICATOR_UNITS = ['percent', 'count', 'score', 'perTenThousand', 'minutes'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];
export const INDICATOR_DIRECTIONS = ['higher', 'lower'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];
/** the four boards of 一中心四板块, plus the command center's own figures */
export const INDICATOR_BOARDS = ['party', 'economy', 'livelihood', 'safety', 'center'] as const;
export type IndicatorBoard = (typeof INDICATOR_BOARDS)[number];

export const PERIOD_KINDS = ['day', 'month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
/** '2026-12-03' (day), '2026-12' (month), '2026Q4' (quarter), '2026' (year), all Asia/Shanghai. */
export type PeriodKey = string;

/** green: the target is met; yellow: within the warning band of it; red: beyond; none: no target or no value. */
export type IndicatorLight = 'green' | 'yellow' | 'red' | 'none';

export interface IndicatorValue {
  code: string;
  orgUnitId: string;
  period: PeriodKey;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  target: number | null;
  /** the warning band in force with the target (indicatorValues fills it) */
  warnBand?: number | null;
  light: IndicatorLight;
  /** the same indicator in the period before, for the movement */
  previous: number | null;
}

export const INDICATOR_LIMITS = { code: 40, name: 60, description: 500, measures: 8 } as const;

/** Who reads indicators, ratings and rankings: staff of a territory and district departments (their own rating). */
export const INDICATOR_READERS = ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff', 'gridWorker', 'department'] as const satisfies readonly Role[];
/** Who defines a town's own indicators and targets, rating rules and report forms, and recomputes. */
export const INDICATOR_EDITORS = ['admin', 'leader'] as const satisfies readonly Role[];
