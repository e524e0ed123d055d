import type { AlarmLevel } from '../../shared/devices.ts';
import type { PlanBody, PlanLevel, PlanTrigger, TriggerMode } from '../../shared/plans.ts';
import { compareLevels } from './plan-rules.ts';

/*
 * Which of a town's active plans an event starts (or puts before the command center), as a pure function: the trigger
 * service claims alarms, cases and platform alerts and calls this with the town's active plans.
 */

export type TriggerEvent =
  | { kind: 'alarm'; alarmType: string; level: AlarmLevel; townId: string; ref: string }
  /** `source` of the case: a plan's own work orders (source 'plan') start no plan, or a flood plan would suggest itself */
  | { kind: 'case'; categoryCode: string; townId: string; ref: string; source?: string }
  | { kind: 'alert'; alertType: string; townId: string; ref: string };

export interface TriggerMatch {
  planId: string;
  planVersion: number;
  level: PlanLevel;
  mode: TriggerMode;
  /** `${kind}:${ref}`: one incident per plan and triggering event */
  triggerKey: string;
}

export interface PlanToMatch {
  id: string;
  version: number;
  townId: string;
  body: Pick<PlanBody, 'triggers' | 'levels'>;
}

const ALARM_ORDER: Record<AlarmLevel, number> = { yellow: 0, orange: 1, red: 2 };

/** Negative when alarm level `a` is below `b` (yellow < orange < red). */
export function compareAlarmLevels(a: AlarmLevel, b: AlarmLevel): number {
  return ALARM_ORDER[a] - ALARM_ORDER[b];
}

/** The key that makes activation idempotent on its trigger: `alarm:<id>`, `case:<id>`, `alert:<id>`. */
export function triggerKeyOf(event: Pick<TriggerEvent, 'kind' | 'ref'>): string {
  return `${event.kind}:${event.ref}`;
}

/** Whether one trigger of a plan fires on the event (the town is checked by the caller of this, matchTriggers). */
export function triggerFires(trigger: PlanTrigger, event: TriggerEvent): trigger is Exclude<PlanTrigger, { kind: 'manual' }> {
  switch (trigger.kind) {
    case 'manual': return false;
    case 'alarm':
      return event.kind === 'alarm' && event.alarmType === trigger.alarmType && compareAlarmLevels(event.level, trigger.minLevel) >= 0;
    case 'case':
      return event.kind === 'case' && event.source !== 'plan' && event.categoryCode === trigger.categoryCode;
    case 'alert':
      return event.kind === 'alert' && event.alertType === trigger.alertType;
    default: {
      const never: never = trigger;
      return never;
    }
  }
}

/**
 * The plans of the event's town that the event starts: one match per plan, at the highest level among its triggers
 * that fire; when two fire at that level and one says `auto`, the match is `auto` (its author wanted no one to wait).
 * A trigger whose level the plan does not have is skipped (planRefusals keeps such plans from being saved). Plans keep
 * the order they came in.
 */
export function matchTriggers(plans: readonly PlanToMatch[], event: TriggerEvent): TriggerMatch[] {
  const out: TriggerMatch[] = [];
  for (const plan of plans) {
    if (plan.townId !== event.townId) continue;
    let best: { level: PlanLevel; mode: TriggerMode } | null = null;
    for (const t of plan.body.triggers) {
      if (!triggerFires(t, event) || !plan.body.levels.includes(t.level)) continue;
      const cmp = best === null ? 1 : compareLevels(t.level, best.level);
      if (cmp > 0) best = { level: t.level, mode: t.activate };
      else if (cmp === 0 && t.activate === 'auto') best = { level: t.level, mode: 'auto' };
    }
    if (best) out.push({ planId: plan.id, planVersion: plan.version, level: best.level, mode: best.mode, triggerKey: triggerKeyOf(event) });
  }
  return out;
}
