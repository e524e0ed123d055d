import type { AlarmLevel, Rule } from '../../shared/devices.ts';
import type { Reading } from './reading.ts';
import { armNewDevice, evaluate, type RuleState } from './rules.ts';

export interface PreviewAlarm {
  at: number;
  ruleId: string;
  ruleName: string;
  alarmType: string;
  level: AlarmLevel;
  details: Record<string, unknown>;
}

/**
 * What the rules would have raised over a device's readings in [from, to] (the editor's preview of the last day): the
 * rules armed at `from`, the readings replayed in order, the deadlines fired at their instants up to `to`. Every firing
 * is listed (the live system keeps one active alarm per type), and every recovery with its instant.
 */
export function previewRules(rules: readonly Rule[], readings: readonly Reading[], from: number, to: number): { alarms: PreviewAlarm[]; recovered: { at: number; alarmType: string }[] } {
  const names = new Map(rules.map((r) => [r.id, r.name]));
  let states: Record<string, RuleState> = armNewDevice(rules, from);
  const alarms: PreviewAlarm[] = [];
  const recovered: { at: number; alarmType: string }[] = [];
  const take = (r: ReturnType<typeof evaluate>, at: number) => {
    states = r.states;
    for (const a of r.alarms) alarms.push({ at: a.raisedAt, ruleId: a.ruleId, ruleName: names.get(a.ruleId) ?? a.ruleId, alarmType: a.alarmType, level: a.level, details: a.details });
    for (const t of r.recovered) recovered.push({ at, alarmType: t });
  };
  for (const r of readings) {
    if (r.at < from || r.at > to) continue;
    take(evaluate(rules, states, [r], r.at), r.at);
  }
  take(evaluate(rules, states, [], to), to);
  return { alarms, recovered };
}
