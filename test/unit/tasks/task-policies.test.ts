// Completing a task (a tick, perhaps sent late from an offline phone) and a task's policies: expected answers by hand.
import { describe, expect, it } from 'vitest';
import { decideCompletion, taskPolicies, type TaskState } from '../../../src/domain/tasks/task-policies.ts';
import { CLOCK_SKEW_MS, doneAt, visitTimeRefusal } from '../../../src/domain/tasks/visit-rules.ts';

const me = { accountId: 'me', doerOfGrid: true };
const open = (assigneeId: string | null): TaskState => ({ status: 'open', assigneeId, doneById: null, completionKey: null });

describe('decideCompletion', () => {
  it.each([
    ['my open task', open('me'), me, null, null, { outcome: 'complete' }],
    ['an open task nobody holds, by a worker of its grid', open(null), me, null, null, { outcome: 'complete' }],
    ['an open task nobody holds, by someone outside its grid', open(null), { accountId: 'me', doerOfGrid: false }, null, null, { outcome: 'notYours' }],
    ['someone else\'s open task', open('other'), me, null, null, { outcome: 'notYours' }],
    ['given to another since my phone saw it as mine', open('other'), me, null, 'me', { outcome: 'conflict', reason: 'reassigned' }],
    ['done by me already: the first result', { status: 'done', assigneeId: 'me', doneById: 'me', completionKey: 'me:k1' }, me, 'me:k2', 'me', { outcome: 'alreadyDone' }],
    ['done with this key already', { status: 'done', assigneeId: 'me', doneById: 'me', completionKey: 'me:k1' }, me, 'me:k1', null, { outcome: 'alreadyDone' }],
    ['mine, done by a colleague meanwhile', { status: 'done', assigneeId: 'me', doneById: 'other', completionKey: null }, me, 'me:k1', 'me', { outcome: 'conflict', reason: 'doneByOther' }],
    ['someone else\'s, done by them', { status: 'done', assigneeId: 'other', doneById: 'other', completionKey: null }, me, null, null, { outcome: 'notYours' }],
    ['mine, cancelled meanwhile', { status: 'cancelled', assigneeId: 'me', doneById: null, completionKey: null }, me, 'me:k1', 'me', { outcome: 'conflict', reason: 'cancelled' }],
    ['someone else\'s, cancelled', { status: 'cancelled', assigneeId: 'other', doneById: null, completionKey: null }, me, null, null, { outcome: 'notYours' }],
  ] as const)('%s', (_why, task, actor, key, expected, decision) => {
    expect(decideCompletion(task, actor, key, expected)).toEqual(decision);
  });
});

describe('taskPolicies', () => {
  const reader = { ...me, registryReader: true };
  it.each([
    ['my visit task with a household file', { ...open('me'), subjectKind: 'resident', householdId: 'h1' }, reader, ['complete', 'visit', 'openFile']],
    ['someone else\'s visit task in my grid', { ...open('other'), subjectKind: 'household', householdId: 'h1' }, reader, ['visit', 'openFile']],
    ['a building check: nothing to visit', { ...open('me'), subjectKind: 'building', householdId: null }, reader, ['complete']],
    ['done: nothing to complete', { status: 'done', assigneeId: 'me', doneById: 'me', completionKey: null, subjectKind: 'place', householdId: null }, reader, ['visit']],
    ['an overseer outside the work', { ...open('w1'), subjectKind: 'resident', householdId: 'h1' }, { accountId: 'boss', doerOfGrid: false, registryReader: true }, ['openFile']],
  ] as const)('%s', (_why, task, actor, policies) => {
    expect(taskPolicies(task, actor)).toEqual(policies);
  });
});

describe('the time of a visit or tick', () => {
  const now = new Date('2026-11-23T10:00:00+08:00');
  it.each([
    ['hours ago (sent later from offline)', '2026-11-23T06:00:00+08:00', null],
    ['four minutes ahead (clock skew)', '2026-11-23T10:04:00+08:00', null],
    ['six minutes ahead', '2026-11-23T10:06:00+08:00', 'future'],
    ['tomorrow', '2026-11-24T10:00:00+08:00', 'future'],
  ] as const)('%s', (_why, at, refusal) => {
    expect(visitTimeRefusal(new Date(at), now)).toBe(refusal);
  });

  it('counts a tick at the phone\'s time, never later than now', () => {
    expect(CLOCK_SKEW_MS).toBe(300_000);
    expect(doneAt(new Date('2026-11-23T06:00:00+08:00'), now).toISOString()).toBe('2026-11-22T22:00:00.000Z');
    expect(doneAt(new Date('2026-11-23T10:03:00+08:00'), now)).toBe(now);
    expect(doneAt(null, now)).toBe(now);
  });
});
