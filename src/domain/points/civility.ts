// 红黑榜 and 文明户, derived from the households' points of a period. Plain rules over plain data, no I/O, no clock of
// their own (`today` is an argument). The thresholds, written down:
//   - 黑榜 (black): a veto in force today, or deductions in the period of 20 points or more (both reasons when both);
//   - 红榜 (red): the top 10 % of the community's households by points earned in the period (at least one household;
//     ties with the last place are all in), among those that earned something, with no deduction in the period and no
//     veto in force;
//   - 文明户 (civilized): points earned in the year (earnedInYear, or earnedInPeriod when not given) of 100 or more, no
//     veto in force and not on the black list;
//   - validity: marks start on today's Shanghai date; red and black last as long as the period (month, quarter or
//     year, by the period's form '2026-11', '2026Q4', '2026'), 文明户 a year; valid_until is the last day inclusive.
// A household may be both on the red list and 文明户.
import type { CivilityKind } from '../../shared/points.ts';

export const BLACK_DEDUCTIONS = 20;
export const RED_SHARE = 0.1;
export const CIVILIZED_YEAR_POINTS = 100;

export interface CivilityHousehold {
  householdId: string;
  balance: number;
  earnedInPeriod: number;
  /** the size (positive) of deductions in the period */
  deductionsInPeriod: number;
  vetoUntil: Date | null;
  /** points earned in the year up to today; earnedInPeriod when not given */
  earnedInYear?: number;
}

export interface CivilityMark {
  householdId: string;
  kind: CivilityKind;
  reasons: string[];
  /** YYYY-MM-DD (Asia/Shanghai), inclusive */
  validFrom: string;
  validUntil: string;
}

const SHANGHAI_MS = 8 * 3600_000;
const dateOf = (d: Date) => new Date(d.getTime() + SHANGHAI_MS).toISOString().slice(0, 10);

function addMonthsMinusDay(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
  t.setUTCDate(Math.min(d, last));
  return new Date(t.getTime() - 86_400_000).toISOString().slice(0, 10);
}

export function periodMonths(period: string): number {
  if (/^\d{4}-\d{2}$/.test(period)) return 1;
  if (/^\d{4}Q[1-4]$/.test(period)) return 3;
  return 12;
}

export function deriveCivility(input: { households: readonly CivilityHousehold[]; period: string; today: Date }): CivilityMark[] {
  const from = dateOf(input.today);
  const periodUntil = addMonthsMinusDay(from, periodMonths(input.period));
  const yearUntil = addMonthsMinusDay(from, 12);
  const now = input.today.getTime();
  const vetoed = (h: CivilityHousehold) => h.vetoUntil !== null && h.vetoUntil.getTime() > now;
  const out: CivilityMark[] = [];
  const black = new Set<string>();

  for (const h of input.households) {
    const reasons: string[] = [];
    if (vetoed(h)) reasons.push(`一票否决期内（至${dateOf(h.vetoUntil!)}）`);
    if (h.deductionsInPeriod >= BLACK_DEDUCTIONS) reasons.push(`本期扣${h.deductionsInPeriod}分`);
    if (reasons.length) {
      black.add(h.householdId);
      out.push({ householdId: h.householdId, kind: 'black', reasons, validFrom: from, validUntil: periodUntil });
    }
  }

  const candidates = input.households
    .filter((h) => h.earnedInPeriod > 0 && h.deductionsInPeriod === 0 && !vetoed(h))
    .slice()
    .sort((a, b) => b.earnedInPeriod - a.earnedInPeriod || (a.householdId < b.householdId ? -1 : 1));
  if (input.households.length > 0 && candidates.length > 0) {
    const places = Math.max(1, Math.ceil(input.households.length * RED_SHARE - 1e-9));
    const bar = candidates[Math.min(places, candidates.length) - 1]!.earnedInPeriod;
    for (const h of candidates) {
      if (h.earnedInPeriod < bar) break;
      out.push({
        householdId: h.householdId, kind: 'red', reasons: [`本期得${h.earnedInPeriod}分，居前10%`, '本期无扣分'],
        validFrom: from, validUntil: periodUntil,
      });
    }
  }

  for (const h of input.households) {
    const year = h.earnedInYear ?? h.earnedInPeriod;
    if (year >= CIVILIZED_YEAR_POINTS && !vetoed(h) && !black.has(h.householdId)) {
      out.push({ householdId: h.householdId, kind: 'civilized', reasons: [`本年得${year}分（达${CIVILIZED_YEAR_POINTS}分）`, '无一票否决'], validFrom: from, validUntil: yearUntil });
    }
  }
  return out;
}

/** The English of a stored reason (for the English page). */
export function civilityReasonEn(zh: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^一票否决期内（至(\d{4}-\d{2}-\d{2})）$/.exec(zh))) return `a veto in force until ${m[1]}`;
  if ((m = /^本期扣(\d+)分$/.exec(zh))) return `${m[1]} points deducted in the period`;
  if ((m = /^本期得(\d+)分，居前10%$/.exec(zh))) return `${m[1]} points earned in the period, in the top 10 %`;
  if (zh === '本期无扣分') return 'no deduction in the period';
  if ((m = /^本年得(\d+)分（达100分）$/.exec(zh))) return `${m[1]} points earned this year (100 needed)`;
  if (zh === '无一票否决') return 'no veto';
  return zh;
}
