import type { Rule, RuleOverride, RuleOverrides } from '../../shared/devices.ts';

const PARAMS_BY_KIND: Record<Rule['kind'], readonly (keyof RuleOverride)[]> = {
  threshold: ['value', 'forSec'],
  inactivity: ['afterSec'],
  repeat: ['count', 'withinSec'],
  offline: ['afterSec'],
};

/**
 * The profile's rules as they apply to one device: each rule with the bound person's override laid over it (only the
 * parameters its kind has, and `enabled`). Overrides naming a rule the profile no longer has are ignored.
 */
export function resolveRules(rules: readonly Rule[], overrides: RuleOverrides | null | undefined): Rule[] {
  if (!overrides) return [...rules];
  return rules.map((rule) => {
    const o = overrides[rule.id];
    if (!o) return rule;
    const merged: Record<string, unknown> = { ...rule };
    for (const p of PARAMS_BY_KIND[rule.kind]) if (o[p] !== undefined) merged[p] = o[p];
    if (o.enabled !== undefined) merged.enabled = o.enabled;
    return merged as unknown as Rule;
  });
}

