import { describe, expect, it } from 'vitest';
import { compareAlarmLevels, matchTriggers, triggerKeyOf, type PlanToMatch, type TriggerEvent } from '../../../src/domain/plans/triggers.ts';

const TOWN = 'town-chunhui';
// The flood plan of the demo: red critical water → auto Ⅲ, orange high water → suggest Ⅳ, a 河道涨水 case → suggest Ⅳ.
const flood: PlanToMatch = {
  id: 'plan-flood', version: 3, townId: TOWN,
  body: {
    levels: ['IV', 'III', 'II'],
    triggers: [
      { kind: 'alarm', alarmType: 'waterLevelCritical', minLevel: 'red', level: 'III', activate: 'auto' },
      { kind: 'alarm', alarmType: 'waterLevelHigh', minLevel: 'orange', level: 'IV', activate: 'suggest' },
      { kind: 'case', categoryCode: 'S0302', level: 'IV', activate: 'suggest' },
      { kind: 'manual' },
    ],
  },
};
// A second plan on the same high-water alarm type from yellow up, two triggers at one level (one auto).
const riverside: PlanToMatch = {
  id: 'plan-riverside', version: 1, townId: TOWN,
  body: {
    levels: ['IV', 'III'],
    triggers: [
      { kind: 'alarm', alarmType: 'waterLevelHigh', minLevel: 'yellow', level: 'IV', activate: 'suggest' },
      { kind: 'alarm', alarmType: 'waterLevelHigh', minLevel: 'orange', level: 'IV', activate: 'auto' },
      { kind: 'alert', alertType: 'heavyRain', level: 'III', activate: 'suggest' },
    ],
  },
};
const otherTown: PlanToMatch = { ...flood, id: 'plan-elsewhere', townId: 'town-other' };
const plans = [flood, riverside, otherTown];

const alarm = (alarmType: string, level: 'yellow' | 'orange' | 'red'): TriggerEvent => ({ kind: 'alarm', alarmType, level, townId: TOWN, ref: 'al-7' });

describe('matchTriggers', () => {
  it.each<[string, TriggerEvent, [string, string, string][]]>([
    ['red critical water: the flood plan starts by itself at Ⅲ', alarm('waterLevelCritical', 'red'), [['plan-flood', 'III', 'auto']]],
    ['orange critical water is below the trigger\'s red: nothing', alarm('waterLevelCritical', 'orange'), []],
    ['orange high water: flood suggests Ⅳ; riverside\'s two Ⅳ triggers fire and the auto one wins', alarm('waterLevelHigh', 'orange'),
      [['plan-flood', 'IV', 'suggest'], ['plan-riverside', 'IV', 'auto']]],
    ['red high water (above orange) fires the same', alarm('waterLevelHigh', 'red'), [['plan-flood', 'IV', 'suggest'], ['plan-riverside', 'IV', 'auto']]],
    ['yellow high water: only riverside\'s yellow trigger', alarm('waterLevelHigh', 'yellow'), [['plan-riverside', 'IV', 'suggest']]],
    ['an alarm type no plan names', alarm('smokeDetected', 'red'), []],
    ['a 河道涨水 case from the hotline', { kind: 'case', categoryCode: 'S0302', townId: TOWN, ref: 'c-1', source: 'hotline' }, [['plan-flood', 'IV', 'suggest']]],
    ['a 河道涨水 work order a plan opened starts nothing', { kind: 'case', categoryCode: 'S0302', townId: TOWN, ref: 'c-2', source: 'plan' }, []],
    ['a case of another category', { kind: 'case', categoryCode: 'S0301', townId: TOWN, ref: 'c-3' }, []],
    ['a platform alert', { kind: 'alert', alertType: 'heavyRain', townId: TOWN, ref: 'pa-1' }, [['plan-riverside', 'III', 'suggest']]],
    ['the event of another town matches only its plans', { ...alarm('waterLevelCritical', 'red'), townId: 'town-other' }, [['plan-elsewhere', 'III', 'auto']]],
  ])('%s', (_name, event, expected) => {
    expect(matchTriggers(plans, event).map((m) => [m.planId, m.level, m.mode])).toEqual(expected);
  });

  it('one match per plan, at the highest level among its triggers that fire, with the plan\'s version and the trigger key', () => {
    const both: PlanToMatch = {
      id: 'plan-both', version: 7, townId: TOWN,
      body: {
        levels: ['IV', 'III', 'II'],
        triggers: [
          { kind: 'alarm', alarmType: 'waterLevelHigh', minLevel: 'yellow', level: 'IV', activate: 'auto' },
          { kind: 'alarm', alarmType: 'waterLevelHigh', minLevel: 'red', level: 'II', activate: 'suggest' },
          { kind: 'alarm', alarmType: 'waterLevelHigh', minLevel: 'orange', level: 'III', activate: 'auto' },
        ],
      },
    };
    expect(matchTriggers([both], alarm('waterLevelHigh', 'red'))).toEqual([
      { planId: 'plan-both', planVersion: 7, level: 'II', mode: 'suggest', triggerKey: 'alarm:al-7' },
    ]);
    expect(matchTriggers([both], alarm('waterLevelHigh', 'orange'))).toEqual([
      { planId: 'plan-both', planVersion: 7, level: 'III', mode: 'auto', triggerKey: 'alarm:al-7' },
    ]);
  });

  it('a trigger at a level its plan does not have is skipped', () => {
    const odd: PlanToMatch = { id: 'odd', version: 1, townId: TOWN, body: { levels: ['IV'], triggers: [{ kind: 'alarm', alarmType: 'x', minLevel: 'yellow', level: 'I', activate: 'auto' }] } };
    expect(matchTriggers([odd], alarm('x', 'red'))).toEqual([]);
  });
});

describe('triggerKeyOf and alarm levels', () => {
  it.each([
    [{ kind: 'alarm', ref: 'a1' }, 'alarm:a1'], [{ kind: 'case', ref: 'c9' }, 'case:c9'], [{ kind: 'alert', ref: 'p3' }, 'alert:p3'],
  ] as const)('%j → %s', (event, key) => {
    expect(triggerKeyOf(event)).toBe(key);
  });
  it.each([
    ['yellow', 'orange', -1], ['orange', 'red', -1], ['red', 'yellow', 1], ['orange', 'orange', 0],
  ] as const)('%s against %s has the sign %i', (a, b, sign) => {
    expect(Math.sign(compareAlarmLevels(a, b))).toBe(sign);
  });
});
