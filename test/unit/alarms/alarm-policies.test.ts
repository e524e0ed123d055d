import { describe, expect, it } from 'vitest';
import { acknowledgeRefusal, alarmPolicies, clearRefusal } from '../../../src/domain/alarms/alarm-policies.ts';

describe('alarmPolicies', () => {
  it.each([
    ['active, a grid worker', 'active', ['gridWorker'], ['acknowledge', 'clear']],
    ['acknowledged, a dispatcher', 'acknowledged', ['dispatcher'], ['clear']],
    ['cleared', 'cleared', ['leader'], []],
    ['a handler is no responder', 'active', ['handler'], []],
  ] as const)('%s', (_n, status, roles, expected) => {
    expect(alarmPolicies({ status, category: 'care' }, roles)).toEqual(expected);
  });
});

describe('acknowledgeRefusal', () => {
  it('only an active alarm is acknowledged', () => {
    expect(acknowledgeRefusal({ status: 'active', category: 'care' })).toBeNull();
    expect(acknowledgeRefusal({ status: 'acknowledged', category: 'care' })).toMatchObject({ code: 'ALARM_STATE_CONFLICT', messageZh: '该告警已有人响应。' });
    expect(acknowledgeRefusal({ status: 'cleared', category: 'safety' })).toMatchObject({ code: 'ALARM_STATE_CONFLICT', messageZh: '该告警已解除。' });
  });
});

describe('clearRefusal', () => {
  it.each([
    ['care without a note', 'active', 'care', undefined, 'VALIDATION_FAILED'],
    ['safety with only spaces', 'acknowledged', 'safety', '   ', 'VALIDATION_FAILED'],
    ['care with a note', 'active', 'care', '老人在家，门磁电池松动', null],
    ['maintenance without a note', 'active', 'maintenance', undefined, null],
    ['cleared already', 'cleared', 'maintenance', 'x', 'ALARM_STATE_CONFLICT'],
  ] as const)('%s', (_n, status, category, note, code) => {
    expect(clearRefusal({ status, category }, note)?.code ?? null).toBe(code);
  });
});
