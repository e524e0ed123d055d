import { describe, expect, it } from 'vitest';
import { nextCheckAt, sweep, type SweepCase } from '../../../src/domain/cases/escalation.ts';
import type { ClockState } from '../../../src/domain/sla/clocks.ts';

const H = 3_600_000;
const now = new Date('2026-11-23T02:00:00Z');
const t = now.getTime();
const clock = (over: Partial<ClockState>): ClockState => ({
  startedAt: t - 10 * H, due: t + 10 * H, suspendedMs: 0, pausedAt: null, stoppedAt: null, light: 'green', ...over,
});
const aCase = (over: Partial<SweepCase>): SweepCase => ({
  id: 'c1', status: 'in_progress', tier: 'town', clocks: { handle: clock({}) }, tierSince: t - 10 * H, escalateAfterMs: null, ...over,
});

describe('sweep: lights', () => {
  it.each([
    ['half used, stored green', clock({}), []],
    ['85 % used, stored green', clock({ due: t + 1.7647 * H }), [{ caseId: 'c1', clock: 'handle', from: 'green', to: 'yellow' }]],
    ['overdue, stored yellow', clock({ due: t - 1, light: 'yellow' }), [{ caseId: 'c1', clock: 'handle', from: 'yellow', to: 'red' }]],
    ['overdue, stored red', clock({ due: t - 1, light: 'red' }), []],
    ['past due but 2 h suspended earlier: yellow, not red', clock({ due: t - H, suspendedMs: 2 * H, light: 'yellow' }), []],
    ['paused for the last 11 h', clock({ due: t - H, pausedAt: t - 11 * H }), []],
    ['stopped clocks are history', clock({ due: t - H, stoppedAt: t - 2 * H }), []],
  ])('%s', (_name, handle, changes) => {
    expect(sweep([aCase({ clocks: { handle }, tier: 'district' })], now).lightChanges).toEqual(changes);
  });
});

describe('sweep: escalation by the Matter rule', () => {
  it.each([
    ['handle red, no escalateAfterH', {}, 'handleOverdue', 'district'],
    ['handle red at district: nowhere to go', { tier: 'district' }, null, null],
    ['handle green, no escalateAfterH', { clocks: { handle: clock({ due: t + H }) } }, null, null],
    ['escalateAfterH reached', { escalateAfterMs: 10 * H, clocks: { handle: clock({ due: t + H }) } }, 'escalateAfterH', 'district'],
    ['escalateAfterH not reached although handle is red', { escalateAfterMs: 11 * H }, null, null],
    ['escalateAfterH reached but 2 h suspended', { escalateAfterMs: 9 * H, clocks: { handle: clock({ suspendedMs: 2 * H }) } }, null, null],
    ['escalateAfterH reached, counted from the last escalation', { tier: 'community', escalateAfterMs: 48 * H, tierSince: t - 48 * H }, 'escalateAfterH', 'town'],
    ['suspended right now', { clocks: { handle: clock({ due: t - H, pausedAt: t - 2 * H }) } }, null, null],
    ['handled cases wait for verification, not escalation', { status: 'handled', clocks: { handle: clock({ due: t - H, stoppedAt: t }) } }, null, null],
    ['reported, escalateAfterH reached', { status: 'reported', tier: 'grid', clocks: {}, escalateAfterMs: H }, 'escalateAfterH', 'community'],
    ['reported and not accepted in time', { status: 'reported', tier: 'community', clocks: { accept: clock({ due: t - 1 }) } }, 'acceptOverdue', 'town'],
    ['reported, acceptance still in time', { status: 'reported', tier: 'community', clocks: { accept: clock({ due: t + 1 }) } }, null, null],
    ['accepted: the accept clock stopped', { status: 'accepted', clocks: { accept: clock({ due: t - H, stoppedAt: t - 2 * H }) } }, null, null],
  ] as [string, Partial<SweepCase>, string | null, string | null][])('%s', (_name, over, rule, toTier) => {
    const c = aCase({ clocks: { handle: clock({ due: t - 1, light: 'red' }) }, ...over });
    const { escalations } = sweep([c], now);
    expect(escalations).toEqual(rule ? [expect.objectContaining({ caseId: 'c1', fromTier: c.tier, toTier, rule })] : []);
  });

  it('handles many cases and reports only those that changed', () => {
    const cases = Array.from({ length: 1000 }, (_, i) =>
      aCase({ id: `c${i}`, clocks: { handle: clock(i % 100 === 0 ? { due: t - 1 } : {}) } }));
    const r = sweep(cases, now);
    expect(r.lightChanges.map((c) => c.caseId)).toEqual(Array.from({ length: 10 }, (_, i) => `c${i * 100}`));
    expect(r.escalations).toHaveLength(10);
  });
});

describe('nextCheckAt', () => {
  it.each([
    ['green: when it turns yellow', aCase({ clocks: { handle: clock({ startedAt: t, due: t + 100 * H }) } }), t + 80 * H + 1],
    ['yellow: when it turns red', aCase({ clocks: { handle: clock({ startedAt: t - 90 * H, due: t + 10 * H, light: 'yellow' }) } }), t + 10 * H + 1],
    ['suspension moves it later', aCase({ clocks: { handle: clock({ startedAt: t - 90 * H, due: t + 10 * H, suspendedMs: 5 * H }) } }), t + 15 * H + 1],
    ['the escalation rule may come first', aCase({ escalateAfterMs: 11 * H }), t + H],
    ['red and no rule: nothing left', aCase({ clocks: { handle: clock({ due: t - H, light: 'red' }) } }), null],
    ['paused: nothing until resumed', aCase({ escalateAfterMs: 11 * H, clocks: { handle: clock({ pausedAt: t - H }) } }), null],
  ])('%s', (_name, c, expected) => {
    expect(nextCheckAt(c, now)).toBe(expected);
  });
});

describe('sweep: the end of an approved suspension', () => {
  const suspended = clock({ due: t + H, pausedAt: t - 2 * H });
  it.each<[string, Partial<SweepCase>, string[]]>([
    ['its end has come', { clocks: { handle: suspended }, resumeAt: t }, ['c1']],
    ['its end passed while no sweep ran', { clocks: { handle: suspended }, resumeAt: t - 3 * H }, ['c1']],
    ['its end is still ahead', { clocks: { handle: suspended }, resumeAt: t + 1 }, []],
    ['no end was set', { clocks: { handle: suspended }, resumeAt: null }, []],
    ['the case left in_progress meanwhile', { status: 'handled', clocks: { handle: suspended }, resumeAt: t - H }, []],
  ])('%s', (_name, over, resumed) => {
    const result = sweep([aCase(over)], now);
    expect(result.resumptions.map((r) => r.caseId)).toEqual(resumed);
    expect(result.escalations).toEqual([]); // the clock stands still until it resumes
  });

  it('asks to be looked at again when the suspension ends', () => {
    expect(nextCheckAt(aCase({ clocks: { handle: suspended }, resumeAt: t + 5 * H }), now)).toBe(t + 5 * H);
    expect(nextCheckAt(aCase({ clocks: { handle: suspended }, resumeAt: null }), now)).toBeNull();
  });
});
