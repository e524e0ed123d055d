// How an indicator's value is computed from the measures summed over a unit and a period:
//   - count: the sum of its measures (a missing measure counts 0) — always a value;
//   - ratio and perCapita: sum(numerator) / sum(denominator) × scale; average: the same, not scaled;
//     no value (null) when the denominator is 0 — "no cases due" is not "0 % closed";
//   - values are rounded to 2 decimals (what the pages show and the targets are written in).
// A formula is refused (formulaRefusals) when its kind is unknown, a list of measures is empty or longer than the
// limit, names an unknown measure or one twice, its scale is not a positive number (up to 1,000,000), or its numerator
// and denominator are the same measures (always 1).
import { INDICATOR_LIMITS, MEASURES, type IndicatorFormula, type MeasureCode } from '../../shared/indicators.ts';

export interface FormulaResult {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export type MeasureSums = Partial<Record<MeasureCode, number>>;

const round2 = (n: number) => Math.round(n * 100) / 100;
const sumOf = (codes: readonly MeasureCode[], sums: MeasureSums) => codes.reduce((total, code) => total + (sums[code] ?? 0), 0);

/** The value of a formula over the measure sums of one unit and period. */
export function evaluate(formula: IndicatorFormula, sums: MeasureSums): FormulaResult {
  if (formula.kind === 'count') {
    const total = sumOf(formula.measures, sums);
    return { value: round2(total), numerator: total, denominator: null };
  }
  const numerator = sumOf(formula.numerator, sums);
  const denominator = sumOf(formula.denominator, sums);
  if (denominator === 0) return { value: null, numerator, denominator };
  const scale = formula.kind === 'average' ? 1 : formula.scale;
  return { value: round2((numerator / denominator) * scale), numerator, denominator };
}

/** The measures a formula reads. */
export function measuresOf(formula: IndicatorFormula): MeasureCode[] {
  const codes = formula.kind === 'count' ? formula.measures : [...formula.numerator, ...formula.denominator];
  return [...new Set(codes)];
}

/** Why a formula cannot be kept (Chinese reasons, shown to the town's editor); empty when it is fine. */
export function formulaRefusals(formula: unknown): string[] {
  const reasons: string[] = [];
  if (!formula || typeof formula !== 'object') return ['公式缺失'];
  const f = formula as Record<string, unknown>;
  const checkList = (list: unknown, label: string) => {
    if (!Array.isArray(list) || list.length === 0) {
      reasons.push(`${label}至少选择一个指标项`);
      return;
    }
    if (list.length > INDICATOR_LIMITS.measures) reasons.push(`${label}最多选择 ${INDICATOR_LIMITS.measures} 个指标项`);
    const seen = new Set<string>();
    for (const code of list) {
      if (typeof code !== 'string' || !Object.hasOwn(MEASURES, code)) reasons.push(`${label}含未知指标项：${String(code)}`);
      else if (seen.has(code)) reasons.push(`${label}重复选择了「${MEASURES[code as MeasureCode].zh}」`);
      seen.add(String(code));
    }
  };
  if (f.kind === 'count') {
    checkList(f.measures, '计数');
  } else if (f.kind === 'ratio' || f.kind === 'average' || f.kind === 'perCapita') {
    checkList(f.numerator, '分子');
    checkList(f.denominator, '分母');
    if (typeof f.scale !== 'number' || !Number.isFinite(f.scale) || f.scale <= 0 || f.scale > 1_000_000) {
      reasons.push('倍数须为正数（百分比为 100，每万人为 10000）');
    }
    if (Array.isArray(f.numerator) && Array.isArray(f.denominator)) {
      const shared = f.numerator.filter((c) => (f.denominator as unknown[]).includes(c));
      if (shared.length > 0 && f.numerator.length === (f.denominator as unknown[]).length && shared.length === f.numerator.length) {
        reasons.push('分子与分母相同，结果恒为 1');
      }
    }
  } else {
    reasons.push('公式类型须为计数、比率、平均或人均');
  }
  return reasons;
}

/** The formula in words: 结案数 ÷ 应结案数 × 100 (English: Cases closed ÷ Cases due to close × 100). */
export function formulaText(formula: IndicatorFormula, lang: 'zh' | 'en' = 'zh'): string {
  const name = (code: MeasureCode) => MEASURES[code]?.[lang] ?? code;
  const side = (codes: readonly MeasureCode[]) => (codes.length > 1 ? `(${codes.map(name).join(' + ')})` : codes.map(name).join(''));
  if (formula.kind === 'count') return formula.measures.map(name).join(' + ');
  const base = `${side(formula.numerator)} ÷ ${side(formula.denominator)}`;
  return formula.kind === 'average' || formula.scale === 1 ? base : `${base} × ${formula.scale}`;
}
