import { describe, expect, it } from 'vitest';
import { averageRating, proposalActionAllowed, proposalStatusAfter } from '../../../src/domain/participation/proposals.ts';
import { ideaActionAllowed, previousQuarter, quarterOf, topTen } from '../../../src/domain/participation/ideas.ts';

describe('proposal steps', () => {
  it.each([
    ['open', 'schedule', true, 'scheduled'],
    ['scheduled', 'schedule', false, null],
    ['open', 'decide', true, 'decided'],
    ['scheduled', 'decide', true, 'decided'],
    ['decided', 'start', true, 'inProgress'],
    ['open', 'start', false, null],
    ['inProgress', 'report-result', true, 'done'],
    ['decided', 'report-result', false, null],
    ['scheduled', 'reject', true, 'rejected'],
    ['decided', 'reject', false, null],
    ['decided', 'send-up', true, 'sentUp'],
    ['done', 'send-up', false, null],
    ['sentUp', 'decide', false, null],
  ] as const)('%s + %s', (status, action, allowed, after) => {
    expect(proposalActionAllowed(status, action)).toBe(allowed);
    if (after) expect(proposalStatusAfter(status, action)).toBe(after);
  });

  it.each([
    [0, 0, null],
    [9, 2, 4.5],
    [14, 3, 4.7],
    [10, 3, 3.3],
    [5, 1, 5],
  ] as const)('average of sum %d over %d is %s', (sum, count, avg) => {
    expect(averageRating(sum, count)).toBe(avg);
  });
});

describe('ideas', () => {
  it.each([
    ['2026-12-03T02:00:00Z', '2026Q4'],
    ['2026-03-31T15:59:59Z', '2026Q1'], // 23:59:59 on 31 March in Beijing
    ['2026-03-31T16:00:00Z', '2026Q2'], // midnight, 1 April in Beijing
    ['2025-12-31T16:30:00Z', '2026Q1'],
  ] as const)('%s is in %s', (at, q) => {
    expect(quarterOf(new Date(at))).toBe(q);
  });

  it('the quarter before', () => {
    expect(previousQuarter('2026Q1')).toBe('2025Q4');
    expect(previousQuarter('2026Q3')).toBe('2026Q2');
  });

  it('the top ten: accepted or answered, by support, ties by the earlier', () => {
    const at = (d: number) => new Date(Date.UTC(2026, 9, d));
    const ideas = [
      { id: 'a', status: 'accepted', supportCount: 5, createdAt: at(3) },
      { id: 'b', status: 'answered', supportCount: 9, createdAt: at(5) },
      { id: 'c', status: 'submitted', supportCount: 50, createdAt: at(1) },
      { id: 'd', status: 'rejected', supportCount: 40, createdAt: at(1) },
      { id: 'e', status: 'accepted', supportCount: 5, createdAt: at(2) },
      ...Array.from({ length: 10 }, (_, i) => ({ id: `x${i}`, status: 'accepted' as const, supportCount: 1, createdAt: at(10 + i) })),
    ] as const;
    expect(topTen(ideas.map((i) => ({ ...i })))).toEqual(['b', 'e', 'a', 'x0', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6']);
  });

  it.each([
    ['submitted', 'accept', true],
    ['accepted', 'accept', false],
    ['accepted', 'reject', true],
    ['answered', 'reject', false],
    ['accepted', 'answer', true],
    ['answered', 'answer', true],
    ['submitted', 'answer', false],
    ['rejected', 'accept', false],
  ] as const)('%s + %s → %s', (status, action, allowed) => {
    expect(ideaActionAllowed(status, action)).toBe(allowed);
  });
});
