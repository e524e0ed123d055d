import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, RURAL_GRID, gridCentre } from '../support/places.ts';
import type { EnforcementStats } from '../../src/server/enforcement/inspection-schemas.ts';

// Enforcement figures of a unit and period, with every expected number worked out by hand from the cases made here:
//   A 占道经营 (赋权)  heavy band, fine 150 below it (a departure, with reason), returned once by legal review, decided at 12 min
//   B 个人占用消防车通道 (委托) light band, a warning, decided 20 min after opening
//   C 乡村违法建设 (法定) still investigating;  D 无照经营 (委托) dropped
//   an older case (October) outside the period; a case of 青杠镇 outside 春晖路街道
//   joint inspections: one done with three departments (2 visits saved), one planned with two, one planned in October

let t: TestApp;
let enforcer: string;
let leader: string;
let dispatcher: string;
let admin: string;
let ruralHandler: string;
let here: { lng: number; lat: number };
let rural: { lng: number; lat: number };
const MIN = 60_000;
let n = 0;

const as = (token: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  t.app.inject({ method, url, payload: payload as object, headers: { ...bearer(token), 'idempotency-key': `k${++n}` } });
const person = (name: string) => ({ kind: 'person', name, phone: '13900001111' });

async function open(token: string, matterCode: string, facts: Record<string, unknown>, at: { lng: number; lat: number }) {
  const r = await as(token, 'POST', '/api/enforcement/cases', { matterCode, facts, description: `${matterCode} 巡查发现`, location: at, subject: person('张三') });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}
async function act(token: string, id: string, action: string, body: unknown, minutesLater = 0) {
  t.clock.advance(minutesLater * MIN);
  const r = await as(token, 'POST', `/api/enforcement/cases/${id}/actions/${action}`, body);
  expect(r.statusCode, r.body).toBe(200);
}
const stats = async (token: string, query = '') => {
  const r = await as(token, 'GET', `/api/enforcement/stats${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as EnforcementStats;
};

beforeAll(async () => {
  t = await createTestApp();
  [enforcer, leader, dispatcher, admin, ruralHandler] = await Promise.all([t.login('enforcer'), t.login('leader'), t.login('dispatcher'), t.login('admin'), t.login('town2-leader1')]);
  here = await gridCentre(t.db, DEMO_GRID);
  rural = await gridCentre(t.db, RURAL_GRID);

  // October: a case and an inspection outside the period asked for
  t.clock.set(new Date('2026-10-01T10:00:00+08:00'));
  await open(enforcer, 'ZF-SR-001', { areaSqm: 2, firstOffence: true, correctedAtOnce: false }, here);
  const checklists = (await as(enforcer, 'GET', '/api/enforcement/checklists')).json().items as { id: string; department: string }[];
  const ids = (...depts: string[]) => depts.map((d) => checklists.find((c) => c.department === d)!.id);
  expect((await as(enforcer, 'POST', '/api/enforcement/inspections', {
    subjectName: '十月检查的商铺', location: here, plannedOn: '2026-10-15', checklistIds: ids('区消防救援支队', '区城市管理局'),
  })).statusCode).toBe(201);

  t.clock.set(new Date('2026-11-23T09:00:00+08:00'));
  // A: 12 minutes, a departure, one return
  const a = await open(enforcer, 'ZF-SR-001', { areaSqm: 6, firstOffence: false, correctedAtOnce: false }, here);
  const departing = { benchmarkKey: 'heavy', penalty: { kind: 'fine', fineYuan: 150 }, departureReason: '当事人系低保户，经济困难' };
  await act(enforcer, a, 'confirm-band', departing, 3);
  await act(leader, a, 'review', { approved: false, opinion: '请补充当事人经济困难的证明' }, 2);
  await act(enforcer, a, 'confirm-band', departing, 2);
  await act(leader, a, 'review', { approved: true, opinion: '同意' }, 2);
  await act(enforcer, a, 'decide', {}, 3);
  // B: 20 minutes, a warning
  const b = await open(enforcer, 'ZF-XF-001', { firstOffence: true, correctedAtOnce: false, refusedOrder: false, blockage: 'partial' }, here);
  await act(enforcer, b, 'confirm-band', { benchmarkKey: 'light', penalty: { kind: 'warning' } }, 10);
  await act(leader, b, 'review', { approved: true, opinion: '同意' }, 6);
  await act(enforcer, b, 'decide', {}, 4);
  // C investigating, D dropped
  await open(enforcer, 'ZF-GH-001', { areaSqm: 50, underConstruction: true, correctedInTime: false }, here);
  const d = await open(enforcer, 'ZF-SC-001', { incomeYuan: 500, stoppedAtOnce: true, monthsOperating: 1 }, here);
  await act(enforcer, d, 'drop', { reason: '经核实当事人已办理营业执照' });
  // another town
  await open(ruralHandler, 'ZF-SR-001', { areaSqm: 2, firstOffence: true, correctedAtOnce: false }, rural);

  // inspections in the period: one done with three departments, one planned with two
  const done = await as(enforcer, 'POST', '/api/enforcement/inspections', {
    subjectName: '春晖路老火锅店', location: here, plannedOn: '2026-11-23', checklistIds: ids('区消防救援支队', '区市场监督管理局', '区应急管理局'),
  });
  const detail = done.json() as { id: string; checklists: { checklistId: string; items: unknown[] }[] };
  expect((await as(enforcer, 'POST', `/api/enforcement/inspections/${detail.id}/results`, {
    results: detail.checklists.map((c) => ({ checklistId: c.checklistId, items: c.items.map(() => ({ result: 'ok' })) })),
  })).statusCode).toBe(200);
  expect((await as(enforcer, 'POST', '/api/enforcement/inspections', {
    subjectName: '春晖路超市', location: here, plannedOn: '2026-11-25', checklistIds: ids('区市场监督管理局', '区生态环境局'),
  })).statusCode).toBe(201);
});
afterAll(() => t.close());

describe('enforcement figures', () => {
  it('counts the town\'s cases of the period by status, matter, source, penalty, departures, returns and minutes', async () => {
    const s = await stats(enforcer, '?from=2026-11-01&to=2026-11-30');
    expect(s).toMatchObject({ orgUnitName: '春晖路街道', from: '2026-11-01', to: '2026-11-30' });
    expect(s.cases.total).toBe(4);
    expect(Object.fromEntries(s.cases.byStatus.map((x) => [x.status, x.count]))).toEqual({
      investigating: 1, awaitingReview: 0, reviewed: 0, decided: 2, executed: 0, closed: 0, dropped: 1,
    });
    expect(s.cases.byMatter.map((m) => [m.matterCode, m.count]).sort()).toEqual([['ZF-GH-001', 1], ['ZF-SC-001', 1], ['ZF-SR-001', 1], ['ZF-XF-001', 1]]);
    expect(s.cases.byMatter.find((m) => m.matterCode === 'ZF-XF-001')!.matterName).toBe('个人占用、堵塞、封闭消防车通道');
    expect(s.bySource).toEqual([{ source: 'statutory', count: 1 }, { source: 'empowered', count: 1 }, { source: 'entrusted', count: 2 }]);
    expect(s.delegatedShare).toBe(0.75);
    expect(s.penalties).toEqual([
      { kind: 'none', count: 0, fineYuan: 0 }, { kind: 'warning', count: 1, fineYuan: 0 },
      { kind: 'fine', count: 1, fineYuan: 150 }, { kind: 'confiscation', count: 0, fineYuan: 0 },
    ]);
    expect(s.departures).toEqual({ count: 1, confirmed: 2, rate: 0.5 });
    expect(s.reviewReturns).toEqual({ returns: 1, cases: 1, reviewed: 2 });
    expect(s.handling).toEqual({ decided: 2, medianMinutes: 16, withinTarget: 1, withinTargetShare: 0.5, targetMinutes: 15 });
    expect(s.inspections).toEqual({ planned: 2, done: 1, visitsSaved: 2, departments: 3 });
  });

  it('reads the same for the leader and the dispatcher, the city for the admin, and the default period is the last 30 days', async () => {
    const town = await stats(leader, '?from=2026-11-01&to=2026-11-30');
    expect(town.cases.total).toBe(4);
    expect((await stats(dispatcher, '?from=2026-11-01&to=2026-11-30')).cases.total).toBe(4);
    const city = await stats(admin, '?from=2026-11-01&to=2026-11-30');
    expect(city.orgUnitName).toBe('重庆市');
    expect(city.cases.total).toBe(5);
    expect((await stats(ruralHandler, '?from=2026-11-01&to=2026-11-30')).cases.total).toBe(1);
    const october = await stats(enforcer, '?from=2026-10-01&to=2026-10-31');
    expect(october.cases.total).toBe(1);
    expect(october.inspections).toEqual({ planned: 1, done: 0, visitsSaved: 0, departments: 0 });
    const recent = await stats(enforcer);
    expect(recent.to).toBe('2026-11-23');
    expect(recent.from).toBe('2026-10-25');
    expect(recent.cases.total).toBe(4);
  });

  it('takes a unit inside the scope only, and a period that makes sense', async () => {
    const townId = (await t.db.query<{ id: string }>(`select id from org_units where name = '春晖路街道'`)).rows[0]!.id;
    const ruralTown = (await t.db.query<{ id: string }>(`select id from org_units where name = '青杠镇'`)).rows[0]!.id;
    expect((await stats(admin, `?orgUnitId=${townId}&from=2026-11-01&to=2026-11-30`)).cases.total).toBe(4);
    expect((await as(enforcer, 'GET', `/api/enforcement/stats?orgUnitId=${ruralTown}`)).statusCode).toBe(404);
    expect((await as(enforcer, 'GET', '/api/enforcement/stats?from=2026-11-30&to=2026-11-01')).statusCode).toBe(400);
    expect((await as(enforcer, 'GET', '/api/enforcement/stats?from=2026-02-31')).statusCode).toBe(400);
    expect((await as(await t.login('gridworker'), 'GET', '/api/enforcement/stats')).statusCode).toBe(403);
  });
});
