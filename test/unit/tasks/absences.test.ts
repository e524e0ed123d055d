// A worker's absence: which days add up, and which of their open tasks go to whom when it is recorded.
import { describe, expect, it } from 'vitest';
import { absenceProblem, handOverPlan, type HeldTask } from '../../../src/domain/tasks/absences.ts';
import type { GridTeam } from '../../../src/domain/tasks/assignment.ts';

describe('absence days', () => {
  it.each([
    ['2026-11-23', '2026-11-27', null],
    ['2026-11-23', '2026-11-23', null],
    ['2026-11-24', '2026-11-23', 'endsBeforeStart'],
    ['2026-02-30', '2026-03-01', 'notADay'],
    ['2026-01-01', '2026-12-31', null], // 365 days
    ['2028-01-01', '2028-12-31', null], // 366 days of a leap year
    ['2026-01-01', '2027-01-02', 'tooLong'], // 367 days
  ])('%s to %s: %s', (from, to, problem) => {
    expect(absenceProblem(from, to)).toBe(problem);
  });
});

describe('handing over an absent worker\'s open tasks', () => {
  const teams = new Map<string, GridTeam>([
    ['g1', { workers: [{ accountId: 'a', name: '甲', capacity: 1 }, { accountId: 'b', name: '乙', capacity: 1 }], leader: { accountId: 'lead', name: '网格长' } }],
    ['g2', { workers: [{ accountId: 'a', name: '甲', capacity: 1 }], leader: null }],
  ]);
  const held = (id: string, gridId: string, startsOn: string, exclude: string[] = []): HeldTask => ({ id, gridId, startsOn, stickKey: `h-${id}`, exclude });
  const away = { accountId: 'a', from: '2026-11-23', to: '2026-11-25' };

  it('gives the tasks starting during the absence to the colleague present, and leaves the others', () => {
    const plan = handOverPlan(away, [held('t1', 'g1', '2026-11-23'), held('t2', 'g1', '2026-11-25'), held('t3', 'g1', '2026-11-26'), held('t0', 'g1', '2026-11-20')], teams, [away], new Map());
    expect(plan).toEqual({ handed: [{ taskId: 't1', to: 'b', toName: '乙' }, { taskId: 't2', to: 'b', toName: '乙' }], kept: [] });
  });

  it('goes to the grid leader when the colleague is away too, and keeps a task nobody can take', () => {
    const both = [away, { accountId: 'b', from: '2026-11-23', to: '2026-11-23' }];
    const plan = handOverPlan(away, [held('t1', 'g1', '2026-11-23'), held('t2', 'g1', '2026-11-24'), held('t3', 'g2', '2026-11-23')], teams, both, new Map());
    expect(plan.handed).toEqual([{ taskId: 't1', to: 'lead', toName: '网格长' }, { taskId: 't2', to: 'b', toName: '乙' }]);
    expect(plan.kept).toEqual(['t3']);
  });

  it('never gives a case check to the one who handled the case', () => {
    const plan = handOverPlan(away, [held('t1', 'g1', '2026-11-23', ['b'])], teams, [away], new Map());
    expect(plan.handed).toEqual([{ taskId: 't1', to: 'lead', toName: '网格长' }]);
  });
});
