import { describe, expect, it } from 'vitest';
import { stepsAddedBy } from '../../../src/domain/plans/plan-rules.ts';
import { scheduleSteps, stepTiming, stepTimings } from '../../../src/domain/plans/scheduling.ts';
import type { PlanStep } from '../../../src/shared/plans.ts';

const s = (key: string, fromLevel: PlanStep['fromLevel'], dueOffsetMin: number) => ({ key, fromLevel, dueOffsetMin });
const steps = [s('warn', 'IV', 10), s('patrol', 'IV', 0), s('evacuate', 'III', 45), s('close-road', 'IV', 90), s('army', 'II', 24 * 60)];
const started = new Date('2026-07-14T06:00:00Z'); // 14:00 in 春晖路街道

describe('scheduleSteps', () => {
  it('level Ⅳ: the Ⅳ steps in the plan\'s order, each due its offset after the start (an offset of 0 is due at once)', () => {
    expect(scheduleSteps(steps, started, 'IV')).toEqual([
      { stepKey: 'warn', dueAt: new Date('2026-07-14T06:10:00Z') },
      { stepKey: 'patrol', dueAt: new Date('2026-07-14T06:00:00Z') },
      { stepKey: 'close-road', dueAt: new Date('2026-07-14T07:30:00Z') },
    ]);
  });
  it('level Ⅱ: every step, a day\'s offset crossing midnight', () => {
    expect(scheduleSteps(steps, started, 'II').map((x) => [x.stepKey, x.dueAt.toISOString()])).toEqual([
      ['warn', '2026-07-14T06:10:00.000Z'], ['patrol', '2026-07-14T06:00:00.000Z'], ['evacuate', '2026-07-14T06:45:00.000Z'],
      ['close-road', '2026-07-14T07:30:00.000Z'], ['army', '2026-07-15T06:00:00.000Z'],
    ]);
  });
  it('a level change Ⅳ → Ⅱ at 15:20 schedules the steps it adds from the change, not from the activation', () => {
    const changedAt = new Date('2026-07-14T07:20:00Z');
    expect(scheduleSteps(stepsAddedBy({ steps }, 'IV', 'II'), changedAt, 'II')).toEqual([
      { stepKey: 'evacuate', dueAt: new Date('2026-07-14T08:05:00Z') },
      { stepKey: 'army', dueAt: new Date('2026-07-15T07:20:00Z') },
    ]);
  });
  it('no steps, nothing scheduled', () => {
    expect(scheduleSteps([], started, 'I')).toEqual([]);
  });
});

describe('stepTiming', () => {
  const at = (hhmm: string) => new Date(`2026-07-14T${hhmm}:00Z`);
  it.each([
    ['done early', at('06:00'), at('06:30'), at('06:20'), null, { minutesToDone: 20, plannedMinutes: 30, late: false, lateByMin: 0 }],
    ['done exactly at its due time', at('06:00'), at('06:30'), at('06:30'), null, { minutesToDone: 30, plannedMinutes: 30, late: false, lateByMin: 0 }],
    ['done 12 minutes late', at('06:00'), at('06:30'), at('06:42'), null, { minutesToDone: 42, plannedMinutes: 30, late: true, lateByMin: 12 }],
    ['open, now before due', at('06:00'), at('06:30'), null, at('06:10'), { minutesToDone: null, plannedMinutes: 30, late: false, lateByMin: 0 }],
    ['open, now 1 h past due', at('06:00'), at('06:30'), null, at('07:30'), { minutesToDone: null, plannedMinutes: 30, late: true, lateByMin: 60 }],
    ['open, no now', at('06:00'), at('06:30'), null, null, { minutesToDone: null, plannedMinutes: 30, late: false, lateByMin: 0 }],
    ['due at once, done after 5 min', at('06:00'), at('06:00'), at('06:05'), null, { minutesToDone: 5, plannedMinutes: 0, late: true, lateByMin: 5 }],
  ] as const)('%s', (_name, createdAt, dueAt, completedAt, now, expected) => {
    expect(stepTiming({ createdAt, dueAt, completedAt }, now)).toEqual(expected);
  });
  it('a few seconds late counts as a minute late; 59 s to done is 0 minutes', () => {
    const createdAt = new Date('2026-07-14T06:00:00Z');
    expect(stepTiming({ createdAt, dueAt: createdAt, completedAt: new Date('2026-07-14T06:00:59Z') }))
      .toEqual({ minutesToDone: 0, plannedMinutes: 0, late: true, lateByMin: 1 });
  });
  it('stepTimings keeps the order', () => {
    const createdAt = new Date('2026-07-14T06:00:00Z');
    const dueAt = new Date('2026-07-14T06:10:00Z');
    expect(stepTimings([{ createdAt, dueAt, completedAt: dueAt }, { createdAt, dueAt, completedAt: null }], new Date('2026-07-14T06:15:00Z')).map((t) => t.late))
      .toEqual([false, true]);
  });
});
