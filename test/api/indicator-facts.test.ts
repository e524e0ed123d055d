// The indicators job (issue 17): facts counted per grid and day, dated by the event that makes them, and roll-ups of
// every unit above the grid × day, month, quarter and year that equal a count from scratch after incremental runs —
// also when a case's handling is sent back days later (the case loop marks the day dirty, the next run counts it again).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { countDays, runIncremental } from '../../src/server/indicators/facts-job.ts';
import { MEASURES_SQL, STOCK_MEASURES } from '../../src/server/indicators/measure-queries.ts';
import { NAIVE_ROLLUPS_SQL } from '../../src/server/indicators/rollup-store.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
let here: { lng: number; lat: number };
let grid: { id: string; path: string };
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['gridworker', 'community', 'leader', 'dispatcher', 'handler']) tokens[u] = await t.login(u);
  here = await gridCentre(t.db, DEMO_GRID);
  grid = (await t.db.query<{ id: string; path: string }>('select id, path from org_units where code = $1', [DEMO_GRID])).rows[0]!;
}, 240_000);
afterAll(async () => { await t.close(); });

const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);
const call = (method: 'GET' | 'POST', url: string, who: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });
const act = async (id: string, action: string, who: string, body: object = {}) => {
  const r = await call('POST', `/api/cases/${id}/actions/${action}`, who, body);
  expect(r.statusCode, r.body).toBe(200);
};
const report = async () => {
  const r = await call('POST', '/api/cases', 'gridworker', { categoryCode: 'E0201', description: '测试 指标', location: here });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
};
const fact = async (day: string, measure: string, unit = grid.id) =>
  (await t.db.query<{ value: number }>(`select value from indicator_facts where org_unit_id = $1 and day = $2 and measure = $3`, [unit, day, measure])).rows[0]?.value ?? 0;
const rollup = async (unit: string, period: string, measure: string) =>
  (await t.db.query<{ value: number }>(`select value from indicator_rollups where org_unit_id = $1 and period = $2 and measure = $3`, [unit, period, measure])).rows[0]?.value ?? 0;
const runAt = async (instant: Date) => { t.clock.set(instant); return runIncremental(t.db, instant); };

type Row = { org_unit_id: string; day?: string; period?: string; measure: string; value: number };
const keyed = (rows: Row[], key: (r: Row) => string) => Object.fromEntries(rows.map((r) => [key(r), Number(r.value)]));

describe('the indicators job', () => {
  const D1 = '2026-11-18', D2 = '2026-11-19', D3 = '2026-11-20', D4 = '2026-11-21';
  const ids: string[] = [];

  it('counts each day\'s cases by the event that makes them, and the day\'s end for stocks', async () => {
    t.clock.set(at(D1, '09:00'));
    for (let i = 0; i < 3; i++) ids.push(await report());
    await act(ids[0]!, 'resolve_on_spot', 'gridworker', { note: '已清除' });
    await act(ids[1]!, 'resolve_on_spot', 'gridworker', { note: '已清除' });
    t.clock.set(at(D1, '15:00'));
    await act(ids[0]!, 'verify', 'community');
    await runAt(at(D1, '23:30'));
    expect(await fact(D1, 'casesReported')).toBe(3);
    expect(await fact(D1, 'casesHandled')).toBe(2);
    expect(await fact(D1, 'casesHandledOnTime')).toBe(2);
    expect(await fact(D1, 'casesVerified')).toBe(1);
    expect(await fact(D1, 'casesClosed')).toBe(1);
    expect(await fact(D1, 'casesDue')).toBe(1); // closed on the spot: due the day it closed
    expect(await fact(D1, 'casesOpen')).toBe(2);
    // the grid's town and the city hold the same sums for the day, the month, the quarter and the year
    const [city, , town] = grid.path.split('/').filter(Boolean);
    for (const unit of [grid.id, town!, city!]) {
      for (const period of [D1, '2026-11', '2026Q4', '2026']) expect(await rollup(unit, period, 'casesReported')).toBe(3);
      expect(await rollup(unit, '2026-11', 'casesOpen')).toBe(2);
    }
  });

  it('a later day adds its change; the stock of the month is its last counted day\'s', async () => {
    t.clock.set(at(D2, '10:00'));
    await act(ids[2]!, 'resolve_on_spot', 'gridworker', { note: '已清除' });
    ids.push(await report());
    await runAt(at(D2, '23:30'));
    expect(await fact(D2, 'casesReported')).toBe(1);
    expect(await fact(D2, 'casesHandledOnTime')).toBe(1);
    expect(await fact(D2, 'casesOpen')).toBe(3);
    expect(await rollup(grid.id, '2026-11', 'casesReported')).toBe(4);
    expect(await rollup(grid.id, '2026-11', 'casesOpen')).toBe(3);
    expect(await rollup(grid.id, '2026', 'casesOpen')).toBe(3);
    t.clock.set(at(D3, '10:00'));
    await act(ids[1]!, 'verify', 'community');
    await runAt(at(D3, '23:30'));
    expect(await fact(D3, 'casesClosed')).toBe(1);
    expect(await rollup(grid.id, '2026-11', 'casesClosed')).toBe(2);
    expect(await rollup(grid.id, '2026-11', 'casesOpen')).toBe(2);
  });

  it('a handling sent back days later marks its day dirty; the next run counts it again', async () => {
    t.clock.set(at(D4, '09:00'));
    await act(ids[2]!, 'reopen', 'community', { reason: '未清理干净' });
    const dirty = (await t.db.query<{ day: string }>(`select to_char(day, 'YYYY-MM-DD') as day from indicator_dirty_days`)).rows.map((r) => r.day);
    expect(dirty).toContain(D2);
    await runAt(at(D4, '12:00'));
    expect(await fact(D2, 'casesHandledOnTime')).toBe(0);
    expect(await fact(D4, 'casesReworked')).toBe(1);
    expect((await t.db.query('select 1 from indicator_dirty_days')).rows).toHaveLength(0);
    await runAt(at(D4, '23:30'));
  });

  it('the facts equal a count from scratch, and the roll-ups of every unit and period the naive GROUP BY of the facts', async () => {
    const fresh = (await t.db.query<Row>(`select org_unit_id, to_char(day, 'YYYY-MM-DD') as day, measure, value from (${MEASURES_SQL}) x`, [D1, D4])).rows;
    const stored = (await t.db.query<Row>(`select org_unit_id, to_char(day, 'YYYY-MM-DD') as day, measure, value from indicator_facts where day between $1 and $2`, [D1, D4])).rows;
    const byFact = (r: Row) => `${r.org_unit_id} ${r.day} ${r.measure}`;
    expect(keyed(stored, byFact)).toEqual(keyed(fresh, byFact));
    const naive = (await t.db.query<Row>(NAIVE_ROLLUPS_SQL, [STOCK_MEASURES])).rows;
    const rolled = (await t.db.query<Row>('select org_unit_id, period, measure, value from indicator_rollups')).rows;
    const byRollup = (r: Row) => `${r.org_unit_id} ${r.period} ${r.measure}`;
    expect(keyed(rolled, byRollup)).toEqual(keyed(naive.filter((r) => Number(r.value) !== 0), byRollup));
    expect(rolled.length).toBeGreaterThan(50);
  });

  it('a full recount of the range changes nothing, and the runs are listed for editors', async () => {
    const before = (await t.db.query('select org_unit_id, period, measure, value from indicator_rollups order by 1, 2, 3')).rows;
    const r = await countDays(t.db, { from: D1, to: D4, kind: 'full' }, t.clock.now);
    expect(r.changed).toBe(0);
    expect((await t.db.query('select org_unit_id, period, measure, value from indicator_rollups order by 1, 2, 3')).rows).toEqual(before);
    const runs = await call('GET', '/api/indicators/runs', 'leader');
    expect(runs.statusCode).toBe(200);
    expect(runs.json()).toMatchObject({ policies: ['recompute'], dirtyDays: [] });
    expect(runs.json().items[0]).toMatchObject({ kind: 'full', from: D1, to: D4, days: 4, state: 'done' });
    expect((await call('GET', '/api/indicators/runs', 'dispatcher')).json().policies).toEqual([]);
    expect((await call('GET', '/api/indicators/runs', 'gridworker')).statusCode).toBe(403);
  });

  it('a recompute of up to a month is counted in the request and audited; a bad range is refused whole', async () => {
    const ok = await call('POST', '/api/indicators/recompute', 'leader', { from: D1, to: D4 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ background: false, run: { kind: 'full', days: 4, state: 'done' } });
    const audit = await t.db.query(`select detail from audit_log where action = 'indicator.recompute'`);
    expect(audit.rows).toHaveLength(1);
    const runs = (await t.db.query('select count(*)::int as n from indicator_runs')).rows[0];
    for (const body of [{ from: D4, to: D1 }, { from: '2026-02-30', to: D4 }, { from: D1, to: '2026-12-31' }, { from: '2025-01-01', to: D4 }]) {
      const bad = await call('POST', '/api/indicators/recompute', 'leader', body);
      expect(bad.statusCode).toBe(422);
      expect(bad.json().error.code).toBe('PERIOD_INVALID');
    }
    expect((await t.db.query('select count(*)::int as n from indicator_runs')).rows[0]).toEqual(runs);
    expect((await call('POST', '/api/indicators/recompute', 'dispatcher', { from: D1, to: D4 })).statusCode).toBe(403);
  });
});
