import type { StandingDutyKind } from '../../shared/duties.ts';

/**
 * A town's standing duty ("6+1"): what the daily generation makes of it. A town edits its own copy (table
 * standing_duties); a town that never did uses the platform's (../shared/domain/grid-duties.json, below).
 */
export interface StandingDuty {
  code: string;
  name: string;
  description: string;
  kind: StandingDutyKind;
  /** how often the duty comes round, in days (building checks monthly, dispute sweeps weekly); null where the
   *  registry sets the rhythm (a tag's visit frequency, a risk point's inspection interval) or a person does */
  everyDays: number | null;
  /** working days from the day a generated task appears to its deadline */
  deadlineDays: number;
  enabled: boolean;
}

/** The platform's standing duties (grid-duties.json D1…D7). */
export const PLATFORM_STANDING_DUTIES: readonly StandingDuty[] = [
  { code: 'D1', name: '基础信息采集', description: '核对网格人房地物信息，登记新迁入、迁出人员；每月核查每栋楼一次', kind: 'buildingCheck', everyDays: 30, deadlineDays: 10, enabled: true },
  { code: 'D2', name: '走访服务', description: '按重点人群标签的频次走访（独居老人每周一次……）', kind: 'keyVisit', everyDays: null, deadlineDays: 2, enabled: true },
  { code: 'D3', name: '隐患排查', description: '按巡查周期排查消防通道、燃气、外墙、风险点位', kind: 'riskInspection', everyDays: null, deadlineDays: 2, enabled: true },
  { code: 'D4', name: '矛盾纠纷排查调解', description: '每周排查一次网格内矛盾纠纷，一般纠纷就地调解，其余上报', kind: 'disputeSweep', everyDays: 7, deadlineDays: 3, enabled: true },
  { code: 'D5', name: '政策宣传', description: '镇街推送的宣传任务（防诈骗、防汛、消防安全……）', kind: 'campaign', everyDays: null, deadlineDays: 5, enabled: true },
  { code: 'D6', name: '事件上报与核查', description: '上报发现的问题，核查网格内已办结事件的处置结果', kind: 'caseVerification', everyDays: null, deadlineDays: 1, enabled: true },
  { code: 'D7', name: '交办任务', description: '社区、镇街临时交办的任务（"+1"）', kind: 'assigned', everyDays: null, deadlineDays: 3, enabled: true },
];

/** The duties a town works by: its own when it has edited them, the platform's otherwise. */
export function standingDutiesOf(own: readonly StandingDuty[]): readonly StandingDuty[] {
  return own.length > 0 ? own : PLATFORM_STANDING_DUTIES;
}
