// Intake, escalation and the routing preview pick a grid-tier case's worker by the team rule (`gridWorkerOf`): a
// disabled account, or one whose territory no longer holds the grid, is never chosen, even when it is the grid's
// full-time worker; the next eligible member is (the grid leader), and with none the case is routed to nobody.
// On PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, RURAL_GRID, gridCentre } from '../support/places.ts';

let t: TestApp;
let here: { lng: number; lat: number };
const id: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  here = await gridCentre(t.db, DEMO_GRID);
  const one = async (sql: string, p: unknown[]) => (await t.db.query<{ id: string }>(sql, p)).rows[0]!.id;
  id.grid = await one('select id from org_units where code = $1', [DEMO_GRID]);
  id.ruralGrid = await one('select id from org_units where code = $1', [RURAL_GRID]);
  id.gridworker = await one('select id from accounts where username = $1', ['gridworker']);
  id.community = await one('select id from accounts where username = $1', ['community']);
  // the community's staff member leads the grid's team (after its full-time worker, the gridworker)
  await t.db.query(`insert into grid_team_members (grid_id, account_id, team_role, name, sort) values ($1, $2, 'gridLeader', '赵秀兰', 99)`,
    [id.grid, id.community]);
});
afterAll(async () => { await t.close(); });

const routedOfReport = async () => {
  const res = await t.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(await t.login('resident')),
    payload: { categoryCode: 'E0101', description: '小区门口垃圾堆放', location: here } });
  expect(res.statusCode, res.body).toBe(201);
  return (await t.db.query<{ routed_assignee: { staffId: string } | null }>('select routed_assignee from cases where id = $1', [res.json().id])).rows[0]!.routed_assignee;
};
const previewed = async () => {
  const res = await t.app.inject({ method: 'GET', url: `/api/cases/routing-preview?categoryCode=E0101&lng=${here.lng}&lat=${here.lat}`,
    headers: bearer(await t.login('dispatcher')) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().target as { kind: string; id: string } | null;
};

describe('the grid worker of routing', () => {
  it('is the full-time worker while eligible', async () => {
    expect(await routedOfReport()).toEqual({ staffId: id.gridworker });
    expect(await previewed()).toMatchObject({ kind: 'staff', id: id.gridworker });
  });

  it('is never a disabled account: the grid leader is chosen instead', async () => {
    await t.db.query('update accounts set disabled_at = $2 where id = $1', [id.gridworker, t.clock.now]);
    expect(await routedOfReport()).toEqual({ staffId: id.community });
    expect(await previewed()).toMatchObject({ kind: 'staff', id: id.community });
    await t.db.query('update accounts set disabled_at = null where id = $1', [id.gridworker]);
  });

  it('is never an account whose territory does not hold the grid', async () => {
    await t.db.query('update accounts set scope_org_unit_id = $2 where id = $1', [id.gridworker, id.ruralGrid]);
    expect(await routedOfReport()).toEqual({ staffId: id.community });
    await t.db.query('update accounts set scope_org_unit_id = $2 where id = $1', [id.gridworker, id.grid]);
  });

  it('is nobody when no member may be sent the grid\'s cases: the dispatcher chooses', async () => {
    await t.db.query('update accounts set disabled_at = $2 where id = any($1)', [[id.gridworker, id.community], t.clock.now]);
    expect(await routedOfReport()).toBeNull();
    await t.db.query('update accounts set disabled_at = null where id = any($1)', [[id.gridworker, id.community]]);
    expect(await routedOfReport()).toEqual({ staffId: id.gridworker });
  });
});
