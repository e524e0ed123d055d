// Who in a grid's team gets a generated task: grid workers present, by open load, the same person for the same
// household; the grid leader when nobody is present; unassigned when the leader is away too.
import { describe, expect, it } from 'vitest';
import { assign, gridTeamOf, isAway, type Absence, type GridTeam, type TeamMemberInput } from '../../../src/domain/tasks/assignment.ts';

const member = (accountId: string | null, teamRole: TeamMemberInput['teamRole'], o: Partial<TeamMemberInput> = {}): TeamMemberInput => ({
  accountId, name: accountId ?? '无账号', teamRole, roles: ['gridWorker'], active: true, ...o,
});

const team: GridTeam = {
  workers: [{ accountId: 'a', name: '甲', capacity: 1 }, { accountId: 'b', name: '乙', capacity: 1 }],
  leader: { accountId: 'lead', name: '网格长' },
};
const ask = (stickKey: string, startsOn = '2026-11-23') => ({ stickKey, startsOn });

describe('the team that shares the tasks', () => {
  it('counts full-time and part-time grid workers with an active gridWorker account; the leader apart', () => {
    const t = gridTeamOf([
      member('lead', 'gridLeader', { roles: ['communityStaff'] }),
      member('a', 'fullTime'),
      member('p', 'partTime'),
      member('v', 'volunteer'),
      member('i', 'instructor'),
      member(null, 'fullTime'),
      member('off', 'fullTime', { active: false }),
      member('staff', 'fullTime', { roles: ['communityStaff'] }),
      member('a', 'partTime'),
    ]);
    expect(t.workers).toEqual([{ accountId: 'a', name: 'a', capacity: 1 }, { accountId: 'p', name: 'p', capacity: 0.5 }]);
    expect(t.leader).toEqual({ accountId: 'lead', name: 'lead' });
  });

  it('has no leader when the grid leader has no active account', () => {
    expect(gridTeamOf([member('lead', 'gridLeader', { active: false }), member(null, 'gridLeader')]).leader).toBeNull();
  });

  it.each([
    ['2026-11-22', false], ['2026-11-23', true], ['2026-11-27', true], ['2026-11-28', false],
  ])('a worker away 23–27 November is away on %s: %s', (day, away) => {
    expect(isAway('a', day, [{ accountId: 'a', from: '2026-11-23', to: '2026-11-27' }])).toBe(away);
  });
});

describe('assign', () => {
  it('gives a worker on leave nothing: every task goes to the colleague', () => {
    const leave: Absence[] = [{ accountId: 'a', from: '2026-11-23', to: '2026-11-27' }];
    const loads = new Map<string, number>();
    const got = Array.from({ length: 20 }, (_, i) => assign(ask(`h${i}`), team, leave, loads).assigneeId);
    expect(new Set(got)).toEqual(new Set(['b']));
    expect(loads.get('b')).toBe(20);
    // back the next Monday: the leave no longer counts
    expect(assign(ask('h0', '2026-11-30'), team, leave, new Map()).by).toBe('team');
  });

  it('falls back to the grid leader when nobody is present, and to nobody when the leader is away too', () => {
    const away: Absence[] = [{ accountId: 'a', from: '2026-11-23', to: '2026-11-23' }, { accountId: 'b', from: '2026-11-20', to: '2026-11-30' }];
    expect(assign(ask('h1'), team, away, new Map())).toEqual({ assigneeId: 'lead', assigneeName: '网格长', by: 'leader' });
    const all = [...away, { accountId: 'lead', from: '2026-11-23', to: '2026-11-23' }];
    expect(assign(ask('h1'), team, all, new Map())).toEqual({ assigneeId: null, assigneeName: null, by: 'nobody' });
    expect(assign(ask('h1'), { workers: [], leader: null }, [], new Map()).by).toBe('nobody');
  });

  it('keeps a household with the same person from day to day, and spreads households over the team', () => {
    const first = Array.from({ length: 100 }, (_, i) => assign(ask(`h${i}`, '2026-11-23'), team, [], new Map()).assigneeId);
    const again = Array.from({ length: 100 }, (_, i) => assign(ask(`h${i}`, '2026-11-30'), team, [], new Map()).assigneeId);
    expect(again).toEqual(first);
    const toA = first.filter((x) => x === 'a').length;
    expect(toA).toBeGreaterThan(30);
    expect(toA).toBeLessThan(70);
  });

  it('moves only the absent worker\'s households, and they come back after the leave', () => {
    const three: GridTeam = { ...team, workers: [...team.workers, { accountId: 'c', name: '丙', capacity: 1 }] };
    const keys = Array.from({ length: 60 }, (_, i) => `h${i}`);
    const before = keys.map((k) => assign(ask(k), three, [], new Map()).assigneeId);
    const leave: Absence[] = [{ accountId: 'c', from: '2026-11-23', to: '2026-11-23' }];
    const during = keys.map((k) => assign(ask(k), three, leave, new Map()).assigneeId);
    keys.forEach((_, i) => {
      if (before[i] !== 'c') expect(during[i]).toBe(before[i]);
      else expect(during[i]).not.toBe('c');
    });
    expect(before).toContain('c');
  });

  it('balances by open load: the one far behind takes the new tasks until within the slack', () => {
    const loads = new Map([['a', 20], ['b', 0]]);
    const got = Array.from({ length: 15 }, (_, i) => assign(ask(`h${i}`), team, [], loads).assigneeId);
    expect(got).toEqual(Array(15).fill('b'));
    expect(loads.get('b')).toBe(15);
  });

  it('gives a part-time worker about half a full-time worker\'s share', () => {
    const mixed: GridTeam = { workers: [{ accountId: 'f', name: '专职', capacity: 1 }, { accountId: 'p', name: '兼职', capacity: 0.5 }], leader: null };
    const loads = new Map<string, number>();
    for (let i = 0; i < 300; i++) assign(ask(`h${i}`), mixed, [], loads);
    expect(loads.get('f')).toBeGreaterThanOrEqual(190);
    expect(loads.get('f')).toBeLessThanOrEqual(210);
    expect(loads.get('p')).toBe(300 - loads.get('f')!);
  });

  it('prefers the one named when present, never the one excluded', () => {
    expect(assign({ ...ask('c1'), prefer: 'b', exclude: ['a'] }, team, [], new Map([['b', 50]]))).toEqual({ assigneeId: 'b', assigneeName: '乙', by: 'preferred' });
    expect(assign({ ...ask('c1'), prefer: 'b', exclude: ['a'] }, team, [{ accountId: 'b', from: '2026-11-23', to: '2026-11-23' }], new Map()).assigneeId).toBe('lead');
    for (let i = 0; i < 10; i++) expect(assign({ ...ask(`c${i}`), exclude: ['a'] }, team, [], new Map()).assigneeId).toBe('b');
  });
});
