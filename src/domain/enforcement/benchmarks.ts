// Discretion benchmarks (行政处罚裁量基准): the facts an officer records place a case in the first benchmark, in the
// matter's order, whose conditions all hold; that benchmark's band (penalty kinds, fine range) is proposed. A penalty
// confirmed outside the proposed band departs from the benchmark and needs a reason. Plain rules, no I/O, no clock.
//   - a fact the matter defines and does not mark optional, absent → missing (ENFORCEMENT_FACT_MISSING)
//   - a fact the matter does not define, of the wrong type, a number outside min/max, a choice not among the options
//     → invalid (ENFORCEMENT_INVALID)
//   - a condition on an absent (optional) fact does not hold
//   - facts that hold for no benchmark → ENFORCEMENT_NO_BENCHMARK
import type { Benchmark, Condition, EnforcementMatterBody, FactDef, FactValue, Facts, PenaltyKind } from '../../shared/enforcement.ts';
import { PENALTY_KINDS } from '../../shared/enforcement.ts';

export type MatterRules = Pick<EnforcementMatterBody, 'facts' | 'benchmarks'>;

export const PENALTY_KIND_NAMES: Record<PenaltyKind, { zh: string; en: string }> = {
  none: { zh: '不予处罚', en: 'no penalty' },
  warning: { zh: '警告', en: 'warning' },
  fine: { zh: '罚款', en: 'fine' },
  confiscation: { zh: '没收违法所得、非法财物', en: 'confiscation' },
};

export interface FactRefusals {
  missing: FactDef[];
  /** zh: 未定义的事实「x」, 「占道面积」应为数字 … */
  invalid: string[];
  invalidEn: string[];
}

export function factRefusals(matter: MatterRules, facts: Facts): FactRefusals {
  const missing: FactDef[] = [];
  const invalid: string[] = [];
  const invalidEn: string[] = [];
  const bad = (zh: string, en: string) => { invalid.push(zh); invalidEn.push(en); };
  for (const key of Object.keys(facts)) {
    if (!matter.facts.some((f) => f.key === key)) bad(`未定义的事实「${key}」`, `the matter defines no fact '${key}'`);
  }
  for (const def of matter.facts) {
    const value = facts[def.key];
    if (value === undefined || value === null) {
      if (!def.optional) missing.push(def);
      continue;
    }
    switch (def.kind) {
      case 'boolean':
        if (typeof value !== 'boolean') bad(`「${def.label}」应为是或否`, `'${def.label}' must be yes or no`);
        break;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) bad(`「${def.label}」应为数字`, `'${def.label}' must be a number`);
        else if ((def.min !== undefined && value < def.min) || (def.max !== undefined && value > def.max)) {
          const range = `${def.min ?? '—'}～${def.max ?? '—'}${def.unit}`;
          bad(`「${def.label}」应在${range}之间`, `'${def.label}' must lie within ${def.min ?? '-'}–${def.max ?? '-'} ${def.unit}`);
        }
        break;
      case 'choice':
        if (typeof value !== 'string' || !def.options.some((o) => o.value === value)) {
          bad(`「${def.label}」应为${def.options.map((o) => o.label).join('、')}之一`, `'${def.label}' must be one of its options`);
        }
        break;
      default: { const never: never = def; throw new Error(`unknown fact kind ${JSON.stringify(never)}`); }
    }
  }
  return { missing, invalid, invalidEn };
}

/** Does one condition hold for these facts? An absent fact holds no condition. */
export function conditionHolds(c: Condition, facts: Facts): boolean {
  const v: FactValue | undefined = facts[c.fact];
  if (v === undefined || v === null) return false;
  switch (c.op) {
    case 'eq': return v === c.value;
    case 'ne': return v !== c.value;
    case 'lt': return typeof v === 'number' && v < c.value;
    case 'lte': return typeof v === 'number' && v <= c.value;
    case 'gt': return typeof v === 'number' && v > c.value;
    case 'gte': return typeof v === 'number' && v >= c.value;
    case 'in': return typeof v === 'string' && c.value.includes(v);
    default: { const never: never = c; throw new Error(`unknown condition ${JSON.stringify(never)}`); }
  }
}

export type Proposal =
  | { ok: true; benchmark: Benchmark }
  | { ok: false; code: 'ENFORCEMENT_FACT_MISSING'; missing: FactDef[] }
  | { ok: false; code: 'ENFORCEMENT_INVALID'; reasons: string[]; reasonsEn: string[] }
  | { ok: false; code: 'ENFORCEMENT_NO_BENCHMARK' };

/** The benchmark the facts place the case in (missing facts first, then invalid ones, then the first that holds). */
export function proposeBenchmark(matter: MatterRules, facts: Facts): Proposal {
  const r = factRefusals(matter, facts);
  if (r.missing.length > 0) return { ok: false, code: 'ENFORCEMENT_FACT_MISSING', missing: r.missing };
  if (r.invalid.length > 0) return { ok: false, code: 'ENFORCEMENT_INVALID', reasons: r.invalid, reasonsEn: r.invalidEn };
  const benchmark = matter.benchmarks.find((b) => b.conditions.every((c) => conditionHolds(c, facts)));
  return benchmark ? { ok: true, benchmark } : { ok: false, code: 'ENFORCEMENT_NO_BENCHMARK' };
}

export interface ChosenPenalty {
  benchmarkKey: string;
  penalty: { kind: PenaltyKind; fineYuan: number | null };
}

/**
 * Refusals of a chosen penalty as such, before any departure: a benchmark the matter does not have, an unknown kind,
 * a fine without an amount (or a negative one), an amount with a kind other than a fine. Empty when it can be weighed.
 */
export function penaltyRefusals(matter: MatterRules, chosen: ChosenPenalty): { zh: string[]; en: string[] } {
  const zh: string[] = [];
  const en: string[] = [];
  if (!matter.benchmarks.some((b) => b.key === chosen.benchmarkKey)) {
    zh.push(`本事项没有裁量基准「${chosen.benchmarkKey}」`);
    en.push(`the matter has no benchmark '${chosen.benchmarkKey}'`);
  }
  const { kind, fineYuan } = chosen.penalty;
  if (!(PENALTY_KINDS as readonly string[]).includes(kind)) { zh.push(`未知的处罚种类「${kind}」`); en.push(`unknown penalty kind '${kind}'`); }
  if (kind === 'fine' && (fineYuan === null || !Number.isFinite(fineYuan) || fineYuan <= 0)) {
    zh.push('罚款须填写大于零的金额'); en.push('a fine needs an amount above zero');
  }
  if (kind !== 'fine' && fineYuan !== null) { zh.push('只有罚款才填写金额'); en.push('only a fine has an amount'); }
  return { zh, en };
}

/**
 * Does the chosen penalty depart from the proposed benchmark? It departs when it names another benchmark, a kind
 * outside the proposed band, or a fine outside the proposed range. Reasons name each departure.
 */
export function penaltyDeparture(matter: MatterRules, proposedKey: string, chosen: ChosenPenalty): { departs: boolean; reasons: string[]; reasonsEn: string[] } {
  const reasons: string[] = [];
  const reasonsEn: string[] = [];
  const proposed = matter.benchmarks.find((b) => b.key === proposedKey);
  const picked = matter.benchmarks.find((b) => b.key === chosen.benchmarkKey);
  if (chosen.benchmarkKey !== proposedKey) {
    reasons.push(`选用「${picked?.name ?? chosen.benchmarkKey}」而非建议的「${proposed?.name ?? proposedKey}」`);
    reasonsEn.push(`benchmark '${picked?.name ?? chosen.benchmarkKey}' chosen instead of the proposed '${proposed?.name ?? proposedKey}'`);
  }
  if (proposed) {
    const { kind, fineYuan } = chosen.penalty;
    const band = proposed.penalty;
    if (!band.kinds.includes(kind)) {
      reasons.push(`处罚种类「${PENALTY_KIND_NAMES[kind]?.zh ?? kind}」不在建议幅度内（${band.kinds.map((k) => PENALTY_KIND_NAMES[k].zh).join('、')}）`);
      reasonsEn.push(`penalty '${PENALTY_KIND_NAMES[kind]?.en ?? kind}' is outside the proposed band (${band.kinds.map((k) => PENALTY_KIND_NAMES[k].en).join(', ')})`);
    } else if (kind === 'fine' && fineYuan !== null) {
      const below = band.minYuan !== null && fineYuan < band.minYuan;
      const above = band.maxYuan !== null && fineYuan > band.maxYuan;
      if (below || above) {
        reasons.push(`罚款${fineYuan}元${below ? '低于' : '高于'}建议幅度（${bandText(band)}）`);
        reasonsEn.push(`a fine of ${fineYuan} yuan is ${below ? 'below' : 'above'} the proposed range (${band.minYuan ?? 0}–${band.maxYuan ?? '∞'} yuan)`);
      }
    }
  }
  return { departs: reasons.length > 0, reasons, reasonsEn };
}

/** 罚款200～500元, 警告或罚款50～200元, 不予处罚 */
export function bandText(band: Benchmark['penalty']): string {
  return band.kinds.map((k) => (k === 'fine' ? `罚款${band.minYuan ?? 0}～${band.maxYuan ?? '—'}元` : PENALTY_KIND_NAMES[k].zh)).join('或');
}

/**
 * Why a matter as the city saves it is refused (empty when it is sound): a code and a name, facts with unique keys and
 * sound definitions, at least one benchmark, benchmark keys unique, conditions on defined facts with values of the
 * fact's type, penalty kinds given, a fine band with both ends, 0 ≤ min ≤ max.
 */
export function matterRefusals(body: EnforcementMatterBody): string[] {
  const out: string[] = [];
  if (!body.code?.trim()) out.push('缺少事项编码');
  if (!body.name?.trim()) out.push('缺少事项名称');
  const facts = new Map<string, FactDef>();
  for (const f of body.facts ?? []) {
    if (!f.key?.trim()) { out.push('事实缺少编码'); continue; }
    if (facts.has(f.key)) out.push(`事实编码「${f.key}」重复`);
    facts.set(f.key, f);
    if (!f.label?.trim()) out.push(`事实「${f.key}」缺少名称`);
    if (f.kind === 'number' && f.min !== undefined && f.max !== undefined && f.min > f.max) out.push(`事实「${f.label}」的下限大于上限`);
    if (f.kind === 'choice') {
      if (f.options.length === 0) out.push(`事实「${f.label}」没有选项`);
      if (new Set(f.options.map((o) => o.value)).size !== f.options.length) out.push(`事实「${f.label}」的选项重复`);
    }
  }
  if (!body.benchmarks?.length) out.push('至少需要一条裁量基准');
  const keys = new Set<string>();
  for (const b of body.benchmarks ?? []) {
    const name = b.name || b.key;
    if (!b.key?.trim()) out.push('裁量基准缺少编码');
    else if (keys.has(b.key)) out.push(`裁量基准编码「${b.key}」重复`);
    keys.add(b.key);
    for (const c of b.conditions) {
      const f = facts.get(c.fact);
      if (!f) { out.push(`裁量基准「${name}」的条件引用了未定义的事实「${c.fact}」`); continue; }
      const why = conditionTypeProblem(c, f);
      if (why) out.push(`裁量基准「${name}」的条件「${f.label}」${why}`);
    }
    const p = b.penalty;
    if (!p.kinds.length) out.push(`裁量基准「${name}」未写处罚种类`);
    if (p.kinds.includes('none') && p.kinds.length > 1) out.push(`裁量基准「${name}」不予处罚不能与其他处罚种类并列`);
    if (p.kinds.includes('fine')) {
      if (p.minYuan === null || p.maxYuan === null) out.push(`裁量基准「${name}」含罚款，须写明罚款幅度`);
      else if (p.minYuan < 0 || p.minYuan > p.maxYuan) out.push(`裁量基准「${name}」的罚款幅度有误（下限须不小于0且不大于上限）`);
    } else if (p.minYuan !== null || p.maxYuan !== null) out.push(`裁量基准「${name}」不含罚款，不应写罚款幅度`);
  }
  return out;
}

function conditionTypeProblem(c: Condition, f: FactDef): string | null {
  switch (f.kind) {
    case 'boolean':
      return (c.op === 'eq' || c.op === 'ne') && typeof c.value === 'boolean' ? null : '只能比较是或否';
    case 'number':
      if (c.op === 'in') return '不能用「属于」比较数字';
      return typeof c.value === 'number' ? null : '应与数字比较';
    case 'choice': {
      const values = f.options.map((o) => o.value);
      if (c.op === 'in') return c.value.every((v) => values.includes(v)) ? null : '引用了不存在的选项';
      if (c.op === 'eq' || c.op === 'ne') return typeof c.value === 'string' && values.includes(c.value) ? null : '引用了不存在的选项';
      return '选项不能比较大小';
    }
    default: return null;
  }
}
