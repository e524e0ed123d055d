// 一表通 (issue 17): report forms whose columns are indicators, the preview with the total rolled up from the rows,
// fills as Excel and PDF opened and read back, kept and audited, and forms defined by a town's leader.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID } from '../support/places.ts';
import { indicatorValues } from '../../src/server/indicators/values.ts';

let t: TestApp;
let leader: string;
let community: string;
let communityId: string;
let townId: string;
let grids: { id: string; name: string }[];
const forms: Record<string, string> = {};

// October 2026 in three grids of 春晖社区, as the facts job would have rolled them up (written here by hand):
//   grid 1: 4 accepted, 4 due, 3 closed, 1 overdue; grid 2: 6 accepted, none due, 2 closed; grid 3: 1 accepted, 2 due, 2 closed, 2 overdue.
// By hand: 结案率 grid 1 = 3/4 = 75 %, grid 2 none (nothing due), grid 3 = 100 %; the community = (3+2+2)/(4+0+2) = 116.67 %
// — no: closed cases need not have fallen due in the month, so the rate may pass 100 — and 立案数 11, 超期在办 3.
const OCT: Record<number, Record<string, number>> = {
  0: { casesAccepted: 4, casesDue: 4, casesClosed: 3, casesOverdue: 1 },
  1: { casesAccepted: 6, casesClosed: 2 },
  2: { casesAccepted: 1, casesDue: 2, casesClosed: 2, casesOverdue: 2 },
};

async function rollup(unitId: string, period: string, sums: Record<string, number>) {
  for (const [measure, value] of Object.entries(sums)) {
    await t.db.query(
      `insert into indicator_rollups (org_unit_id, period, measure, value) values ($1, $2, $3, $4)
       on conflict (org_unit_id, period, measure) do update set value = indicator_rollups.value + excluded.value`, [unitId, period, measure, value]);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  leader = await t.login('leader');
  community = await t.login('community');
  const grid = (await t.db.query<{ parent_id: string }>('select parent_id from org_units where code = $1', [DEMO_GRID])).rows[0]!;
  communityId = grid.parent_id;
  townId = (await t.db.query<{ parent_id: string }>('select parent_id from org_units where id = $1', [communityId])).rows[0]!.parent_id;
  grids = (await t.db.query<{ id: string; name: string }>('select id, name from org_units where parent_id = $1 order by sort, name, id', [communityId])).rows;
  for (const [n, sums] of Object.entries(OCT)) {
    const g = grids[Number(n)]!;
    for (const unit of [g.id, communityId, townId]) for (const period of ['2026-10', '2026Q4']) await rollup(unit, period, sums);
  }
  // the first grid over the year: Sep 5 accepted, 2 of 2 closed, 3 overdue at its end; Oct as above
  const g1 = grids[0]!.id;
  await rollup(g1, '2026-09', { casesAccepted: 5, casesDue: 2, casesClosed: 2, casesOverdue: 3 });
  await rollup(g1, '2026', { casesAccepted: 9, casesDue: 6, casesClosed: 5, casesOverdue: 1 });
  const list = (await get('/api/reports/forms', leader)).json();
  for (const f of list.items) if (f.code) forms[f.code] = f.id;
});
afterAll(async () => { await t?.close(); });

const get = (url: string, token: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) });
const post = (url: string, token: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, headers: { ...bearer(token), ...headers }, ...(payload ? { payload } : {}) });

describe('standard forms', () => {
  it('are seeded for everyone who reads reports, with their columns named', async () => {
    const r = await get('/api/reports/forms', community);
    expect(r.statusCode, r.body).toBe(200);
    const names = r.json().items.map((f: { name: string }) => f.name);
    expect(names).toEqual(expect.arrayContaining(['网格化服务管理月报', '矛盾纠纷排查化解月报', '网格员履职情况表', '智慧养老告警处置月报', '基层治理体征指标年度汇总表']));
    const grid = r.json().items.find((f: { code: string }) => f.code === 'grid-service-monthly');
    expect(grid.columns.slice(0, 3).map((c: { name: string }) => c.name)).toEqual(['立案数', '结案率', '按期结案率']);
    // community staff fill but do not edit; the leader may not edit a standard form either (only an administrator)
    expect(grid.policies).toEqual(['fill']);
    expect((await get('/api/reports/forms', leader)).json().items.find((f: { code: string }) => f.code === 'grid-service-monthly').policies).toEqual(['fill']);
    expect((await get('/api/reports/forms', leader)).json().policies).toEqual(['create']);
    expect((await get('/api/reports/forms', await t.login('gridworker'))).statusCode).toBe(403);
    expect((await get('/api/reports/forms', await t.login('resident'))).statusCode).toBe(403);
  });
});

describe('preview', () => {
  it('a row per grid, the cells from the roll-ups, the total rolled up and equal to the community\'s own values', async () => {
    const r = await get(`/api/reports/forms/${forms['grid-service-monthly']}/preview?orgUnitId=${communityId}&period=2026-10`, community);
    expect(r.statusCode, r.body).toBe(200);
    const table = r.json();
    expect(table.title).toBe(`春晖社区2026年10月网格化服务管理月报`);
    const col = (code: string) => table.columns.findIndex((c: { code: string }) => c.code === code);
    const [accepted, closeRate, overdue] = [col('casesAccepted'), col('closeRate'), col('overdueOpenCases')];
    expect(table.rows.length).toBe(grids.length);
    expect(table.rows.slice(0, 3).map((row: { label: string; cells: (number | null)[] }) => [row.label, row.cells[accepted], row.cells[closeRate], row.cells[overdue]]))
      .toEqual([[grids[0]!.name, 4, 75, 1], [grids[1]!.name, 6, null, 0], [grids[2]!.name, 1, 100, 2]]);
    expect(table.total.label).toBe('合计');
    expect([table.total.cells[accepted], table.total.cells[closeRate], table.total.cells[overdue]]).toEqual([11, 116.67, 3]);
    // the same figures the indicators give for the community itself
    const own = await indicatorValues(t.db, { codes: ['casesAccepted', 'closeRate', 'overdueOpenCases'], orgUnitIds: [communityId], period: '2026-10' });
    expect(own.map((v) => v.value)).toEqual([11, 116.67, 3]);
  });

  it('months rows: the months begun, stocks at the year\'s end, the total the year\'s own', async () => {
    const r = await get(`/api/reports/forms/${forms['governance-yearly']}/preview?orgUnitId=${grids[0]!.id}&period=2026`, community);
    expect(r.statusCode, r.body).toBe(200);
    const table = r.json();
    // the test clock is 23 November 2026: eleven months
    expect(table.rows.map((row: { label: string }) => row.label)).toEqual(Array.from({ length: 11 }, (_, i) => `2026年${i + 1}月`));
    const col = (code: string) => table.columns.findIndex((c: { code: string }) => c.code === code);
    expect(table.rows[8].cells[col('casesAccepted')]).toBe(5);
    expect(table.rows[9].cells[col('closeRate')]).toBe(75);
    // Σ accepted 9; closed (2+3)/(2+4) = 83.33 %; overdue: October's 1 (November has none counted: 0 is its value)
    expect([table.total.cells[col('casesAccepted')], table.total.cells[col('closeRate')]]).toEqual([9, 83.33]);
    expect(table.total.cells[col('overdueOpenCases')]).toBe(0);
  });

  it('refuses a period of another kind, a grid without children, a unit outside the scope', async () => {
    const id = forms['grid-service-monthly'];
    const bad = await get(`/api/reports/forms/${id}/preview?orgUnitId=${communityId}&period=2026Q4`, community);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('PERIOD_INVALID');
    expect((await get(`/api/reports/forms/${id}/preview?orgUnitId=${communityId}&period=2026-13`, community)).json().error.code).toBe('PERIOD_INVALID');
    const leafId = (await t.db.query<{ id: string }>(
      `select u.id from org_units u where u.path like (select path from org_units where id = $1) || '%' and not exists (select 1 from org_units c where c.parent_id = u.id) limit 1`, [communityId])).rows[0]!.id;
    const leaf = await get(`/api/reports/forms/${id}/preview?orgUnitId=${leafId}&period=2026-10`, community);
    expect(leaf.statusCode).toBe(422);
    expect(leaf.json().error.code).toBe('REPORT_FORM_INVALID');
    expect((await get(`/api/reports/forms/${id}/preview?orgUnitId=${townId}&period=2026-10`, community)).statusCode).toBe(404);
    // the default unit is the caller's scope
    const own = await get(`/api/reports/forms/${id}/preview?period=2026-10`, community);
    expect(own.json().unit.id).toBe(communityId);
  });
});

describe('fill', () => {
  it('Excel: the Chinese file name, the figures in the workbook, the fill kept and audited', async () => {
    const r = await post(`/api/reports/forms/${forms['grid-service-monthly']}/fill?orgUnitId=${communityId}&period=2026-10&format=xlsx`, community);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(r.headers['content-disposition']).toBe(
      `attachment; filename="report-2026-10.xlsx"; filename*=UTF-8''${encodeURIComponent('春晖社区2026年10月网格化服务管理月报.xlsx')}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell(1, 1).value).toBe('春晖社区2026年10月网格化服务管理月报');
    expect(ws.getRow(4).values).toEqual(expect.arrayContaining(['单位', '立案数（个）', '结案率（%）']));
    expect([ws.getCell(5, 1).value, ws.getCell(5, 2).value, ws.getCell(5, 3).value]).toEqual([grids[0]!.name, 4, 75]);
    expect(ws.getCell(6, 3).value).toBe(null); // nothing fell due: empty, not 0
    const total = 5 + grids.length;
    expect([ws.getCell(total, 1).value, ws.getCell(total, 2).value, ws.getCell(total, 3).value]).toEqual(['合计', 11, 116.67]);

    const fills = (await get('/api/reports/fills', community)).json().items;
    expect(fills[0]).toMatchObject({ formName: '网格化服务管理月报', orgUnitName: '春晖社区', period: '2026-10', periodLabel: '2026年10月', format: 'xlsx', byName: '赵秀兰', policies: ['download'] });
    const audit = (await t.db.query<{ action: string; actor_name: string; detail: { period: string; format: string } }>(
      `select action, actor_name, detail from audit_log where action = 'report.fill' order by id desc limit 1`)).rows[0]!;
    expect(audit).toMatchObject({ action: 'report.fill', actor_name: '赵秀兰', detail: { period: '2026-10', format: 'xlsx' } });
  });

  it('PDF: the text read back by pdftotext holds the title, the rows and the total', async () => {
    const r = await post(`/api/reports/forms/${forms['grid-service-monthly']}/fill?orgUnitId=${communityId}&period=2026-10&format=pdf`, community);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toContain(encodeURIComponent('春晖社区2026年10月网格化服务管理月报.pdf'));
    const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'));
    writeFileSync(join(dir, 'r.pdf'), r.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('春晖社区2026年10月网格化服务管理月报');
    expect(text).toMatch(new RegExp(`${grids[0]!.name}\\s+4\\s+75%`));
    expect(text).toMatch(/合计\s+11\s+116\.67%/);
  });

  it('a retry with the same Idempotency-Key answers the first fill\'s figures and keeps one fill', async () => {
    const url = `/api/reports/forms/${forms['grid-service-monthly']}/fill?orgUnitId=${communityId}&period=2026-10&format=xlsx`;
    const before = (await get('/api/reports/fills?limit=200', community)).json().items.length;
    t.clock.advance(60_000); // the newest fill is this one
    await post(url, community, undefined, { 'idempotency-key': 'fill-1' });
    await rollup(grids[0]!.id, '2026-10', { casesAccepted: 100 });
    const again = await post(url, community, undefined, { 'idempotency-key': 'fill-1' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(again.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getCell(5, 2).value).toBe(4);
    expect((await get('/api/reports/fills?limit=200', community)).json().items.length).toBe(before + 1);
    // the kept fill downloads again with its own figures
    const kept = (await get('/api/reports/fills', community)).json().items[0];
    const file = await get(`/api/reports/fills/${kept.id}/file`, community);
    expect(file.statusCode).toBe(200);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(wb2.worksheets[0]!.getCell(5, 2).value).toBe(4);
    await rollup(grids[0]!.id, '2026-10', { casesAccepted: -100 });
  });
});

describe('a town\'s own forms', () => {
  let id: string;
  it('the leader defines one from indicators and measures; refusals carry the reasons', async () => {
    const bad = await post('/api/reports/forms', leader, { name: '纠纷周报', rowKind: 'months', periodKind: 'month', columns: [{ indicatorCode: 'nope' }] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('REPORT_FORM_INVALID');
    expect(bad.json().error.details.reasons).toEqual(['按月份分行的报表须按季或按年报送', '指标不在本街道的指标目录中：nope']);
    const body = { name: '街道结案情况季报', rowKind: 'children', periodKind: 'quarter', columns: [{ indicatorCode: 'closeRate', label: '结案率' }, { indicatorCode: 'measure:casesClosed' }] };
    const r = await post('/api/reports/forms', leader, body, { 'idempotency-key': 'form-1' });
    expect(r.statusCode, r.body).toBe(201);
    id = r.json().id;
    expect(r.json()).toMatchObject({ standard: false, orgUnitName: '春晖路街道', version: 1, policies: ['edit', 'archive', 'fill'] });
    expect(r.json().columns.map((c: { name: string }) => c.name)).toEqual(['结案率', '结案数']);
    const again = await post('/api/reports/forms', leader, body, { 'idempotency-key': 'form-1' });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(id);
    expect((await post('/api/reports/forms', community, body)).statusCode).toBe(403);
  });

  it('changes with the version read, and is archived', async () => {
    const change = { name: '街道结案情况季报', rowKind: 'children', periodKind: 'quarter', columns: [{ indicatorCode: 'casesAccepted' }], version: 1 };
    const r = await t.app.inject({ method: 'PUT', url: `/api/reports/forms/${id}`, headers: bearer(leader), payload: change });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().version).toBe(2);
    const stale = await t.app.inject({ method: 'PUT', url: `/api/reports/forms/${id}`, headers: bearer(leader), payload: change });
    expect(stale.statusCode).toBe(409);
    const p = await get(`/api/reports/forms/${id}/preview?orgUnitId=${communityId}&period=2026Q4`, community);
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json().total.cells).toEqual([11]);
    const a = await post(`/api/reports/forms/${id}/archive`, leader);
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json()).toMatchObject({ archived: true, policies: [] });
    expect((await get('/api/reports/forms', leader)).json().items.map((f: { id: string }) => f.id)).not.toContain(id);
    const actions = (await t.db.query<{ action: string }>(`select action from audit_log where target_id = $1 order by id`, [id])).rows.map((x) => x.action);
    expect(actions).toEqual(['report.form.create', 'report.form.update', 'report.form.archive']);
  });
});
