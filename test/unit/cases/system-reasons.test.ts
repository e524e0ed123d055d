import { describe, expect, it } from 'vitest';
import { parseSystemReason, systemReason, SYSTEM_REASONS } from '../../../src/shared/system-reasons.ts';
import { sweep, type SweepCase } from '../../../src/domain/cases/escalation.ts';
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

describe('system reasons: stored as codes with parameters', () => {
  it.each(SYSTEM_REASONS.map((c) => [c]))('%s survives the round trip', (code) => {
    expect(parseSystemReason(systemReason(code))).toEqual({ code, params: {} });
  });

  it('keeps its parameters', () => {
    const stored = systemReason('escalation.escalateAfterH', { hours: 48 });
    expect(stored).toBe('sys:escalation.escalateAfterH?hours=48');
    expect(parseSystemReason(stored)).toEqual({ code: 'escalation.escalateAfterH', params: { hours: '48' } });
  });

  it.each([
    ['what a person wrote', '居民不在家，改天再去', null],
    ['an unknown code is text', 'sys:no.such.code', null],
    ['nothing', null, null],
    ['the texts written before codes', '超过受理时限无人受理，自动提级 (not accepted in time)', { code: 'escalation.acceptOverdue', params: {} }],
    ['', '挂起期限已到，自动恢复办理 (the suspension ended)', { code: 'suspension.ended', params: {} }],
  ])('%s', (_name, stored, expected) => {
    expect(parseSystemReason(stored)).toEqual(expected);
  });
});

describe('the sweep writes codes, not text', () => {
  it.each([
    ['not accepted in time', { status: 'reported', tier: 'community', clocks: { accept: clock({ due: t - 1 }) } }, 'sys:escalation.acceptOverdue'],
    ['handling overdue', { clocks: { handle: clock({ due: t - 1 }) } }, 'sys:escalation.handleOverdue'],
    ['the matter\'s escalation time, with its hours', { escalateAfterMs: 10 * H, clocks: { handle: clock({ due: t + H }) } }, 'sys:escalation.escalateAfterH?hours=10'],
  ] as [string, Partial<SweepCase>, string][])('%s', (_name, over, reason) => {
    const [escalation] = sweep([aCase(over)], now).escalations;
    expect(escalation?.reason).toBe(reason);
    expect(reason).toMatch(/^[\x20-\x7e]+$/); // no language in the stored form
  });

  it('the end of a suspension', () => {
    const c = aCase({ resumeAt: t - 1, clocks: { handle: clock({ pausedAt: t - H }) } });
    expect(sweep([c], now).resumptions).toEqual([{ caseId: 'c1', reason: 'sys:suspension.ended' }]);
  });
});
