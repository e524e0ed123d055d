import { ALARM_LEVELS, RULE_KINDS, RULE_LIMITS, READING_LIMITS, type Rule, type RuleOverrides } from '../../shared/devices.ts';

/** Why a rule set (or a person's overrides) is refused: the rule's place, the field, and a code the API words. */
export interface RuleRefusal {
  /** the rule's index in the list (overrides: -1) */
  index: number;
  ruleId: string | null;
  field: string;
  code: 'tooMany' | 'required' | 'tooLong' | 'invalid' | 'duplicate' | 'outOfRange' | 'unknownMatter' | 'unknownRule' | 'notOverridable';
}

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const KEY_RE = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const HHMM_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
const OPS = ['<', '<=', '>', '>=', '=='];

function intIn(v: unknown, min: number, max: number): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}

/**
 * The refusals of a profile's rule set (empty when it may be saved): at most RULE_LIMITS.rules rules, ids unique and
 * well-formed, names and alarm types present, each kind's numbers in range (durations up to 30 days, counts up to
 * 100), a key where the kind needs one, a valid time window, and a Matter for every rule but an offline one (one of
 * `matterCodes` when given: the town's current Matters).
 */
export function validateRules(rules: readonly Rule[], matterCodes?: ReadonlySet<string>): RuleRefusal[] {
  const out: RuleRefusal[] = [];
  if (rules.length > RULE_LIMITS.rules) out.push({ index: -1, ruleId: null, field: 'rules', code: 'tooMany' });
  const ids = new Set<string>();
  rules.forEach((rule, index) => {
    const r = rule as unknown as Record<string, unknown>;
    const ruleId = typeof r.id === 'string' ? r.id : null;
    const refuse = (field: string, code: RuleRefusal['code']) => out.push({ index, ruleId, field, code });
    if (typeof r.id !== 'string' || r.id.length === 0) refuse('id', 'required');
    else if (r.id.length > RULE_LIMITS.id || !ID_RE.test(r.id)) refuse('id', 'invalid');
    else if (ids.has(r.id)) refuse('id', 'duplicate');
    else ids.add(r.id);
    if (typeof r.name !== 'string' || r.name.trim().length === 0) refuse('name', 'required');
    else if (r.name.length > RULE_LIMITS.name) refuse('name', 'tooLong');
    if (typeof r.alarmType !== 'string' || r.alarmType.length === 0) refuse('alarmType', 'required');
    else if (r.alarmType.length > RULE_LIMITS.alarmType || !KEY_RE.test(r.alarmType)) refuse('alarmType', 'invalid');
    if (typeof r.enabled !== 'boolean') refuse('enabled', 'invalid');
    if (!(ALARM_LEVELS as readonly unknown[]).includes(r.level)) refuse('level', 'invalid');
    if (!(RULE_KINDS as readonly unknown[]).includes(r.kind)) {
      refuse('kind', 'invalid');
      return;
    }
    if (r.kind !== 'offline') {
      if (typeof r.matterCode !== 'string' || r.matterCode.length === 0) refuse('matterCode', 'required');
      else if (matterCodes && !matterCodes.has(r.matterCode)) refuse('matterCode', 'unknownMatter');
    }
    if (r.window !== undefined) {
      const w = r.window as Record<string, unknown> | null;
      if (!w || typeof w.from !== 'string' || typeof w.to !== 'string' || !HHMM_RE.test(w.from) || !HHMM_RE.test(w.to) || w.from === w.to) refuse('window', 'invalid');
    }
    const needKey = r.kind === 'threshold' || r.kind === 'repeat';
    if (needKey || r.key !== undefined) {
      if (typeof r.key !== 'string' || r.key.length === 0) refuse('key', 'required');
      else if (r.key.length > READING_LIMITS.key || !KEY_RE.test(r.key)) refuse('key', 'invalid');
    }
    switch (r.kind) {
      case 'threshold':
        if (!OPS.includes(r.op as string)) refuse('op', 'invalid');
        if (typeof r.value !== 'number' || !Number.isFinite(r.value)) refuse('value', 'invalid');
        if (!intIn(r.forSec, 0, RULE_LIMITS.maxSec)) refuse('forSec', 'outOfRange');
        break;
      case 'inactivity':
      case 'offline':
        if (!intIn(r.afterSec, 1, RULE_LIMITS.maxSec)) refuse('afterSec', 'outOfRange');
        break;
      case 'repeat':
        if (!intIn(r.count, 1, RULE_LIMITS.maxCount)) refuse('count', 'outOfRange');
        if (!intIn(r.withinSec, 1, RULE_LIMITS.maxSec)) refuse('withinSec', 'outOfRange');
        if (r.value !== undefined && (typeof r.value !== 'number' || !Number.isFinite(r.value))) refuse('value', 'invalid');
        break;
    }
  });
  return out;
}

const OVERRIDABLE: Record<Rule['kind'], Record<string, [number, number] | 'number'>> = {
  threshold: { value: 'number', forSec: [0, RULE_LIMITS.maxSec] },
  inactivity: { afterSec: [1, RULE_LIMITS.maxSec] },
  repeat: { count: [1, RULE_LIMITS.maxCount], withinSec: [1, RULE_LIMITS.maxSec] },
  offline: { afterSec: [1, RULE_LIMITS.maxSec] },
};

/** The refusals of a bound person's overrides against the profile's rules: known rules, their kind's numbers, in range. */
export function validateOverrides(rules: readonly Rule[], overrides: RuleOverrides): RuleRefusal[] {
  const out: RuleRefusal[] = [];
  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const [ruleId, o] of Object.entries(overrides)) {
    const rule = byId.get(ruleId);
    if (!rule) {
      out.push({ index: -1, ruleId, field: ruleId, code: 'unknownRule' });
      continue;
    }
    for (const [field, v] of Object.entries(o as Record<string, unknown>)) {
      if (field === 'enabled') {
        if (typeof v !== 'boolean') out.push({ index: -1, ruleId, field, code: 'invalid' });
        continue;
      }
      const range = OVERRIDABLE[rule.kind][field];
      if (!range) out.push({ index: -1, ruleId, field, code: 'notOverridable' });
      else if (range === 'number' ? typeof v !== 'number' || !Number.isFinite(v) : !intIn(v, range[0], range[1])) out.push({ index: -1, ruleId, field, code: 'outOfRange' });
    }
  }
  return out;
}
