import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../src/shared/devices.ts';
import { armNewDevice, evaluate, fireDue, heard, inWindow, nextInWindow, type RuleState } from '../../../src/domain/devices/rules.ts';
import type { Reading } from '../../../src/domain/devices/reading.ts';

// A fake clock: every instant is written by hand from T0 (2026-03-02 00:00 UTC = 08:00 in Shanghai).
const T0 = Date.UTC(2026, 2, 2, 0, 0, 0);
const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;

function ev(at: number, key: string, value: number | null = null, kind: Reading['kind'] = 'event'): Reading {
  return { at, kind, key, value, textValue: null, battery: null, dedupeKey: `p:${at}:${key}:${value}`, messageIdOnly: null };
}
const keepalive = (at: number): Reading => ({ ...ev(at, 'x'), kind: 'keepalive', key: null });
const status = (at: number): Reading => ({ ...ev(at, 'x'), kind: 'status', key: null });

const door: Rule = { id: 'no-door', name: 'door', enabled: true, kind: 'inactivity', key: 'door', afterSec: 24 * 3600, alarmType: 'inactivity', level: 'red', matterCode: 'S0101' };
const hrLow: Rule = { id: 'hr-low', name: 'hr', enabled: true, kind: 'threshold', key: 'heartRate', op: '<', value: 45, forSec: 120, alarmType: 'heartRateLow', level: 'red', matterCode: 'S0102' };
const gas: Rule = { id: 'gas', name: 'gas', enabled: true, kind: 'threshold', key: 'gas', op: '>=', value: 20, forSec: 0, alarmType: 'gas', level: 'red', matterCode: 'S0201' };
const smoke3: Rule = { id: 'smoke', name: 'smoke', enabled: true, kind: 'repeat', key: 'smoke', count: 3, withinSec: 60, alarmType: 'smoke', level: 'red', matterCode: 'S0201' };
const offline: Rule = { id: 'offline', name: 'offline', enabled: true, kind: 'offline', afterSec: 3600, alarmType: 'offline', level: 'yellow' };

describe('inactivity', () => {
  it('fires 24 h after the last door event, at that instant, even when evaluated later', () => {
    const states = armNewDevice([door], T0);
    expect(states['no-door']!.deadlineAt).toBe(T0 + 24 * H);
    const e = evaluate([door], states, [ev(T0 + 1 * H, 'door')], T0 + 1 * H);
    expect(e.alarms).toEqual([]);
    expect(e.states['no-door']!.deadlineAt).toBe(T0 + 25 * H);
    // nothing more; the check comes 3 h late: the alarm still says 25 h
    const f = fireDue(door, e.states['no-door']!, T0 + 28 * H);
    expect(f.alarm?.raisedAt).toBe(T0 + 25 * H);
    expect(f.alarm?.category).toBe('care');
    expect(f.alarm?.matterCode).toBe('S0101');
    // re-armed one timeout after the firing, not fired again now
    expect(f.state.deadlineAt).toBe(T0 + 49 * H);
    expect(fireDue(door, f.state, T0 + 28 * H).alarm).toBeNull();
  });

  it('keep-alives, status pings and other keys never reset it', () => {
    const states = armNewDevice([door], T0);
    const e = evaluate([door], states, [keepalive(T0 + 2 * H), status(T0 + 3 * H), ev(T0 + 4 * H, 'motion')], T0 + 4 * H);
    expect(e.states['no-door']!.deadlineAt).toBe(T0 + 24 * H);
    expect(e.alarms).toEqual([]);
  });

  it('a reading after the deadline first fires the deadline at its own instant, then re-arms from the event', () => {
    const states = armNewDevice([door], T0);
    const e = evaluate([door], states, [ev(T0 + 30 * H, 'door')], T0 + 30 * H);
    expect(e.alarms.map((a) => a.raisedAt)).toEqual([T0 + 24 * H]);
    expect(e.states['no-door']!.deadlineAt).toBe(T0 + 54 * H);
  });

  it('a timeout shorter than the check interval: coarse ticks still fire at the exact instant, once', () => {
    const short: Rule = { ...door, afterSec: 7 } as Rule;
    let s: RuleState = armNewDevice([short], T0)['no-door']!;
    // ticks every 60 s
    const fired: number[] = [];
    for (let t = T0 + 60 * S; t <= T0 + 180 * S; t += 60 * S) {
      const f = fireDue(short, s, t);
      if (f.alarm) fired.push(f.alarm.raisedAt);
      s = f.state;
    }
    // the first tick fires the 7 s deadline at T0+7s; later ones re-raise once per tick at most (the alarm stands, so
    // insertAlarms keeps one), each naming a period's end, never the tick
    expect(fired[0]).toBe(T0 + 7 * S);
    expect(fired.every((at) => (at - T0) % (7 * S) === 0)).toBe(true);
  });

  it('a device added after start-up is armed from its creation', () => {
    const created = T0 + 5 * H + 123;
    const states = armNewDevice([door, offline], created);
    expect(states['no-door']!.deadlineAt).toBe(created + 24 * H);
    expect(states.offline!.deadlineAt).toBe(created + H);
  });

  it('an event older than the last one does not move the deadline back', () => {
    const s = evaluate([door], armNewDevice([door], T0), [ev(T0 + 5 * H, 'door')], T0 + 5 * H).states;
    const e = evaluate([door], s, [ev(T0 + 2 * H, 'door')], T0 + 5 * H);
    expect(e.states['no-door']!.deadlineAt).toBe(T0 + 29 * H);
  });
});

describe('threshold with duration', () => {
  it('heart rate < 45 held 2 minutes fires at the later reading that shows it', () => {
    const e = evaluate([hrLow], {}, [ev(T0, 'heartRate', 40), ev(T0 + 60 * S, 'heartRate', 42), ev(T0 + 120 * S, 'heartRate', 41)], T0 + 120 * S);
    expect(e.alarms).toHaveLength(1);
    expect(e.alarms[0]!.raisedAt).toBe(T0 + 120 * S);
    expect(e.alarms[0]!.details.reading).toBe(41);
  });

  it('fires at the deadline when no reading contradicts it', () => {
    const e = evaluate([hrLow], {}, [ev(T0, 'heartRate', 40)], T0 + 10 * S);
    expect(e.alarms).toEqual([]);
    expect(e.states['hr-low']!.deadlineAt).toBe(T0 + 120 * S);
    const f = fireDue(hrLow, e.states['hr-low']!, T0 + 300 * S);
    expect(f.alarm?.raisedAt).toBe(T0 + 120 * S);
    expect(f.state.deadlineAt).toBeNull();
  });

  it('a normal reading in between resets it', () => {
    const e = evaluate([hrLow], {}, [ev(T0, 'heartRate', 40), ev(T0 + 60 * S, 'heartRate', 70), ev(T0 + 150 * S, 'heartRate', 40)], T0 + 150 * S);
    expect(e.alarms).toEqual([]);
    expect(e.states['hr-low']!.deadlineAt).toBe(T0 + 270 * S);
  });

  it('a late reading contradicting it after the deadline: the deadline had come first, so it fires', () => {
    const s = evaluate([hrLow], {}, [ev(T0, 'heartRate', 40)], T0).states;
    const e = evaluate([hrLow], s, [ev(T0 + 200 * S, 'heartRate', 80)], T0 + 200 * S);
    expect(e.alarms.map((a) => a.raisedAt)).toEqual([T0 + 120 * S]);
  });

  it('forSec 0 fires on the first reading, once until the condition clears', () => {
    const e = evaluate([gas], {}, [ev(T0, 'gas', 25), ev(T0 + S, 'gas', 30), ev(T0 + 2 * S, 'gas', 5), ev(T0 + 3 * S, 'gas', 21)], T0 + 3 * S);
    expect(e.alarms.map((a) => a.raisedAt)).toEqual([T0, T0 + 3 * S]);
    expect(e.alarms[0]!.category).toBe('safety');
  });

  it('a river above its warning level for a minute is a safety alarm (S03…, natural hazards), once', () => {
    const high: Rule = { id: 'level-high', name: 'high', enabled: true, kind: 'threshold', key: 'waterLevel', op: '>=', value: 3, forSec: 60, alarmType: 'waterLevelHigh', level: 'orange', matterCode: 'S0302' };
    const e = evaluate([high], {}, [ev(T0, 'waterLevel', 2.9), ev(T0 + 10 * S, 'waterLevel', 3.1), ev(T0 + 40 * S, 'waterLevel', 3.2), ev(T0 + 75 * S, 'waterLevel', 3.3)], T0 + 75 * S);
    expect(e.alarms.map((a) => [a.raisedAt, a.category, a.level])).toEqual([[T0 + 70 * S, 'safety', 'orange']]);
  });

  it('keep-alives with the same key are not samples', () => {
    const e = evaluate([gas], {}, [ev(T0, 'gas', 25, 'status')], T0);
    expect(e.alarms).toEqual([]);
  });
});

describe('repeat', () => {
  it('smoke 3 times within 60 s fires at the third', () => {
    const e = evaluate([smoke3], {}, [ev(T0, 'smoke'), ev(T0 + 20 * S, 'smoke'), ev(T0 + 50 * S, 'smoke')], T0 + 50 * S);
    expect(e.alarms.map((a) => a.raisedAt)).toEqual([T0 + 50 * S]);
  });

  it('hits slide out of the window', () => {
    const e = evaluate([smoke3], {}, [ev(T0, 'smoke'), ev(T0 + 30 * S, 'smoke'), ev(T0 + 61 * S, 'smoke')], T0 + 61 * S);
    expect(e.alarms).toEqual([]);
    expect(e.states.smoke).toEqual({ kind: 'repeat', hits: [T0 + 30 * S, T0 + 61 * S], deadlineAt: null });
  });

  it('two readings in the same millisecond both count', () => {
    const e = evaluate([smoke3], {}, [ev(T0, 'smoke'), ev(T0 + 5 * S, 'smoke'), { ...ev(T0 + 5 * S, 'smoke'), dedupeKey: 'm:2' }], T0 + 5 * S);
    expect(e.alarms.map((a) => a.raisedAt)).toEqual([T0 + 5 * S]);
  });

  it('the hits carry over between batches', () => {
    const a = evaluate([smoke3], {}, [ev(T0, 'smoke'), ev(T0 + S, 'smoke')], T0 + S);
    const b = evaluate([smoke3], a.states, [ev(T0 + 2 * S, 'smoke')], T0 + 2 * S);
    expect(b.alarms.map((x) => x.raisedAt)).toEqual([T0 + 2 * S]);
  });
});

describe('offline', () => {
  it('anything heard keeps it online; silence past the window fires a maintenance alarm; hearing again recovers', () => {
    const s0 = armNewDevice([offline], T0);
    const a = evaluate([offline], s0, [keepalive(T0 + 50 * MIN)], T0 + 50 * MIN);
    expect(a.states.offline!.deadlineAt).toBe(T0 + 110 * MIN);
    const f = fireDue(offline, a.states.offline!, T0 + 2 * H);
    expect(f.alarm).toMatchObject({ raisedAt: T0 + 110 * MIN, category: 'maintenance', matterCode: null, alarmType: 'offline' });
    expect(f.state.deadlineAt).toBeNull();
    const b = evaluate([offline], { offline: f.state }, [status(T0 + 3 * H)], T0 + 3 * H);
    expect(b.recovered).toEqual(['offline']);
    expect(b.states.offline!.deadlineAt).toBe(T0 + 4 * H);
  });
});

describe('time windows (Asia/Shanghai)', () => {
  const night = { from: '22:00', to: '06:00' };
  it('spans midnight', () => {
    // T0 is 08:00 in Shanghai
    expect(inWindow(night, T0)).toBe(false);
    expect(inWindow(night, T0 + 14 * H)).toBe(true); // 22:00
    expect(inWindow(night, T0 + 21 * H + 59 * MIN)).toBe(true); // 05:59
    expect(inWindow(night, T0 + 22 * H)).toBe(false); // 06:00
    expect(nextInWindow(night, T0)).toBe(T0 + 14 * H);
    expect(nextInWindow(night, T0 + 15 * H)).toBe(T0 + 15 * H);
  });

  it('a night-only threshold ignores day readings', () => {
    const nightLow = { ...hrLow, forSec: 0, window: night } as Rule;
    const e = evaluate([nightLow], {}, [ev(T0, 'heartRate', 40), ev(T0 + 15 * H, 'heartRate', 40)], T0 + 15 * H);
    expect(e.alarms.map((a) => a.raisedAt)).toEqual([T0 + 15 * H]);
  });

  it('an inactivity deadline outside its window waits for the window to open', () => {
    const nightDoor = { ...door, afterSec: 3600, window: night } as Rule;
    const s = armNewDevice([nightDoor], T0);
    expect(s['no-door']!.deadlineAt).toBe(T0 + 14 * H);
  });
});

describe('rules switched off', () => {
  it('keep no state and raise nothing', () => {
    const off = { ...gas, enabled: false };
    const e = evaluate([off], {}, [ev(T0, 'gas', 99)], T0);
    expect(e).toEqual({ states: {}, alarms: [], recovered: [] });
    expect(armNewDevice([off], T0)).toEqual({});
  });
});

describe('offline slack (the ingest writes a busy device\'s offline state once a minute, not every reading)', () => {
  it('keeps the stored state within the slack, and heard() brings it up to the last seen before a deadline fires', () => {
    const s0 = armNewDevice([offline], T0);
    const a = evaluate([offline], s0, [keepalive(T0 + 10 * S), keepalive(T0 + 20 * S)], T0 + 20 * S, { offlineSlackMs: 60 * S, lastSeenAt: null });
    expect(a.states.offline).toEqual(s0.offline);
    // the device row says last seen T0+20s; an hour after T0 the stale state is due, but brought up to date it is not
    expect(fireDue(offline, a.states.offline!, T0 + H).alarm).not.toBeNull();
    const f = fireDue(offline, heard(a.states.offline!, T0 + 20 * S), T0 + H);
    expect(f.alarm).toBeNull();
    expect(f.state.deadlineAt).toBe(T0 + H + 20 * S);
    // a reading past the slack writes it
    const b = evaluate([offline], s0, [keepalive(T0 + 61 * S)], T0 + 61 * S, { offlineSlackMs: 60 * S });
    expect(b.states.offline!.deadlineAt).toBe(T0 + H + 61 * S);
  });

  it('evaluate brings the state up to the device\'s last seen, so a reading after the stale deadline raises nothing', () => {
    const s0 = armNewDevice([offline], T0);
    const e = evaluate([offline], s0, [keepalive(T0 + H + 30 * S)], T0 + H + 30 * S, { offlineSlackMs: 60 * S, lastSeenAt: T0 + 50 * S });
    expect(e.alarms).toEqual([]);
    expect(e.states.offline!.deadlineAt).toBe(T0 + 2 * H + 30 * S);
  });

  it('a threshold at rest writes nothing for a normal sample', () => {
    const s = evaluate([hrLow], {}, [ev(T0, 'heartRate', 70)], T0).states;
    const again = evaluate([hrLow], s, [ev(T0 + S, 'heartRate', 72)], T0 + S);
    expect(again.states['hr-low']).toEqual(s['hr-low']);
  });
});
