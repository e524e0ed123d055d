// 积分细则: what a rule awards, the period its cap counts in, the checks of a community's rule set, and how long a
// veto (一票否决) blocks a household. Plain rules over plain data, no I/O, no clock of their own. Written down:
//   - period (Asia/Shanghai): month '2026-12', quarter '2026Q4', year '2026';
//   - points of an award = floor(rule.points × units) (units: e.g. volunteer hours, default 1):
//       base and bonus → positive; minus → negative; veto → negative (its points, may be 0: a veto need not deduct);
//     with a cap (cap_points per cap_period) the size is cut so that what this rule gave (or took) in the period
//     never passes the cap; once the cap is reached the answer is 0 (nothing to post);
//   - a rule set: codes unique and of letters, digits, '-' or '_'; names given (≤ 60); points whole, 0–1000 (only a veto
//     may be 0); a veto needs veto months (1–36), others have none; a cap needs both the points and the period; an
//     automatic event is one of AUTO_EVENTS, on a base or bonus rule, and at most one rule per event; ≤ 80 rules;
//   - a veto blocks until the same Shanghai day and time `months` months later (the 31st into a shorter month: its last day).
import { AUTO_EVENTS, CAP_PERIODS, POINT_RULE_KINDS, POINTS_LIMITS, type CapPeriod, type PointRuleInput } from '../../shared/points.ts';

const SHANGHAI_MS = 8 * 3600_000;
export const MAX_VETO_MONTHS = 36;
const CODE = /^[A-Za-z0-9_-]{1,40}$/;

export function periodKey(capPeriod: CapPeriod, at: Date): string {
  const d = new Date(at.getTime() + SHANGHAI_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  if (capPeriod === 'year') return String(y);
  if (capPeriod === 'quarter') return `${y}Q${Math.floor(m / 3) + 1}`;
  return `${y}-${String(m + 1).padStart(2, '0')}`;
}

export type AwardRule = Pick<PointRuleInput, 'kind' | 'points'> & Partial<Pick<PointRuleInput, 'capPoints' | 'capPeriod'>>;

/**
 * The signed points a rule gives (or takes) now. `awardedInPeriod` is the size (absolute) of what this rule already
 * gave or took from this subject in the current cap period.
 */
export function awardPoints(rule: AwardRule, input: { units?: number; awardedInPeriod?: number } = {}): number {
  const units = input.units ?? 1;
  if (!(units > 0)) return 0;
  let size = Math.floor(rule.points * units + 1e-9);
  if (rule.capPoints != null && rule.capPeriod != null) {
    size = Math.min(size, Math.max(0, rule.capPoints - Math.abs(input.awardedInPeriod ?? 0)));
  }
  if (size <= 0) return 0;
  return rule.kind === 'base' || rule.kind === 'bonus' ? size : -size;
}

/** What is wrong with a community's rule set (zh), empty when it may be saved and published. */
export function ruleSetRefusals(rules: readonly PointRuleInput[]): string[] {
  const out: string[] = [];
  if (rules.length > POINTS_LIMITS.rules) out.push(`积分细则最多${POINTS_LIMITS.rules}条`);
  const codes = new Set<string>();
  const events = new Set<string>();
  for (const r of rules) {
    const label = `「${r.name || r.code}」`;
    if (typeof r.code !== 'string' || !CODE.test(r.code)) out.push(`${label}的编号只能由字母、数字、-、_组成`);
    else if (codes.has(r.code)) out.push(`编号「${r.code}」重复`);
    else codes.add(r.code);
    if (typeof r.name !== 'string' || r.name.trim() === '') out.push(`编号「${r.code}」的细则缺少名称`);
    else if (r.name.length > POINTS_LIMITS.ruleName) out.push(`${label}的名称超过${POINTS_LIMITS.ruleName}字`);
    if (!(POINT_RULE_KINDS as readonly string[]).includes(r.kind)) out.push(`${label}的类别不正确`);
    if (!Number.isInteger(r.points) || r.points < 0 || r.points > POINTS_LIMITS.points) out.push(`${label}的分值应为0到${POINTS_LIMITS.points}的整数`);
    else if (r.points === 0 && r.kind !== 'veto') out.push(`${label}的分值不能为0`);
    if (r.kind === 'veto') {
      if (r.vetoMonths == null || !Number.isInteger(r.vetoMonths) || r.vetoMonths < 1 || r.vetoMonths > MAX_VETO_MONTHS) {
        out.push(`否决项${label}须写明否决期（1到${MAX_VETO_MONTHS}个月）`);
      }
    } else if (r.vetoMonths != null) out.push(`${label}不是否决项，不能设否决期`);
    const hasCapPoints = r.capPoints != null;
    const hasCapPeriod = r.capPeriod != null;
    if (hasCapPoints !== hasCapPeriod) out.push(`${label}的封顶须同时写明分值和周期`);
    if (hasCapPoints && (!Number.isInteger(r.capPoints) || (r.capPoints as number) <= 0)) out.push(`${label}的封顶分值应为正整数`);
    if (hasCapPeriod && !(CAP_PERIODS as readonly string[]).includes(r.capPeriod as string)) out.push(`${label}的封顶周期不正确`);
    if (r.subjectKind !== 'household' && r.subjectKind !== 'person') out.push(`${label}的对象只能是户或个人`);
    if (r.autoEvent != null) {
      if (!(AUTO_EVENTS as readonly string[]).includes(r.autoEvent)) out.push(`${label}的自动事件不正确`);
      else if (r.kind !== 'base' && r.kind !== 'bonus') out.push(`${label}是扣分或否决项，不能由系统事件自动计分`);
      else if (events.has(r.autoEvent)) out.push(`自动事件「${r.autoEvent}」只能对应一条细则`);
      else events.add(r.autoEvent);
    }
  }
  return out;
}

/** The instant a veto made at `at` stops blocking: `months` months later on the Shanghai calendar. */
export function vetoUntil(at: Date, months: number): Date {
  const local = new Date(at.getTime() + SHANGHAI_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + months;
  const target = new Date(Date.UTC(y, m, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(local.getUTCDate(), lastDay));
  target.setUTCHours(local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds(), local.getUTCMilliseconds());
  return new Date(target.getTime() - SHANGHAI_MS);
}
