import type { AlarmCategory } from '../../shared/alarms.ts';
import type { AlarmLevel, Rule, TimeWindow } from '../../shared/devices.ts';
import type { Reading } from './reading.ts';

/**
 * What each rule of a device remembers between readings (kept in device_rule_states.state), with `deadlineAt`: the
 * instant (epoch ms) the rule must be looked at again without any reading (an inactivity's timeout, a threshold's
 * duration, an offline window), or null. Times are epoch ms.
 */
export type RuleState =
  | { kind: 'threshold'; since: number | null; fired: boolean; lastAt: number | null; deadlineAt: number | null }
  | { kind: 'inactivity'; lastEventAt: number; firedAt: number | null; deadlineAt: number | null }
  | { kind: 'repeat'; hits: number[]; deadlineAt: null }
  | { kind: 'offline'; lastHeardAt: number; offlineSince: number | null; deadlineAt: number | null };

/** An alarm a rule raised, as the ingest hands it to insertAlarms (with the device added). */
export interface RaisedAlarm {
  ruleId: string;
  alarmType: string;
  category: AlarmCategory;
  level: AlarmLevel;
  matterCode: string | null;
  raisedAt: number;
  details: Record<string, unknown>;
}

export interface Evaluation {
  /** the state of every enabled rule after the readings (disabled rules: no state, no deadline) */
  states: Record<string, RuleState>;
  alarms: RaisedAlarm[];
  /** alarm types whose cause went away by itself (an offline device heard again) */
  recovered: string[];
}

const DAY_MS = 24 * 3600 * 1000;
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000; // Asia/Shanghai has had no daylight saving since 1991

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/** Whether the instant lies inside the window, in Asia/Shanghai wall-clock time; `from` > `to` spans midnight. */
export function inWindow(window: TimeWindow | undefined, at: number): boolean {
  if (!window) return true;
  const minute = Math.floor((((at + SHANGHAI_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS / 60000);
  const from = minutesOf(window.from);
  const to = minutesOf(window.to);
  if (from === to) return true;
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/** The first instant at or after `at` inside the window (`at` itself when it is inside). */
export function nextInWindow(window: TimeWindow | undefined, at: number): number {
  if (inWindow(window, at)) return at;
  const local = at + SHANGHAI_OFFSET_MS;
  const dayStart = local - (((local % DAY_MS) + DAY_MS) % DAY_MS);
  let start = dayStart + minutesOf(window!.from) * 60000 - SHANGHAI_OFFSET_MS;
  if (start < at) start += DAY_MS;
  return start;
}

/**
 * care: a person may need help; safety: smoke, gas, water (S02…) and natural hazards (S03…: a river rising, a forest fire);
 * maintenance: the device itself (offline rules).
 */
export function categoryOf(rule: Rule): AlarmCategory {
  if (rule.kind === 'offline') return 'maintenance';
  if (rule.matterCode?.startsWith('S02') || rule.matterCode?.startsWith('S03')) return 'safety';
  return 'care';
}

function holds(op: '<' | '<=' | '>' | '>=' | '==', v: number, limit: number): boolean {
  switch (op) {
    case '<': return v < limit;
    case '<=': return v <= limit;
    case '>': return v > limit;
    case '>=': return v >= limit;
    case '==': return v === limit;
  }
}

function alarmOf(rule: Rule, raisedAt: number, details: Record<string, unknown>): RaisedAlarm {
  return {
    ruleId: rule.id, alarmType: rule.alarmType, category: categoryOf(rule), level: rule.level,
    matterCode: rule.kind === 'offline' ? null : (rule.matterCode ?? null), raisedAt, details,
  };
}

/**
 * The state a rule starts from when the device is added (or rebound, or its rules change) at `at`: an inactivity and an
 * offline rule are armed from that instant, so a device that never sends anything is still flagged.
 */
export function initialState(rule: Rule, at: number): RuleState {
  switch (rule.kind) {
    case 'threshold': return { kind: 'threshold', since: null, fired: false, lastAt: null, deadlineAt: null };
    case 'repeat': return { kind: 'repeat', hits: [], deadlineAt: null };
    case 'inactivity': return withDeadline(rule, { kind: 'inactivity', lastEventAt: at, firedAt: null, deadlineAt: null });
    case 'offline': return withDeadline(rule, { kind: 'offline', lastHeardAt: at, offlineSince: null, deadlineAt: null });
  }
}

/** States for a device added after start-up (or rebound) at `createdAt`: its enabled rules armed from then. */
export function armNewDevice(rules: readonly Rule[], createdAt: number): Record<string, RuleState> {
  const states: Record<string, RuleState> = {};
  for (const rule of rules) if (rule.enabled) states[rule.id] = initialState(rule, createdAt);
  return states;
}

/** A state whose kind no longer matches its rule (the rule was replaced under the same id) starts again. */
function stateFor(rule: Rule, state: RuleState | undefined, at: number): RuleState {
  return state && state.kind === rule.kind ? state : initialState(rule, at);
}

/** The state with its deadline recomputed from what it remembers and the rule's current numbers. */
function withDeadline(rule: Rule, s: RuleState): RuleState {
  switch (s.kind) {
    case 'threshold': {
      if (rule.kind !== 'threshold' || s.since === null || s.fired || rule.forSec === 0) return { ...s, deadlineAt: null };
      return { ...s, deadlineAt: s.since + rule.forSec * 1000 };
    }
    case 'inactivity': {
      if (rule.kind !== 'inactivity') return s;
      // after firing, again one timeout later while nothing happens (the alarm stands meanwhile, so nothing is doubled)
      const due = (s.firedAt ?? s.lastEventAt) + rule.afterSec * 1000;
      return { ...s, deadlineAt: nextInWindow(rule.window, due) };
    }
    case 'offline': {
      if (rule.kind !== 'offline') return s;
      return { ...s, deadlineAt: s.offlineSince !== null ? null : nextInWindow(rule.window, s.lastHeardAt + rule.afterSec * 1000) };
    }
    case 'repeat': return s;
  }
}

/**
 * Fires the rule's deadline if it is due at `now`: the alarm carries the deadline's own instant (not `now`), so a
 * check that runs late or at coarse ticks still says when the condition was met. Answers the new state (re-armed:
 * an inactivity one timeout later; a threshold and an offline rule wait for a reading) and the alarm, if any.
 */
export function fireDue(rule: Rule, state: RuleState, now: number): { state: RuleState; alarm: RaisedAlarm | null } {
  const s = withDeadline(rule, stateFor(rule, state, now));
  if (!rule.enabled || s.deadlineAt === null || s.deadlineAt > now) return { state: rule.enabled ? s : { ...s, deadlineAt: null }, alarm: null };
  const at = s.deadlineAt;
  switch (s.kind) {
    case 'threshold': {
      if (rule.kind !== 'threshold') break;
      // the deadline of a window-bound threshold that fell outside the window: the condition did not hold inside it
      if (!inWindow(rule.window, at)) return { state: { ...s, since: null, deadlineAt: null }, alarm: null };
      return { state: { ...s, fired: true, deadlineAt: null }, alarm: alarmOf(rule, at, { key: rule.key, op: rule.op, value: rule.value, forSec: rule.forSec, since: new Date(s.since!).toISOString() }) };
    }
    case 'inactivity': {
      if (rule.kind !== 'inactivity') break;
      // re-armed one timeout after the last period that ended by `now`, so a long silence fires once, not once a period
      const period = rule.afterSec * 1000;
      const firedAt = at + Math.floor((now - at) / period) * period;
      const next = withDeadline(rule, { ...s, firedAt });
      return { state: next, alarm: alarmOf(rule, at, { key: rule.key ?? null, afterSec: rule.afterSec, lastEventAt: new Date(s.lastEventAt).toISOString() }) };
    }
    case 'offline': {
      if (rule.kind !== 'offline') break;
      return { state: { ...s, offlineSince: at, deadlineAt: null }, alarm: alarmOf(rule, at, { afterSec: rule.afterSec, lastHeardAt: new Date(s.lastHeardAt).toISOString() }) };
    }
  }
  return { state: s, alarm: null };
}

/** One reading applied to one rule's state (its due deadline already fired). */
function apply(rule: Rule, s: RuleState, r: Reading): { state: RuleState; alarm: RaisedAlarm | null; recovered: boolean } {
  const inside = inWindow(rule.window, r.at);
  switch (s.kind) {
    case 'threshold': {
      if (rule.kind !== 'threshold' || r.kind !== 'event' || r.key !== rule.key || r.value === null) break;
      // a reading older than the last one taken (a late retry) does not move the threshold back in time
      if (s.lastAt !== null && r.at < s.lastAt) break;
      const next = { ...s, lastAt: r.at };
      if (!inside || !holds(rule.op, r.value, rule.value)) {
        // at rest (nothing holding, nothing fired) the state stays as it is, so a normal sample writes nothing
        if (s.since === null && !s.fired) return { state: s, alarm: null, recovered: false };
        return { state: withDeadline(rule, { ...next, since: null, fired: false, lastAt: null }), alarm: null, recovered: false };
      }
      if (next.fired) return { state: next, alarm: null, recovered: false };
      const since = next.since ?? r.at;
      if (r.at - since >= rule.forSec * 1000) {
        return {
          state: { ...next, since, fired: true, deadlineAt: null },
          alarm: alarmOf(rule, r.at, { key: rule.key, op: rule.op, value: rule.value, reading: r.value, forSec: rule.forSec, since: new Date(since).toISOString() }),
          recovered: false,
        };
      }
      return { state: withDeadline(rule, { ...next, since }), alarm: null, recovered: false };
    }
    case 'inactivity': {
      if (rule.kind !== 'inactivity' || r.kind !== 'event' || !inside) break;
      if (rule.key !== undefined && r.key !== rule.key) break;
      if (r.at <= s.lastEventAt) break;
      return { state: withDeadline(rule, { ...s, lastEventAt: r.at, firedAt: null }), alarm: null, recovered: false };
    }
    case 'repeat': {
      if (rule.kind !== 'repeat' || r.kind !== 'event' || r.key !== rule.key || !inside) break;
      if (rule.value !== undefined && r.value !== rule.value) break;
      const from = r.at - rule.withinSec * 1000;
      const hits = [...s.hits.filter((h) => h > from && h <= r.at), r.at].sort((a, b) => a - b);
      if (hits.length >= rule.count) {
        return {
          state: { kind: 'repeat', hits: [], deadlineAt: null },
          alarm: alarmOf(rule, r.at, { key: rule.key, count: rule.count, withinSec: rule.withinSec, firstAt: new Date(hits[0]!).toISOString() }),
          recovered: false,
        };
      }
      // keep only what can still count, and never more than the count
      return { state: { kind: 'repeat', hits: hits.slice(-rule.count), deadlineAt: null }, alarm: null, recovered: false };
    }
    case 'offline': {
      if (rule.kind !== 'offline') break;
      const recovered = s.offlineSince !== null;
      return { state: withDeadline(rule, { ...s, lastHeardAt: Math.max(s.lastHeardAt, r.at), offlineSince: null }), alarm: null, recovered };
    }
  }
  return { state: s, alarm: null, recovered: false };
}

export interface EvaluateOptions {
  /**
   * An offline rule's state is rewritten only when a reading moves its last-heard instant by at least this much (the
   * ingest passes a minute, so a device sending every second writes its offline state once a minute, not every second);
   * the device's exact last seen (`lastSeenAt`, passed here and to `heard` before a deadline fires) makes up the rest.
   */
  offlineSlackMs?: number;
  /** the device's last seen as stored (epoch ms): an offline state older than it is brought up to it first */
  lastSeenAt?: number | null;
}

/**
 * An offline state brought up to the device's last seen (kept exactly on the device row): called before its deadline
 * fires, so a state the ingest left behind within its slack never fires early. Other states are returned as they are.
 */
export function heard(state: RuleState, lastSeenAt: number | null): RuleState {
  if (state.kind !== 'offline' || lastSeenAt === null || state.offlineSince !== null || lastSeenAt <= state.lastHeardAt) return state;
  return { ...state, lastHeardAt: lastSeenAt };
}

/**
 * The rules of one device (already resolved with its overrides) over its new readings, sorted by time and, within a
 * millisecond, by arrival (both count), as of `now`. Before each reading, a deadline that fell due before it fires at
 * its own instant (the condition held until then); after the last, any deadline due at `now` fires. A rule without a
 * state starts from the first reading's time. Answers the new states, the alarms raised and the types recovered.
 */
export function evaluate(
  rules: readonly Rule[],
  states: Readonly<Record<string, RuleState | undefined>>,
  readings: readonly Reading[],
  now: number,
  o: EvaluateOptions = {},
): Evaluation {
  const out: Record<string, RuleState> = {};
  const alarms: RaisedAlarm[] = [];
  const recovered: string[] = [];
  const start = readings.length > 0 ? readings[0]!.at : now;
  for (const rule of rules) {
    if (!rule.enabled) continue;
    let s = withDeadline(rule, heard(stateFor(rule, states[rule.id], start), o.lastSeenAt ?? null));
    for (const r of readings) {
      while (s.deadlineAt !== null && s.deadlineAt < r.at) {
        const f = fireDue(rule, s, r.at);
        if (f.alarm) alarms.push(f.alarm);
        if (f.state.deadlineAt === s.deadlineAt) break;
        s = f.state;
      }
      const a = apply(rule, s, r);
      s = a.state;
      if (a.alarm) alarms.push(a.alarm);
      if (a.recovered && !recovered.includes(rule.alarmType)) recovered.push(rule.alarmType);
    }
    while (s.deadlineAt !== null && s.deadlineAt <= now) {
      const f = fireDue(rule, s, now);
      if (f.alarm) alarms.push(f.alarm);
      if (f.state.deadlineAt === s.deadlineAt) break;
      s = f.state;
    }
    // an offline state moved by less than the slack is kept as stored (nothing to write; heard() makes up the rest)
    const before = states[rule.id];
    const slack = o.offlineSlackMs ?? 0;
    if (slack > 0 && before?.kind === 'offline' && s.kind === 'offline' && before.offlineSince === null && s.offlineSince === null
      && s.lastHeardAt - before.lastHeardAt < slack) s = before;
    out[rule.id] = s;
  }
  return { states: out, alarms, recovered };
}
