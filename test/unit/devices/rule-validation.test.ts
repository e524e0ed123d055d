import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../src/shared/devices.ts';
import { validateOverrides, validateRules } from '../../../src/domain/devices/rule-validation.ts';
import { previewRules } from '../../../src/domain/devices/preview.ts';
import { deviceState } from '../../../src/domain/devices/device-state.ts';
import { resolveRules } from '../../../src/domain/devices/overrides.ts';
import { DEFAULT_PROFILES } from '../../../src/server/devices/default-profiles.ts';
import type { Reading } from '../../../src/domain/devices/reading.ts';

const hr: Rule = { id: 'hr-low', name: '心率过低', enabled: true, kind: 'threshold', key: 'heartRate', op: '<', value: 45, forSec: 120, alarmType: 'heartRateLow', level: 'red', matterCode: 'S0102' };
const off: Rule = { id: 'offline', name: '离线', enabled: true, kind: 'offline', afterSec: 3600, alarmType: 'offline', level: 'yellow' };
const MATTERS = new Set(['S0101', 'S0102', 'S0201', 'S0302']);

describe('validateRules', () => {
  it('accepts every default profile', () => {
    for (const p of DEFAULT_PROFILES) expect(validateRules(p.rules, MATTERS), p.id).toEqual([]);
  });

  it.each<[string, unknown[], { index: number; field: string; code: string }[]]>([
    ['duplicate ids', [hr, { ...hr }], [{ index: 1, field: 'id', code: 'duplicate' }]],
    ['no matter on a care rule', [{ ...hr, matterCode: undefined }], [{ index: 0, field: 'matterCode', code: 'required' }]],
    ['an unknown matter', [{ ...hr, matterCode: 'X9999' }], [{ index: 0, field: 'matterCode', code: 'unknownMatter' }]],
    ['an offline rule needs no matter', [off], []],
    ['a negative duration', [{ ...hr, forSec: -1 }], [{ index: 0, field: 'forSec', code: 'outOfRange' }]],
    ['over 30 days', [{ ...off, afterSec: 30 * 24 * 3600 + 1 }], [{ index: 0, field: 'afterSec', code: 'outOfRange' }]],
    ['a repeat count of 0', [{ id: 'r', name: 'r', enabled: true, kind: 'repeat', key: 'smoke', count: 0, withinSec: 60, alarmType: 'smoke', level: 'red', matterCode: 'S0201' }], [{ index: 0, field: 'count', code: 'outOfRange' }]],
    ['a threshold without key', [{ ...hr, key: '' }], [{ index: 0, field: 'key', code: 'required' }]],
    ['a bad window', [{ ...hr, window: { from: '25:00', to: '06:00' } }], [{ index: 0, field: 'window', code: 'invalid' }]],
    ['an unknown kind', [{ ...hr, kind: 'magic' }], [{ index: 0, field: 'kind', code: 'invalid' }]],
  ])('%s', (_name, rules, expected) => {
    expect(validateRules(rules as Rule[], MATTERS).map(({ index, field, code }) => ({ index, field, code }))).toEqual(expected);
  });

  it('refuses more than 20 rules', () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ ...off, id: `o${i}` }));
    expect(validateRules(many)).toEqual([{ index: -1, ruleId: null, field: 'rules', code: 'tooMany' }]);
  });
});

describe('overrides', () => {
  it('lay a person\'s numbers over the rule and may switch it off', () => {
    expect(resolveRules([hr, off], { 'hr-low': { value: 40, afterSec: 5 }, offline: { enabled: false } })).toEqual([{ ...hr, value: 40 }, { ...off, enabled: false }]);
  });
  it('refuse unknown rules, parameters of another kind and numbers out of range', () => {
    expect(validateOverrides([hr, off], { nope: { value: 1 }, 'hr-low': { afterSec: 5, forSec: -3 }, offline: { enabled: 'no' as never } }).map((r) => [r.ruleId, r.field, r.code])).toEqual([
      ['nope', 'nope', 'unknownRule'], ['hr-low', 'afterSec', 'notOverridable'], ['hr-low', 'forSec', 'outOfRange'], ['offline', 'enabled', 'invalid'],
    ]);
  });
});

describe('previewRules', () => {
  const T0 = Date.UTC(2026, 2, 2, 0, 0, 0);
  const r = (at: number, kind: Reading['kind'], key: string | null, value: number | null = null): Reading => ({ at, kind, key, value, textValue: null, battery: null, dedupeKey: `${at}`, messageIdOnly: null });
  it('lists what would have fired over the last day, and when', () => {
    const readings = [r(T0 + 60_000, 'event', 'heartRate', 40), r(T0 + 120_000, 'event', 'heartRate', 42), r(T0 + 200_000, 'event', 'heartRate', 70), r(T0 + 3 * 3600_000, 'keepalive', null)];
    const p = previewRules([hr, off], readings, T0, T0 + 24 * 3600_000);
    expect(p.alarms.map((a) => [a.ruleId, a.at])).toEqual([
      ['hr-low', T0 + 180_000],
      ['offline', T0 + 3600_000 + 200_000],
      ['offline', T0 + 4 * 3600_000],
    ]);
    expect(p.recovered).toEqual([{ at: T0 + 3 * 3600_000, alarmType: 'offline' }]);
  });
});

describe('deviceState', () => {
  it.each([
    [{ lastSeenAt: null, offlineSince: null }, 'never'],
    [{ lastSeenAt: null, offlineSince: 5 }, 'never'],
    [{ lastSeenAt: 5, offlineSince: 9 }, 'offline'],
    [{ lastSeenAt: 5, offlineSince: null }, 'online'],
  ])('%j → %s', (d, s) => expect(deviceState(d)).toBe(s));
});
