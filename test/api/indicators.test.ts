// 体征指标 (issue 17): the catalog (standard indicators seeded with every database, a town's own from the measures,
// a town's targets), and the values of a unit, its children and a trend from the roll-ups, with targets and lights,
// inside the caller's reach.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, RURAL_GRID } from '../support/places.ts';
import { STANDARD_INDICATORS } from '../../src/domain/indicators/standard.ts';
import { indicatorValues, measureSums, definitionsFor } from '../../src/server/indicators/values.ts';

let t: TestApp;
let leader: string;
let admin: string;
let gw: string;
const u = { grid: '', grid2: '', community: '', town: '', district: '', ruralGrid: '', ruralTown: '' };

/** The roll-ups the facts job would keep (H2's job writes them in production; the values only read them). */
async function rollup(orgUnitId: string, period: string, sums: Record<string, number>) {
  for (const [measure, value] of Object.entries(sums)) {
    await t.db.query(
      `insert into indicator_rollups (org_unit_id, period, measure, value) values ($1,$2,$3,$4)
       on conflict (org_unit_id, period, measure) do update set value = excluded.value`,
      [orgUnitId, period, measure, value],
    );
  }
}

const get = (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) });
const send = (token: string, method: 'POST' | 'PUT', url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, payload: payload as object, headers: { ...bearer(token), ...headers } });

async function auditRows(action: string, targetId: string) {
  return (await t.db.query<{ detail: Record<string, unknown>; actor_name: string }>(
    'select detail, actor_name from audit_log where action = $1 and target_id = $2 order by id', [action, targetId])).rows;
}

beforeAll(async () => {
  t = await createTestApp();
  const unit = async (code: string) => (await t.db.query<{ id: string; parent_id: string }>('select id, parent_id from org_units where code = $1', [code])).rows[0]!;
  const g = await unit(DEMO_GRID);
  u.grid = g.id;
  u.community = g.parent_id;
  u.town = (await t.db.query<{ parent_id: string }>('select parent_id from org_units where id = $1', [u.community])).rows[0]!.parent_id;
  u.district = (await t.db.query<{ parent_id: string }>('select parent_id from org_units where id = $1', [u.town])).rows[0]!.parent_id;
  u.grid2 = (await t.db.query<{ id: string }>('select id from org_units where parent_id = $1 and id <> $2 order by sort, name limit 1', [u.community, u.grid])).rows[0]!.id;
  const r = await unit(RURAL_GRID);
  u.ruralGrid = r.id;
  u.ruralTown = (await t.db.query<{ parent_id: string }>('select parent_id from org_units where id = (select parent_id from org_units where id = $1)', [u.ruralGrid])).rows[0]!.parent_id;
  leader = await t.login('leader');
  admin = await t.login('admin');
  gw = await t.login('gridworker');

  // November: the demo grid closed 8 of 9 cases due (6 on time), 5 ratings of 21 points; October: 9 of 10
  await rollup(u.grid, '2026-11', { casesDue: 9, casesClosed: 8, casesClosedOnTime: 6, casesRated: 5, casesSatisfied: 4, satisfactionPoints: 21, incidentsMajor: 0 });
  await rollup(u.grid, '2026-10', { casesDue: 10, casesClosed: 9 });
  // the other grid of the community: 3 of 3; the community and the town hold the sums of their grids
  await rollup(u.grid2, '2026-11', { casesDue: 3, casesClosed: 3, casesClosedOnTime: 3 });
  await rollup(u.community, '2026-11', { casesDue: 12, casesClosed: 11, casesClosedOnTime: 9, casesRated: 5, casesSatisfied: 4, satisfactionPoints: 21 });
  await rollup(u.town, '2026-11', { casesDue: 40, casesClosed: 39, casesClosedOnTime: 36, casesRated: 10, casesSatisfied: 9, satisfactionPoints: 46 });
  await rollup(u.grid, '2026-09', { casesDue: 4, casesClosed: 4, casesClosedOnTime: 4 });
  await rollup(u.ruralGrid, '2026-11', { casesDue: 2, casesClosed: 1 });
});
afterAll(async () => { await t?.close(); });

describe('the catalog', () => {
  it('holds the standard indicators, in catalog order, with formula in words, target and the measures', async () => {
    const res = await get(leader, '/api/indicators');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((i: { code: string }) => i.code)).toEqual(STANDARD_INDICATORS.map((d) => d.code));
    const close = body.items.find((i: { code: string }) => i.code === 'closeRate');
    expect(close).toMatchObject({
      name: '结案率', standard: true, unit: 'percent', direction: 'higher', target: 95, warnBand: 5, catalogTarget: 95,
      formulaText: '结案数 ÷ 应结案数 × 100', targetSetBy: null, policies: ['setTarget'], orgUnitId: null,
    });
    expect(body.measures.find((m: { code: string }) => m.code === 'casesDue')).toEqual({ code: 'casesDue', kind: 'flow', name: '应结案数', nameZh: '应结案数', nameEn: 'Cases due to close' });
    expect(body.policies).toEqual(['create']);
    expect(body.townId).toBe(u.town);
  });

  it('is read by territorial staff; a grid worker changes nothing; departments and residents read nothing here', async () => {
    const g = (await get(gw, '/api/indicators')).json();
    expect(g.policies).toEqual([]);
    expect(g.items.every((i: { policies: string[] }) => i.policies.length === 0)).toBe(true);
    expect((await get(await t.login('department'), '/api/indicators')).statusCode).toBe(403);
    expect((await get(await t.login('resident'), '/api/indicators')).statusCode).toBe(403);
    // a town out of the leader's scope: 404
    expect((await get(leader, `/api/indicators?townId=${u.ruralTown}`)).statusCode).toBe(404);
    expect((await get(admin, `/api/indicators?townId=${u.ruralTown}`)).statusCode).toBe(200);
  });
});

describe('a town\'s target', () => {
  it('a leader sets the town\'s own target for a standard indicator; audited with before and after; null removes it', async () => {
    const res = await send(leader, 'PUT', '/api/indicators/closeRate/target', { orgUnitId: u.town, target: 85, warnBand: 3 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: 'closeRate', target: 85, warnBand: 3, catalogTarget: 95, targetSetBy: u.town });
    expect((await auditRows('indicator.target', 'closeRate'))[0]!.detail).toMatchObject({ townId: u.town, before: null, after: { target: 85, warnBand: 3 } });
    // the rural town reads the catalog's
    expect((await get(admin, `/api/indicators/closeRate?townId=${u.ruralTown}`)).json()).toMatchObject({ target: 95, targetSetBy: null });

    const again = await send(leader, 'PUT', '/api/indicators/onTimeCloseRate/target', { orgUnitId: u.town, target: 70 });
    expect(again.json()).toMatchObject({ target: 70, warnBand: null });
    const removed = await send(leader, 'PUT', '/api/indicators/onTimeCloseRate/target', { orgUnitId: u.town, target: null });
    expect(removed.json()).toMatchObject({ target: 90, warnBand: 5, targetSetBy: null });
    expect((await auditRows('indicator.target', 'onTimeCloseRate')).map((r) => r.detail.after)).toEqual([{ target: 70, warnBand: null }, null]);
  });

  it('only for a town inside the editor\'s scope and an indicator of its catalog', async () => {
    expect((await send(leader, 'PUT', '/api/indicators/closeRate/target', { orgUnitId: u.ruralTown, target: 80 })).statusCode).toBe(404);
    const notTown = await send(leader, 'PUT', '/api/indicators/closeRate/target', { orgUnitId: u.community, target: 80 });
    expect(notTown.statusCode).toBe(422);
    expect(notTown.json().error.code).toBe('INDICATOR_INVALID');
    expect((await send(leader, 'PUT', '/api/indicators/noSuchOne/target', { orgUnitId: u.town, target: 80 })).statusCode).toBe(404);
    expect((await send(gw, 'PUT', '/api/indicators/closeRate/target', { orgUnitId: u.town, target: 80 })).statusCode).toBe(403);
  });
});

describe('a town\'s own indicator', () => {
  const lamp = {
    code: 'gridCloseRate', nameZh: '网格自结率', description: '结案数 ÷ 上报数', board: 'center', unit: 'percent', direction: 'higher',
    formula: { kind: 'ratio', numerator: ['casesClosed'], denominator: ['casesDue', 'casesExtended'], scale: 100 }, target: 80, warnBand: 10,
  };

  it('a leader defines one from the measures; a retry with the same Idempotency-Key answers the first; audited', async () => {
    const first = await send(leader, 'POST', '/api/indicators', lamp, { 'idempotency-key': 'lamp-1' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      code: 'gridCloseRate', standard: false, orgUnitId: u.town, orgUnitName: '春晖路街道', version: 1, policies: ['update', 'archive', 'setTarget'],
      formulaText: '结案数 ÷ (应结案数 + 延期数) × 100', nameEn: '网格自结率',
    });
    const retry = await send(leader, 'POST', '/api/indicators', lamp, { 'idempotency-key': 'lamp-1' });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().code).toBe('gridCloseRate');
    expect(await auditRows('indicator.create', 'gridCloseRate')).toHaveLength(1);
    // in the town's catalog; not in the rural town's
    expect((await get(leader, '/api/indicators')).json().items.map((i: { code: string }) => i.code)).toContain('gridCloseRate');
    expect((await get(admin, `/api/indicators?townId=${u.ruralTown}`)).json().items.map((i: { code: string }) => i.code)).not.toContain('gridCloseRate');
    expect((await get(admin, `/api/indicators/gridCloseRate?townId=${u.ruralTown}`)).statusCode).toBe(404);
  });

  it('two requests at once with one Idempotency-Key make one indicator: 201 and 200', async () => {
    const both = await Promise.all([1, 2].map(() => send(leader, 'POST', '/api/indicators', { ...lamp, code: 'twiceAtOnce' }, { 'idempotency-key': 'twice-1' })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(await auditRows('indicator.create', 'twiceAtOnce')).toHaveLength(1);
    expect((await send(leader, 'POST', '/api/indicators/twiceAtOnce/archive', { version: 1 })).statusCode).toBe(200);
  });

  it('refuses a code in use (409), a formula that makes no sense (422 with the reasons), a town it cannot reach', async () => {
    const taken = await send(leader, 'POST', '/api/indicators', lamp);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('INDICATOR_CODE_TAKEN');
    expect((await send(leader, 'POST', '/api/indicators', { ...lamp, code: 'CLOSERATE' })).json().error.code).toBe('INDICATOR_CODE_TAKEN');
    expect((await send(leader, 'POST', '/api/indicators', { ...lamp, code: 'values' })).statusCode).toBe(409);
    const same = await send(leader, 'POST', '/api/indicators', { ...lamp, code: 'sameSame', formula: { kind: 'ratio', numerator: ['casesDue'], denominator: ['casesDue'], scale: 100 } });
    expect(same.statusCode).toBe(422);
    expect(same.json().error).toMatchObject({ code: 'INDICATOR_INVALID', details: { reasons: ['分子与分母相同，结果恒为 1'] } });
    const unknownMeasure = await send(leader, 'POST', '/api/indicators', { ...lamp, code: 'bad', formula: { kind: 'count', measures: ['nothing'] } });
    expect(unknownMeasure.statusCode).toBe(400);
    expect((await send(leader, 'POST', '/api/indicators', { ...lamp, code: 'ruralOne', townId: u.ruralTown })).statusCode).toBe(404);
    // an admin above the towns names the town
    const noTown = await send(admin, 'POST', '/api/indicators', { ...lamp, code: 'cityOne' });
    expect(noTown.statusCode).toBe(422);
    expect((await send(gw, 'POST', '/api/indicators', { ...lamp, code: 'gwOne' })).statusCode).toBe(403);
    const { rows } = await t.db.query('select code from indicator_definitions where code in ($1,$2,$3,$4)', ['sameSame', 'bad', 'ruralOne', 'cityOne']);
    expect(rows).toEqual([]);
  });

  it('is changed with its version (a stale one 409), never a standard one (422); archived, it leaves the catalog', async () => {
    const changed = await send(leader, 'PUT', '/api/indicators/gridCloseRate', { ...lamp, code: undefined, nameZh: '网格结案率', target: 90, version: 1 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ name: '网格结案率', target: 90, version: 2 });
    const stale = await send(leader, 'PUT', '/api/indicators/gridCloseRate', { ...lamp, code: undefined, version: 1 });
    expect(stale.statusCode).toBe(409);
    const standard = await send(leader, 'PUT', '/api/indicators/closeRate', { ...lamp, code: undefined, version: 1 });
    expect(standard.statusCode).toBe(422);
    expect((await auditRows('indicator.update', 'gridCloseRate'))[0]!.detail).toMatchObject({ name: '网格结案率', target: 90, version: 2 });

    // its value for the demo grid in November: 8 ÷ (9 + 0) = 88.89 %, under the target 90, within the band 10 → yellow
    const v = (await get(leader, `/api/indicators/values?codes=gridCloseRate&orgUnitId=${u.grid}&period=2026-11`)).json();
    expect(v.items[0]).toMatchObject({ value: 88.89, target: 90, light: 'yellow' });

    const archived = await send(leader, 'POST', '/api/indicators/gridCloseRate/archive', { version: 2 });
    expect(archived.statusCode).toBe(200);
    expect(archived.json()).toMatchObject({ archived: true, version: 3, policies: [] });
    expect((await send(leader, 'POST', '/api/indicators/gridCloseRate/archive', { version: 3 })).statusCode).toBe(409);
    expect((await get(leader, '/api/indicators')).json().items.map((i: { code: string }) => i.code)).not.toContain('gridCloseRate');
    expect((await get(leader, '/api/indicators?includeArchived=true')).json().items.map((i: { code: string }) => i.code)).toContain('gridCloseRate');
    expect((await get(leader, `/api/indicators/values?codes=gridCloseRate&orgUnitId=${u.grid}&period=2026-11`)).json().error.code).toBe('INDICATOR_UNKNOWN');
  });
});

describe('values', () => {
  it('a unit\'s values for a month: formula over its roll-up, the town\'s target, the light and last month\'s value', async () => {
    const res = await get(leader, `/api/indicators/values?codes=closeRate,satisfactionScore,majorIncidents,reworkRate&orgUnitId=${u.grid}&period=2026-11`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ orgUnitId: u.grid, orgUnitName: '春晖社区第1网格', period: '2026-11' });
    const by = Object.fromEntries(body.items.map((i: { code: string }) => [i.code, i]));
    // 8 ÷ 9 = 88.89 %; the town's own target 85 (band 3) → green; October 9 ÷ 10 = 90 %
    expect(by.closeRate).toMatchObject({ value: 88.89, numerator: 8, denominator: 9, target: 85, warnBand: 3, light: 'green', previous: 90, previousPeriod: '2026-10', orgUnitLevel: 'grid' });
    // 21 ÷ 5 = 4.2 points, target 4.5 (band 0.3) → yellow; no ratings in October → no value
    expect(by.satisfactionScore).toMatchObject({ value: 4.2, target: 4.5, light: 'yellow', previous: null });
    expect(by.majorIncidents).toMatchObject({ value: 0, light: 'green' });
    // nothing handled: no value, no light
    expect(by.reworkRate).toMatchObject({ value: null, numerator: 0, denominator: 0, light: 'none' });
  });

  it('every indicator of the catalog when no codes are named; the caller\'s own unit by default', async () => {
    const all = (await get(gw, '/api/indicators/values?period=2026-11')).json();
    expect(all.orgUnitId).toBe(u.grid);
    expect(all.items.map((i: { code: string }) => i.code)).toEqual(STANDARD_INDICATORS.map((d) => d.code));
  });

  it('refuses an unknown code (422 INDICATOR_UNKNOWN) and a bad period (422 PERIOD_INVALID)', async () => {
    const unknown = await get(leader, `/api/indicators/values?codes=closeRate,nope&orgUnitId=${u.grid}&period=2026-11`);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({ code: 'INDICATOR_UNKNOWN', details: { codes: ['nope'] } });
    for (const period of ['2026-13', '2026Q5', '11-2026', '2026-02-30']) {
      const bad = await get(leader, `/api/indicators/values?orgUnitId=${u.grid}&period=${period}`);
      expect(bad.statusCode, period).toBe(422);
      expect(bad.json().error.code).toBe('PERIOD_INVALID');
    }
  });

  it('reach: a grid worker reads their grid and the units holding it down from the town, not a peer grid or the district directly', async () => {
    for (const id of [u.grid, u.community, u.town]) {
      expect((await get(gw, `/api/indicators/values?codes=closeRate&orgUnitId=${id}&period=2026-11`)).statusCode, id).toBe(200);
    }
    for (const id of [u.grid2, u.district, u.ruralGrid]) {
      expect((await get(gw, `/api/indicators/values?codes=closeRate&orgUnitId=${id}&period=2026-11`)).statusCode, id).toBe(404);
    }
    expect((await get(leader, `/api/indicators/values?codes=closeRate&orgUnitId=${u.ruralGrid}&period=2026-11`)).statusCode).toBe(404);
    expect((await get(leader, `/api/indicators/values?codes=closeRate&orgUnitId=${u.district}&period=2026-11`)).statusCode).toBe(404);
    expect((await get(admin, `/api/indicators/values?codes=closeRate&orgUnitId=${u.ruralGrid}&period=2026-11`)).json().items[0]).toMatchObject({ value: 50, target: 95, light: 'red' });
  });

  it('children: the community\'s grids with their values — peers are seen inside the town', async () => {
    const res = await get(gw, `/api/indicators/values/children?code=closeRate&orgUnitId=${u.community}&period=2026-11`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.parent).toMatchObject({ orgUnitId: u.community, value: 91.67, numerator: 11, denominator: 12, light: 'green' });
    const grids = (await t.db.query<{ id: string }>('select id from org_units where parent_id = $1', [u.community])).rows.map((r) => r.id);
    expect(body.items.map((i: { orgUnitId: string }) => i.orgUnitId).sort()).toEqual(grids.sort());
    expect(body.items.find((i: { orgUnitId: string }) => i.orgUnitId === u.grid)).toMatchObject({ value: 88.89, light: 'green' });
    expect(body.items.find((i: { orgUnitId: string }) => i.orgUnitId === u.grid2)).toMatchObject({ value: 100, light: 'green' });
    // a grid with no roll-up: no value
    expect(body.items.filter((i: { value: number | null }) => i.value === null)).toHaveLength(grids.length - 2);
    // the district's towns: not from a town's leader
    expect((await get(leader, `/api/indicators/values/children?code=closeRate&orgUnitId=${u.district}&period=2026-11`)).statusCode).toBe(404);
    // the admin: each town with its own target
    const towns = (await get(admin, `/api/indicators/values/children?code=closeRate&orgUnitId=${u.district}&period=2026-11`)).json();
    expect(towns.items.find((i: { orgUnitId: string }) => i.orgUnitId === u.town)).toMatchObject({ value: 97.5, target: 85, warnBand: 3, light: 'green' });
    expect(towns.items.find((i: { orgUnitId: string }) => i.orgUnitId === u.ruralTown)).toMatchObject({ target: 95, warnBand: 5 });
  });

  it('a trend by month and by day', async () => {
    const res = await get(leader, `/api/indicators/series?code=closeRate&orgUnitId=${u.grid}&from=2026-08-15&to=2026-11-23`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'month', target: 85 });
    expect(res.json().points.map((p: { period: string; value: number | null; light: string }) => [p.period, p.value, p.light])).toEqual([
      ['2026-08', null, 'none'], ['2026-09', 100, 'green'], ['2026-10', 90, 'green'], ['2026-11', 88.89, 'green'],
    ]);
    const days = (await get(leader, `/api/indicators/series?code=closeRate&orgUnitId=${u.grid}&from=2026-11-01&to=2026-11-03&kind=day`)).json();
    expect(days.points.map((p: { period: string }) => p.period)).toEqual(['2026-11-01', '2026-11-02', '2026-11-03']);
    const long = await get(leader, `/api/indicators/series?code=closeRate&orgUnitId=${u.grid}&from=2026-01-01&to=2026-11-03&kind=day`);
    expect(long.statusCode).toBe(422);
    expect(long.json().error.code).toBe('PERIOD_INVALID');
    expect((await get(leader, `/api/indicators/series?code=closeRate&orgUnitId=${u.grid}&from=2026-11-03&to=2026-11-01`)).statusCode).toBe(422);
    // centuries are refused by their length, before a day of them is listed
    const centuries = await get(leader, `/api/indicators/series?code=closeRate&orgUnitId=${u.grid}&from=1900-01-01&to=9999-12-31&kind=day`);
    expect(centuries.json().error.code).toBe('PERIOD_INVALID');
    expect((await get(leader, `/api/indicators/series?code=closeRate&orgUnitId=${u.grid}&from=1900-01-01&to=9999-12-31`)).json().error.code).toBe('PERIOD_INVALID');
  });
});

describe('values.ts (what ratings, rankings, the screen and reports call)', () => {
  it('indicatorValues takes each unit\'s town for targets; measureSums reads the roll-ups; definitionsFor the catalog in force', async () => {
    const values = await indicatorValues(t.db, { codes: ['closeRate'], orgUnitIds: [u.grid, u.ruralGrid], period: '2026-11' });
    expect(values.map((v) => [v.orgUnitId, v.value, v.target, v.light])).toEqual([[u.grid, 88.89, 85, 'green'], [u.ruralGrid, 50, 95, 'red']]);
    const sums = await measureSums(t.db, { orgUnitIds: [u.grid], periods: ['2026-11', '2026-10'], measures: ['casesDue', 'casesClosed'] });
    expect(sums.get(u.grid)?.get('2026-10')).toEqual({ casesDue: 10, casesClosed: 9 });
    expect((await definitionsFor(t.db, u.town)).find((d) => d.code === 'closeRate')).toMatchObject({ target: 85, catalogTarget: 95, targetSetBy: u.town });
    await expect(indicatorValues(t.db, { codes: ['closeRate'], orgUnitIds: [u.grid], period: '2026-14' })).rejects.toMatchObject({ code: 'PERIOD_INVALID' });
  });
});
