import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';

// Requests at once (on PostgreSQL they really overlap): each change is made once, the others refused, none half-written.
let t: TestApp;
let admin: string;
let leader: string;
let urbanTown: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  leader = await t.login('leader');
  urbanTown = (await t.db.query<{ id: string }>(`select id from org_units where code = '500199001000'`)).rows[0]!.id;
});
afterAll(async () => { await t.close(); });

describe('org administration, five requests at once', () => {
  it('five saves of one week from the same version: one is saved, four are told someone saved first', async () => {
    const handler = (await t.db.query<{ id: string }>(`select id from accounts where username = 'handler'`)).rows[0]!.id;
    const save = (i: number) => t.app.inject({
      method: 'PUT', url: `/api/duty-roster?orgUnitId=${urbanTown}&week=2026-W51`, headers: bearer(leader),
      payload: { version: 0, slots: [{ date: '2026-12-14', shift: 'day', accountIds: i % 2 ? [handler] : [] }] },
    });
    const answers = await Promise.all([0, 1, 2, 3, 4].map(save));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
    const week = (await t.db.query<{ version: number }>('select version from duty_roster_weeks where town_id = $1 and week = $2', [urbanTown, '2026-W51'])).rows;
    expect(week).toEqual([{ version: 1 }]);
    const audits = (await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'duty_roster.save' and detail ->> 'week' = '2026-W51'`)).rows[0]!.n;
    expect(audits).toBe(1);
  });

  it('five creates of one post code: one post, four 409s', async () => {
    const board = (await t.db.query<{ id: string }>(`select id from boards where town_id = $1 and code = 'PA'`, [urbanTown])).rows[0]!.id;
    const answers = await Promise.all([0, 1, 2, 3, 4].map(() => t.app.inject({
      method: 'POST', url: '/api/posts', headers: bearer(admin), payload: { boardId: board, code: 'PA-RACE', name: '同时新建岗' },
    })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.statusCode === 409).every((a) => a.json().error.code === 'POST_CODE_TAKEN')).toBe(true);
    expect((await t.db.query(`select 1 from posts where town_id = $1 and code = 'PA-RACE'`, [urbanTown])).rowCount).toBe(1);
  });

  it('five replacements of one grid\'s team at once leave one whole team, never a mix', async () => {
    const grid = (await t.db.query<{ id: string }>(`select id from org_units where code = '500199101201001'`)).rows[0]!.id;
    const teams = [0, 1, 2, 3, 4].map((i) => [{ teamRole: 'gridLeader', name: `网格长${i}` }, { teamRole: 'volunteer', name: `志愿者${i}` }]);
    const answers = await Promise.all(teams.map((members) => t.app.inject({ method: 'PUT', url: `/api/org-units/${grid}/team`, headers: bearer(admin), payload: { members } })));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const names = (await t.db.query<{ name: string }>('select name from grid_team_members where grid_id = $1 order by sort', [grid])).rows.map((r) => r.name);
    expect(teams.map((m) => m.map((x) => x.name))).toContainEqual(names);
  });
});
