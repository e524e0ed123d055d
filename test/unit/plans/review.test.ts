import { describe, expect, it } from 'vitest';
import { incidentFigures, median, reviewIncident, type FiguresIncidentInput, type ReviewStepInput } from '../../../src/domain/plans/review.ts';

const t = (hhmm: string) => new Date(`2026-07-14T${hhmm}:00Z`);
const step = (key: string, createdAt: string, dueAt: string, completedAt: string | null, state: ReviewStepInput['state'], checks: (string | null)[] = []): ReviewStepInput => ({
  key, title: `步骤${key}`, roleName: '现场指挥', createdAt: t(createdAt), dueAt: t(dueAt), completedAt: completedAt ? t(completedAt) : null, state,
  checklist: checks.map((c, i) => ({ text: `检查项${i + 1}`, checkedAt: c ? t(c) : null })),
});

// Activated 06:00 at Ⅳ, raised to Ⅲ at 06:40 (adding s4), stood down 08:00.
const flood = {
  activatedAt: t('06:00'),
  stoodDownAt: t('08:00'),
  levels: [{ at: t('06:40'), from: 'IV' as const, to: 'III' as const }],
  steps: [
    step('s1', '06:00', '06:15', '06:12', 'done', ['06:05', '06:12']), // on time, 12 min
    step('s2', '06:00', '06:30', '06:47', 'done', ['06:47']), // 17 min late
    step('s3', '06:00', '07:00', null, 'left', ['06:50', null]), // left at 08:00: 60 min past due
    step('s4', '06:40', '07:40', '07:35', 'done'), // added by the level change, on time
    step('s5', '06:00', '09:00', null, 'left'), // left before its due time
  ],
};

describe('reviewIncident', () => {
  const r = reviewIncident(flood);

  it('each step planned against actual', () => {
    expect(r.steps.map((s) => [s.key, s.outcome, s.plannedMinutes, s.minutesToDone, s.minutesFromActivation, s.late, s.lateByMin, s.checked])).toEqual([
      ['s1', 'onTime', 15, 12, 12, false, 0, 2],
      ['s2', 'late', 30, 47, 47, true, 17, 1],
      ['s3', 'left', 60, null, null, true, 60, 1],
      ['s4', 'onTime', 60, 55, 95, false, 0, 0],
      ['s5', 'left', 180, null, null, false, 0, 0],
    ]);
  });

  it('the totals: done on time / late / left, the longest delay, the first step done, the duration', () => {
    expect(r.totals).toEqual({
      steps: 5, doneOnTime: 2, doneLate: 1, left: 2, open: 0,
      longestDelay: { key: 's3', title: '步骤s3', lateByMin: 60 },
      minutesToFirstStepDone: 12,
    });
    expect(r.durationMin).toBe(120);
    expect(r.levels).toEqual([{ at: t('06:40'), from: 'IV', to: 'III' }]);
  });

  it('before stand-down: open steps are measured up to now, no duration', () => {
    const p = reviewIncident({ ...flood, stoodDownAt: null, now: t('07:10'), steps: [step('a', '06:00', '06:30', null, 'open'), step('b', '06:00', '08:00', null, 'open')] });
    expect(p.steps.map((s) => [s.outcome, s.late, s.lateByMin])).toEqual([['open', true, 40], ['open', false, 0]]);
    expect(p.totals).toEqual({ steps: 2, doneOnTime: 0, doneLate: 0, left: 0, open: 2, longestDelay: { key: 'a', title: '步骤a', lateByMin: 40 }, minutesToFirstStepDone: null });
    expect(p.durationMin).toBeNull();
  });

  it('no steps done: no first step time, no delay', () => {
    const n = reviewIncident({ ...flood, steps: [step('a', '06:00', '09:00', null, 'left')] });
    expect([n.totals.minutesToFirstStepDone, n.totals.longestDelay, n.totals.left]).toEqual([null, null, 1]);
  });
});

const inc = (hazard: FiguresIncidentInput['hazard'], level: FiguresIncidentInput['level'], firstDone: string | null, steps: FiguresIncidentInput['steps'], drill = false): FiguresIncidentInput => ({
  hazard, level, drill, activatedAt: t('06:00'),
  steps: firstDone ? [{ dueAt: t('23:00'), completedAt: t(firstDone), state: 'done' }, ...steps] : steps,
});

describe('incidentFigures', () => {
  it('counts by hazard and level, the median minutes to the first step, and the on-time rate of decided steps', () => {
    const f = incidentFigures([
      inc('flood', 'IV', '06:10', [{ dueAt: t('06:30'), completedAt: t('06:40'), state: 'done' }]), // first 10; +1 late
      inc('flood', 'III', '06:30', [{ dueAt: t('07:00'), completedAt: null, state: 'left' }]), // first 30; +1 left
      inc('heatWave', 'IV', '06:20', []), // first 20
      inc('geologicalHazard', 'II', null, [
        { dueAt: t('06:30'), completedAt: null, state: 'open' }, // past due at 07:00: decided, not on time
        { dueAt: t('09:00'), completedAt: null, state: 'open' }, // not yet due: not counted
      ]),
    ], t('07:00'));
    expect(f).toEqual({
      count: 4, drill: false,
      byHazard: [{ hazard: 'flood', count: 2 }, { hazard: 'geologicalHazard', count: 1 }, { hazard: 'heatWave', count: 1 }],
      byLevel: [{ level: 'IV', count: 2 }, { level: 'III', count: 1 }, { level: 'II', count: 1 }],
      medianMinutesToFirstStep: 20,
      // decided: 3 first steps (on time) + late + left + open past due = 6; on time 3
      onTimeRate: 0.5, stepsDecided: 6, stepsOnTime: 3,
    });
  });

  it('drills are figured on their own', () => {
    const f = incidentFigures([inc('flood', 'IV', '06:05', [], true), inc('flood', 'IV', '06:08', [], true)]);
    expect([f.count, f.drill, f.medianMinutesToFirstStep, f.onTimeRate]).toEqual([2, true, 6.5, 1]);
  });

  it('drills and real incidents never mix', () => {
    expect(() => incidentFigures([inc('flood', 'IV', null, []), inc('flood', 'IV', null, [], true)])).toThrow(/never mixed/);
  });

  it('nothing to figure', () => {
    expect(incidentFigures([])).toEqual({
      count: 0, drill: null, byHazard: [], byLevel: [], medianMinutesToFirstStep: null, onTimeRate: null, stepsDecided: 0, stepsOnTime: 0,
    });
  });

  it.each([
    [[], null], [[7], 7], [[3, 1], 2], [[5, 1, 9], 5], [[4, 1, 3, 10], 3.5],
  ] as const)('median(%j) = %s', (values, m) => {
    expect(median(values)).toBe(m);
  });
});
