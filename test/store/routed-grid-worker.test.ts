import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamRole } from '../../src/shared/org-levels.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { resolveTarget } from '../../src/server/cases/assignees.ts';
import { reportCase } from '../../src/server/cases/report-case.ts';
import type { Tx } from '../../src/server/platform/db/db.ts';

let t: TestApp;
let gridId: string;
let townId: string;
const account: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  gridId = (await t.db.query<{ id: string }>('select id from org_units where code = $1', [DEMO_GRID])).rows[0]!.id;
  townId = (await t.db.query<{ id: string }>(`select id from org_units where code = '500199001000'`)).rows[0]!.id;
  const rows = await t.db.query<{ id: string; username: string }>(`select id, username from accounts where username in ('gridworker', 'community', 'dispatcher', 'handler')`);
  for (const r of rows.rows) account[r.username] = r.id;
});
afterAll(async () => { await t.close(); });

type Member = [TeamRole, string | null];
const setTeam = async (tx: Tx, team: readonly Member[]) => {
  await tx.query('delete from grid_team_members where grid_id = $1', [gridId]);
  for (const [i, [role, who]] of team.entries()) {
    await tx.query('insert into grid_team_members (grid_id, account_id, team_role, name, sort) values ($1, $2, $3, $4, $5)',
      [gridId, who === null ? null : account[who], role, `成员${i}`, i]);
  }
};
class Rollback extends Error {}

describe('a grid-tier case goes to the grid\'s worker, by the domain\'s rank of team roles', () => {
  it.each<[string, Member[], string | null]>([
    ['the full-time worker before the grid leader', [['gridLeader', 'community'], ['fullTime', 'gridworker']], 'gridworker'],
    ['the first full-time worker in team order', [['fullTime', 'handler'], ['fullTime', 'gridworker']], 'handler'],
    ['the grid leader when no full-time worker has an account', [['fullTime', null], ['partTime', 'handler'], ['gridLeader', 'community']], 'community'],
    ['any other member with an account, in team order, before nobody', [['volunteer', null], ['instructor', 'dispatcher'], ['partTime', 'handler']], 'dispatcher'],
    ['nobody when no member has an account', [['gridLeader', null], ['fullTime', null]], null],
  ])('%s', async (_label, team, expected) => {
    let found: unknown;
    await t.db.transaction(async (tx) => {
      await setTeam(tx, team);
      found = await resolveTarget(tx, { tier: 'grid' }, townId, gridId);
      throw new Rollback();
    }).catch((e) => { if (!(e instanceof Rollback)) throw e; });
    expect(found).toEqual(expected === null ? null : { staffId: account[expected] });
  });

  it('intake routes by the same rank in its one statement', async () => {
    const before = (await t.db.query<{ account_id: string | null; team_role: TeamRole; name: string; sort: number }>(
      'select account_id, team_role, name, sort from grid_team_members where grid_id = $1', [gridId])).rows;
    await t.db.transaction((tx) => setTeam(tx, [['gridLeader', 'community'], ['partTime', 'handler'], ['fullTime', 'gridworker']]));
    try {
      const r = await reportCase(t.db, t.app, {
        categoryCode: 'E0101', description: '上报', location: await gridCentre(t.db, DEMO_GRID), source: 'gridWorker',
        reporter: { kind: 'gridWorker', accountId: account.gridworker!, name: '李网格', phone: null }, actorName: '李网格', idempotencyKey: null,
      }, t.clock.now);
      const row = (await t.db.query<{ routed_assignee: unknown }>('select routed_assignee from cases where id = $1', [r.caseId])).rows[0]!;
      expect(row.routed_assignee).toEqual({ staffId: account.gridworker });
    } finally {
      await t.db.transaction(async (tx) => {
        await tx.query('delete from grid_team_members where grid_id = $1', [gridId]);
        for (const m of before) {
          await tx.query('insert into grid_team_members (grid_id, account_id, team_role, name, sort) values ($1, $2, $3, $4, $5)',
            [gridId, m.account_id, m.team_role, m.name, m.sort]);
        }
      });
    }
  });
});
