import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, RURAL_GRID, gridCentre } from '../support/places.ts';

/**
 * The after-action review (复盘报告) of a stood-down incident against its plan's times: a step ticked through on time, a
 * step whose work order was handled in the case loop (done at the time of its report_done, late), a step left at
 * stand-down; the level raised; the CAP alerts; the PDF and the workbook; and the figures, never mixing drills.
 */
let t: TestApp;
let admin: string;
let leader: string;
let handler: string;
let urbanTown: string;
let ruralTown: string;

const MIN = 60_000;
const T0 = new Date('2026-11-20T09:00:00+08:00');

const plan = (name: string) => ({
  name, hazard: 'buildingCrack', matterCode: 'C0502', summary: '', levels: ['IV', 'III'], triggers: [{ kind: 'manual' }],
  roles: [
    { key: 'cmd', name: '现场指挥', postCode: 'PA-YJGL', backupAccountIds: [] },
    { key: 'house', name: '房屋安全组', postCode: 'JJ-CSGX', backupAccountIds: [] },
  ],
  steps: [
    { key: 'cordon', title: '设置警戒区', roleKey: 'cmd', dueOffsetMin: 30, fromLevel: 'IV', checklist: ['拉设警戒线', '安排值守'] },
    { key: 'inspect', title: '现场查看裂缝', roleKey: 'house', dueOffsetMin: 60, fromLevel: 'IV', checklist: ['测量裂缝宽度', '拍照'] },
    { key: 'appraise', title: '委托房屋安全鉴定', roleKey: 'house', dueOffsetMin: 240, fromLevel: 'IV', checklist: ['联系鉴定站'] },
    { key: 'reinforce', title: '应急支顶加固', roleKey: 'house', dueOffsetMin: 120, fromLevel: 'III', checklist: ['调集支顶材料'] },
  ],
  resources: [],
  notice: { event: '堡坎险情', urgency: 'Immediate', severity: null, certainty: 'Likely', headline: '堡坎出现裂缝', description: '堡坎鼓胀开裂', instruction: '请绕行', areaDesc: '钢花新村', expiresAfterH: 24 },
});

async function call(token: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
  return t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
}

/** A plan of the town activated at `at` (drill or not) at the grid's centre; answers the incident's id. */
async function start(townId: string, grid: string, at: Date, drill = false): Promise<string> {
  t.clock.set(at);
  const p = await call(admin, 'POST', '/api/plans', { townId, body: plan(`复盘测试预案${Math.random().toString(36).slice(2, 8)}`) });
  expect(p.statusCode, p.body).toBe(201);
  const r = await call(admin, 'POST', `/api/plans/${p.json().id}/activate`, { level: 'IV', reason: '堡坎出现 3 厘米裂缝', drill, location: await gridCentre(t.db, grid) });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}

let incidentId: string;

beforeAll(async () => {
  t = await createTestApp();
  [admin, leader, handler] = await Promise.all([t.login('admin'), t.login('leader'), t.login('handler')]);
  const towns = (await t.db.query<{ id: string; name: string }>(`select id, name from org_units where level = 'town'`)).rows;
  urbanTown = towns.find((x) => x.name === '春晖路街道')!.id;
  ruralTown = towns.find((x) => x.name === '青杠镇')!.id;

  incidentId = await start(urbanTown, DEMO_GRID, T0);
  // the commander ticks the cordon through at +20 (on time)
  for (const item of [0, 1]) {
    t.clock.set(new Date(T0.getTime() + (18 + item * 2) * MIN));
    expect((await call(leader, 'POST', `/api/incidents/${incidentId}/steps/cordon/checks`, { item, checked: true })).statusCode).toBe(200);
  }
  // raised to Ⅲ级 at +40: the reinforcement step is added, due at +160
  t.clock.set(new Date(T0.getTime() + 40 * MIN));
  expect((await call(leader, 'POST', `/api/incidents/${incidentId}/level`, { level: 'III', reason: '裂缝扩大到 5 厘米' })).statusCode).toBe(200);
  // the handler (城市更新岗's A holder) hands the inspection's work order in through the case loop at +75: 15 minutes late
  const detail = (await call(leader, 'GET', `/api/incidents/${incidentId}`)).json<{ steps: { key: string; workOrder: { id: string } }[] }>();
  const caseId = detail.steps.find((s) => s.key === 'inspect')!.workOrder.id;
  t.clock.set(new Date(T0.getTime() + 75 * MIN));
  const version = (await call(handler, 'GET', `/api/cases/${caseId}`)).json().version as number;
  const done = await call(handler, 'POST', `/api/cases/${caseId}/actions/report_done`, { version, note: '已测量裂缝宽度 5 厘米并拍照' });
  expect(done.statusCode, done.body).toBe(200);
  // stood down at +180 with the appraisal and the reinforcement open
  t.clock.set(new Date(T0.getTime() + 180 * MIN));
  expect((await call(leader, 'GET', `/api/incidents/${incidentId}/review`)).statusCode).toBe(409);
  expect((await call(leader, 'POST', `/api/incidents/${incidentId}/stand-down`, { reason: '鉴定前已撤离住户，转日常跟踪' })).statusCode).toBe(200);
}, 300_000);
afterAll(async () => t?.close());

describe('the after-action review', () => {
  it('sets each step against its time: ticked on time, handled late in the loop, left at stand-down', async () => {
    const res = await call(leader, 'GET', `/api/incidents/${incidentId}/review`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.steps.map((s: Record<string, unknown>) => [s.key, s.state, s.plannedMinutes, s.minutesToDone, s.lateByMinutes])).toEqual([
      ['cordon', 'done', 30, 20, 0],
      ['inspect', 'done', 60, 75, 15],
      ['appraise', 'left', 240, null, null],
      ['reinforce', 'left', 120, null, null],
    ]);
    expect(r.steps[1].completedAt).toBe(new Date(T0.getTime() + 75 * MIN).toISOString());
    // the reinforcement was added by the level change: its time counts from then
    expect(r.steps[3].createdAt).toBe(new Date(T0.getTime() + 40 * MIN).toISOString());
    expect(r.steps[3].late).toBe(true);
    expect(r.totals).toEqual({
      steps: 4, doneOnTime: 1, doneLate: 1, left: 2, longestDelayMinutes: 20, longestDelayStep: 'reinforce', minutesToFirstStepDone: 20, durationMinutes: 180,
    });
    expect(r.levels).toEqual([expect.objectContaining({ from: 'IV', to: 'III', reason: '裂缝扩大到 5 厘米' })]);
    expect(r.capAlerts.map((a: { msgType: string; status: string }) => [a.msgType, a.status])).toEqual([['Alert', 'Actual'], ['Update', 'Actual'], ['Cancel', 'Actual']]);
    expect(r.log.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['activated', 'step_checked', 'step_completed', 'level_changed', 'stood_down']));
    const stood = r.log.find((e: { action: string }) => e.action === 'stood_down');
    expect(stood.detail).toBe('未完成步骤：委托房屋安全鉴定、应急支顶加固');
    expect(r.standDownReason).toBe('鉴定前已撤离住户，转日常跟踪');
  });

  it('answers an A4 PDF and a workbook of steps and log, named in Chinese', async () => {
    const pdf = await call(leader, 'GET', `/api/incidents/${incidentId}/review?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(decodeURIComponent(String(pdf.headers['content-disposition']).split("UTF-8''")[1]!)).toMatch(/^YA\S+复盘报告\.pdf$/);
    const x = await call(leader, 'GET', `/api/incidents/${incidentId}/review?format=xlsx`);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['概况', '步骤', '处置记录']);
    const steps = wb.getWorksheet('步骤')!;
    expect(steps.rowCount).toBe(5);
    expect(steps.getRow(3).getCell(12).value).toBe(15);
    expect(steps.getRow(5).getCell(13).value).toBe('未完成');
  });

  it('is read inside the caller\'s scope only', async () => {
    const rural = await start(ruralTown, RURAL_GRID, new Date(T0.getTime() + 200 * MIN));
    t.clock.set(new Date(T0.getTime() + 230 * MIN));
    expect((await call(admin, 'POST', `/api/incidents/${rural}/stand-down`, { reason: '测试' })).statusCode).toBe(200);
    expect((await call(leader, 'GET', `/api/incidents/${rural}/review`)).statusCode).toBe(404);
    expect((await call(admin, 'GET', `/api/incidents/${rural}/review`)).statusCode).toBe(200);
  });
});

describe('the incidents\' figures', () => {
  it('counts real incidents and drills apart, inside the scope and the unit asked for', async () => {
    const drill = await start(urbanTown, DEMO_GRID, new Date(T0.getTime() + 300 * MIN), true);
    t.clock.set(new Date(T0.getTime() + 400 * MIN));
    const q = (token: string, query: string) => call(token, 'GET', `/api/incidents/figures?${query}`);
    const real = (await q(leader, 'drill=false')).json();
    expect(real).toMatchObject({ drill: false, count: 1, byHazard: [{ hazard: 'buildingCrack', count: 1 }], byLevel: [{ level: 'III', count: 1 }], medianMinutesToFirstStep: 20 });
    // cordon on time, inspect late, appraise and reinforce left: 1 of 4
    expect(real.onTimeRate).toBe(0.25);
    expect((await q(admin, 'drill=false')).json().count).toBe(2);
    expect((await q(admin, `drill=false&orgUnitId=${urbanTown}`)).json().count).toBe(1);
    const drills = (await q(leader, 'drill=true')).json();
    expect(drills).toMatchObject({ drill: true, count: 1, byLevel: [{ level: 'IV', count: 1 }] });
    expect(drill).toBeTruthy();
    // a window that ends before the drill leaves it out
    expect((await q(leader, `drill=true&to=${encodeURIComponent(new Date(T0.getTime() + 299 * MIN).toISOString())}`)).json().count).toBe(0);
    expect((await q(leader, `drill=false&orgUnitId=${ruralTown}`)).statusCode).toBe(404);
    expect((await q(leader, 'drill=maybe')).statusCode).toBe(400);
    expect((await q(leader, '')).statusCode).toBe(400);
    expect((await q(leader, `drill=false&from=${encodeURIComponent(T0.toISOString())}&to=${encodeURIComponent(T0.toISOString())}`)).statusCode).toBe(400);
  });
});
