// The ratings' demo (issue 17): the city's default rules, October's and November's ratings published, the demo grid
// worker's October appeal upheld with a reason and the November one open, the demo town's reviews of the departments it
// sent cases to in November — through the ratings' commands, dated before now; run twice, it adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { demoRatings } from '../../src/server/ratings/demo/ratings-demo.ts';

const NOW = new Date('2026-12-03T10:00:00+08:00');
let t: TestApp;
let line: string | null;
let grid: string;

beforeAll(async () => {
  t = await createTestApp();
  grid = (await t.db.query<{ id: string }>('select id from org_units where code = $1', [DEMO_GRID])).rows[0]!.id;
  for (const [period, closed] of [['2026-10', 16], ['2026-11', 19]] as const) {
    for (const [m, v] of Object.entries({ casesDue: 20, casesClosed: closed, casesClosedOnTime: closed - 1, casesRated: 10, casesSatisfied: 9, tasksDue: 30, tasksDone: 28, gridWorkerDays: 30, gridWorkerActiveDays: 27 })) {
      await t.db.query('insert into indicator_rollups (org_unit_id, period, measure, value) values ($1, $2, $3, $4)', [grid, period, m, v]);
    }
  }
  const gw = await t.login('gridworker');
  const c = await t.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(gw), payload: { categoryCode: 'E0101', description: '井盖破损', location: await gridCentre(t.db, DEMO_GRID) } });
  expect(c.statusCode, c.body).toBe(201);
  const dep = (await t.db.query<{ department_id: string }>(`select m.department_id from department_members m join accounts a on a.id = m.account_id where a.username = 'department'`)).rows[0]!.department_id;
  await t.db.query(`update cases set department_ids = array[$2]::text[], created_at = '2026-11-12T10:00:00+08:00' where id = $1`, [c.json().id, dep]);
  t.clock.set(NOW);
  line = await demoRatings({ db: t.db, config: t.config, now: NOW, seed: 1 });
}, 300_000);
afterAll(async () => { await t?.close(); });

describe('the ratings demo', () => {
  it('publishes two months, one appeal upheld and one open, the department reviews; nothing the second time', async () => {
    console.log(`demo ratings: ${line}`);
    expect(line).toMatch(/ratings: \d+ ratings of 2026-10 and 2026-11 published, 2 appeals \(one upheld, one open\), 1 department reviews/);
    expect(await demoRatings({ db: t.db, config: t.config, now: NOW, seed: 1 })).toBeNull();
    const gw = await t.login('gridworker');
    const oct = (await t.app.inject({ method: 'GET', url: '/api/ratings?level=grid&period=2026-10', headers: bearer(gw) })).json();
    const mine = oct.items.find((r: { orgUnitId: string }) => r.orgUnitId === grid);
    expect(mine).toMatchObject({ status: 'published', adjusted: true, appeal: { status: 'upheld' } });
    expect(mine.stars).toBe(mine.appeal.starsBefore + 1);
    const nov = (await t.app.inject({ method: 'GET', url: '/api/ratings?level=grid&period=2026-11', headers: bearer(gw) })).json();
    expect(nov.items.find((r: { orgUnitId: string }) => r.orgUnitId === grid)).toMatchObject({ status: 'published', appeal: { status: 'open' } });
    const dep = (await t.app.inject({ method: 'GET', url: '/api/ratings/departments?period=2026-11', headers: bearer(await t.login('department')) })).json();
    expect(dep.items).toHaveLength(1);
    const later = (await t.db.query<{ n: number }>(
      `select (select count(*) from ratings where computed_at > $1 or published_at > $1)
            + (select count(*) from rating_appeals where at > $1 or answered_at > $1)
            + (select count(*) from department_evaluations where at > $1) as n`, [NOW])).rows[0]!.n;
    expect(Number(later)).toBe(0);
  });
});
