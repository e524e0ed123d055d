// 体征指标 end to end (issue 17): cases reported through the API, counted by the facts job (H2's countDays) into the
// roll-ups, read back as a town's own indicator for the grid, its community and its town, by day and month.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { countDays } from '../../src/server/indicators/facts-job.ts';

let t: TestApp;
let leader: string;
const u = { grid: '', community: '', town: '' };

beforeAll(async () => {
  t = await createTestApp();
  const g = (await t.db.query<{ id: string; parent_id: string }>('select id, parent_id from org_units where code = $1', [DEMO_GRID])).rows[0]!;
  u.grid = g.id;
  u.community = g.parent_id;
  u.town = (await t.db.query<{ parent_id: string }>('select parent_id from org_units where id = $1', [u.community])).rows[0]!.parent_id;
  leader = await t.login('leader');
  const gw = await t.login('gridworker');
  const here = await gridCentre(t.db, DEMO_GRID);
  for (const n of [1, 2]) {
    const res = await t.app.inject({
      method: 'POST', url: '/api/cases', headers: bearer(gw),
      payload: { categoryCode: 'C0101', description: `指标测试${n}`, location: here, address: '春晖路1号' },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  const own = await t.app.inject({
    method: 'POST', url: '/api/indicators', headers: bearer(leader),
    payload: { code: 'reportedCases', nameZh: '上报案件数', board: 'center', unit: 'count', direction: 'higher', formula: { kind: 'count', measures: ['casesReported'] }, target: 1 },
  });
  expect(own.statusCode, own.body).toBe(201);
  // the clock stands at 2026-11-23 09:00 in Beijing
  await countDays(t.db, { from: '2026-11-22', to: '2026-11-23', kind: 'full' }, t.clock.now);
});
afterAll(async () => { await t?.close(); });

describe('values from the facts job', () => {
  it.each([
    ['grid', '2026-11-23'], ['grid', '2026-11'], ['community', '2026-11-23'], ['town', '2026Q4'], ['town', '2026'],
  ] as const)('%s, %s: 2 reported', async (level, period) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/indicators/values?codes=reportedCases&orgUnitId=${u[level]}&period=${period}`, headers: bearer(leader) });
    expect(res.statusCode, res.body).toBe(200);
    const item = res.json().items[0];
    // the period before holds no case: a count of nothing is 0
    expect(item).toMatchObject({ value: 2, target: 1, light: 'green', previous: 0 });
  });

  it('the day\'s trend of the community', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/indicators/series?code=reportedCases&orgUnitId=${u.community}&from=2026-11-21&to=2026-11-23&kind=day`, headers: bearer(leader) });
    expect(res.json().points.map((p: { period: string; value: number }) => [p.period, p.value])).toEqual([['2026-11-21', 0], ['2026-11-22', 0], ['2026-11-23', 2]]);
  });
});
