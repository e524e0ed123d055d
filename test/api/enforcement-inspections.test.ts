import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, RURAL_GRID, gridCentre } from '../support/places.ts';
import type { ChecklistListResponse, InspectionDetail, InspectionListResponse, RecordInspectionResponse } from '../../src/server/enforcement/inspection-schemas.ts';

// 执法监管一件事: a joint inspection plans one visit covering several departments' checklists; its results are recorded
// once, every item answered, with an enforcement case opened from it in the same transaction when something is wrong.

let t: TestApp;
let enforcer: string;
let leader: string;
let dispatcher: string;
let ruralHandler: string;
let here: { lng: number; lat: number };
let rural: { lng: number; lat: number };
let checklists: ChecklistListResponse['items'];

const as = (token: string, method: 'GET' | 'POST', url: string, payload?: unknown, key?: string) =>
  t.app.inject({ method, url, payload: payload as object, headers: { ...bearer(token), ...(key ? { 'idempotency-key': key } : {}) } });
const byDept = (dept: string) => checklists.find((c) => c.department === dept)!;
const answersFor = (d: InspectionDetail, result: (checklistIdx: number, itemIdx: number) => 'ok' | 'issue' | 'na' = () => 'ok') =>
  d.checklists.map((c, ci) => ({ checklistId: c.checklistId, items: c.items.map((_, ii) => ({ result: result(ci, ii), ...(result(ci, ii) === 'issue' ? { note: '现场发现问题' } : {}) })) }));

async function plan(body: Record<string, unknown>, key?: string) {
  return as(enforcer, 'POST', '/api/enforcement/inspections', body, key);
}

beforeAll(async () => {
  t = await createTestApp();
  [enforcer, leader, dispatcher, ruralHandler] = await Promise.all([t.login('enforcer'), t.login('leader'), t.login('dispatcher'), t.login('town2-leader1')]);
  here = await gridCentre(t.db, DEMO_GRID);
  rural = await gridCentre(t.db, RURAL_GRID);
  const r = await as(enforcer, 'GET', '/api/enforcement/checklists');
  expect(r.statusCode).toBe(200);
  checklists = (r.json() as ChecklistListResponse).items;
});
afterAll(() => t.close());

describe('joint inspections', () => {
  it('lists the departments\' checklists with their items', () => {
    expect(checklists.length).toBeGreaterThanOrEqual(4);
    const fire = byDept('区消防救援支队');
    expect(fire.title).toBe('消防安全检查');
    expect(fire.items.length).toBeGreaterThanOrEqual(5);
    expect(new Set(checklists.map((c) => c.department)).size).toBe(checklists.length);
  });

  it('refuses a plan of one department only, a point outside the grids and a date years away, writing nothing', async () => {
    const one = await plan({ subjectName: '春晖路老火锅店', location: here, plannedOn: '2026-11-25', checklistIds: [byDept('区消防救援支队').id] });
    expect(one.statusCode).toBe(422);
    expect(one.json().error.code).toBe('INSPECTION_INVALID');
    expect(one.json().error.messageZh).toContain('至少两个部门');
    const outside = await plan({ subjectName: '某店', location: { lng: 100, lat: 20 }, plannedOn: '2026-11-25', checklistIds: checklists.slice(0, 2).map((c) => c.id) });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.code).toBe('LOCATION_OUTSIDE_GRIDS');
    const far = await plan({ subjectName: '某店', location: here, plannedOn: '2029-01-01', checklistIds: checklists.slice(0, 2).map((c) => c.id) });
    expect(far.statusCode).toBe(422);
    const nameless = await plan({ location: here, plannedOn: '2026-11-25', checklistIds: checklists.slice(0, 2).map((c) => c.id) });
    expect(nameless.statusCode).toBe(422);
    const unknown = await plan({ subjectName: '某店', location: here, plannedOn: '2026-11-25', checklistIds: [checklists[0]!.id, 'nope'] });
    expect(unknown.statusCode).toBe(422);
    // another town's point is outside the enforcer's scope
    const elsewhere = await plan({ subjectName: '青杠镇某厂', location: rural, plannedOn: '2026-11-25', checklistIds: checklists.slice(0, 2).map((c) => c.id) });
    expect(elsewhere.statusCode).toBe(422);
    expect((await t.db.query('select count(*)::int as n from joint_inspections')).rows[0]).toEqual({ n: 0 });
  });

  it('plans, records the results with an enforcement case, and counts the visits saved', async () => {
    const ids = [byDept('区消防救援支队').id, byDept('区市场监督管理局').id, byDept('区应急管理局').id];
    const body = { subjectName: '春晖路老火锅店', address: '春晖路18号', location: here, plannedOn: '2026-11-24', checklistIds: ids };
    const first = await plan(body, 'plan-1');
    expect(first.statusCode).toBe(201);
    const d = first.json() as InspectionDetail;
    expect(d.number).toMatch(/^JC50019900120261123-01$/);
    expect(d).toMatchObject({ status: 'planned', subjectName: '春晖路老火锅店', townName: '春晖路街道', gridName: '春晖社区第1网格', visitsSaved: 0, issues: 0 });
    expect(d.departments).toEqual(['区消防救援支队', '区市场监督管理局', '区应急管理局']);
    expect(d.inspectors.map((i) => i.name)).toEqual(['邓志强']);
    expect(d.policies).toEqual(['record', 'openCase']);
    expect(d.checklists.every((c) => c.items.every((i) => i.result === null))).toBe(true);
    // a retry answers the first
    const again = await plan(body, 'plan-1');
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(d.id);

    // the leader reads it but may not record
    const read = await as(leader, 'GET', `/api/enforcement/inspections/${d.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().policies).toEqual([]);
    expect((await as(dispatcher, 'POST', `/api/enforcement/inspections/${d.id}/results`, { results: answersFor(d) })).statusCode).toBe(403);
    // another town's staff do not see it
    expect((await as(ruralHandler, 'GET', `/api/enforcement/inspections/${d.id}`)).statusCode).toBe(404);
    expect((await as(ruralHandler, 'GET', '/api/enforcement/inspections')).json().items).toEqual([]);
    expect((await as(ruralHandler, 'POST', `/api/enforcement/inspections/${d.id}/results`, { results: answersFor(d) })).statusCode).toBe(404);

    // an item left out: 422 naming the checklist, nothing written
    const partial = answersFor(d);
    partial[1]!.items.pop();
    const short = await as(enforcer, 'POST', `/api/enforcement/inspections/${d.id}/results`, { results: partial });
    expect(short.statusCode).toBe(422);
    expect(short.json().error.code).toBe('INSPECTION_INVALID');
    expect(short.json().error.messageZh).toContain('区市场监督管理局');
    const missingList = await as(enforcer, 'POST', `/api/enforcement/inspections/${d.id}/results`, { results: answersFor(d).slice(0, 2) });
    expect(missingList.statusCode).toBe(422);

    // the fire channel blocked: an enforcement case with a fact missing refuses the whole recording
    const issue = (ci: number, ii: number) => (ci === 0 && ii === 0 ? 'issue' as const : 'ok' as const);
    const openCase = {
      matterCode: 'ZF-XF-002', description: '店后消防车通道堆放杂物约20米，堵塞通道',
      facts: { correctedAtOnce: false, durationHours: 6, crowdedPlace: true, refusedOrder: false },
      subject: { kind: 'firm', name: '重庆春晖老火锅餐饮有限公司', creditCode: '91500000MA5U7ABC1X', address: '春晖路18号' },
    };
    const lacking = await as(enforcer, 'POST', `/api/enforcement/inspections/${d.id}/results`,
      { results: answersFor(d, issue), openCase: { ...openCase, facts: { correctedAtOnce: false, durationHours: 6, refusedOrder: false } } }, 'rec-0');
    expect(lacking.statusCode).toBe(422);
    expect(lacking.json().error.code).toBe('ENFORCEMENT_FACT_MISSING');
    expect(lacking.json().error.messageZh).toContain('人员密集场所');
    expect((await as(enforcer, 'GET', `/api/enforcement/inspections/${d.id}`)).json().status).toBe('planned');
    expect((await t.db.query('select count(*)::int as n from enforcement_cases')).rows[0]).toEqual({ n: 0 });

    t.clock.advance(3 * 3_600_000);
    const done = await as(enforcer, 'POST', `/api/enforcement/inspections/${d.id}/results`,
      { results: answersFor(d, issue), findings: '后门消防车通道堆放杂物，已责令清理', openCase }, 'rec-1');
    expect(done.statusCode).toBe(200);
    const r = done.json() as RecordInspectionResponse;
    expect(r.inspection).toMatchObject({ status: 'done', visitsSaved: 2, issues: 1, findings: '后门消防车通道堆放杂物，已责令清理', policies: ['openCase'] });
    expect(r.inspection.checklists[0]!.items[0]).toMatchObject({ result: 'issue', note: '现场发现问题' });
    expect(r.openedCase?.number).toMatch(/^ZF50019900120261123-01$/);
    expect(r.inspection.cases).toEqual([{ id: r.openedCase!.id, number: r.openedCase!.number, status: 'investigating', matterCode: 'ZF-XF-002', matterName: '单位占用、堵塞、封闭消防车通道' }]);
    const opened = await as(enforcer, 'GET', `/api/enforcement/cases/${r.openedCase!.id}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ inspectionId: d.id, inspectionNumber: d.number, proposed: { benchmarkKey: 'crowded' } });

    // a retry of the same recording answers it; another recording is a conflict
    const retry = await as(enforcer, 'POST', `/api/enforcement/inspections/${d.id}/results`, { results: answersFor(d), openCase }, 'rec-1');
    expect(retry.statusCode).toBe(200);
    expect(retry.json().openedCase).toEqual(r.openedCase);
    const twice = await as(enforcer, 'POST', `/api/enforcement/inspections/${d.id}/results`, { results: answersFor(d) }, 'rec-2');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('INSPECTION_STATE_CONFLICT');
    expect((await t.db.query('select count(*)::int as n from enforcement_cases')).rows[0]).toEqual({ n: 1 });

    const audit = await t.db.query<{ action: string }>(`select action from audit_log where target_id = $1 order by id`, [d.id]);
    expect(audit.rows.map((a) => a.action)).toEqual(['inspection.plan', 'inspection.record']);
  });

  it('plans at a registry place, lists newest first by page and filters by status', async () => {
    const place = (await t.db.query<{ id: string; name: string }>(
      `select p.id, p.name from registry_places p join org_units g on g.id = p.grid_id where g.code = $1 and p.retired_at is null limit 1`, [DEMO_GRID])).rows[0];
    const ids = [byDept('区消防救援支队').id, byDept('区城市管理局').id];
    if (place) {
      const atPlace = await plan({ placeId: place.id, plannedOn: '2026-11-26', checklistIds: ids });
      expect(atPlace.statusCode).toBe(201);
      expect(atPlace.json()).toMatchObject({ placeId: place.id, subjectName: place.name, gridName: '春晖社区第1网格' });
    }
    for (const day of ['2026-11-27', '2026-11-28']) {
      expect((await plan({ subjectName: `春晖路商铺${day}`, location: here, plannedOn: day, checklistIds: ids })).statusCode).toBe(201);
    }
    const page1 = (await as(leader, 'GET', '/api/enforcement/inspections?limit=2')).json() as InspectionListResponse;
    expect(page1.items.map((i) => i.plannedOn)).toEqual(['2026-11-28', '2026-11-27']);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = (await as(leader, 'GET', `/api/enforcement/inspections?limit=2&cursor=${page1.nextCursor}`)).json() as InspectionListResponse;
    expect(page2.items.length).toBeGreaterThanOrEqual(1);
    expect(page2.items.every((i) => i.plannedOn <= '2026-11-26')).toBe(true);
    const done = (await as(leader, 'GET', '/api/enforcement/inspections?status=done')).json() as InspectionListResponse;
    expect(done.items.map((i) => i.subjectName)).toEqual(['春晖路老火锅店']);
    expect((await as(leader, 'GET', '/api/enforcement/inspections?cursor=bad')).statusCode).toBe(400);
  });

  it('records an inspection once when two recordings arrive at once', async () => {
    const ids = [byDept('区消防救援支队').id, byDept('区生态环境局').id];
    const d = (await plan({ subjectName: '春晖路洗车店', location: here, plannedOn: '2026-11-29', checklistIds: ids })).json() as InspectionDetail;
    const url = `/api/enforcement/inspections/${d.id}/results`;
    const [a, b] = await Promise.all([as(enforcer, 'POST', url, { results: answersFor(d) }, 'race-1'), as(enforcer, 'POST', url, { results: answersFor(d) }, 'race-2')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const d2 = (await plan({ subjectName: '春晖路修车店', location: here, plannedOn: '2026-11-29', checklistIds: ids })).json() as InspectionDetail;
    const url2 = `/api/enforcement/inspections/${d2.id}/results`;
    const same = await Promise.all([as(enforcer, 'POST', url2, { results: answersFor(d2) }, 'same'), as(enforcer, 'POST', url2, { results: answersFor(d2) }, 'same')]);
    expect(same.map((r) => r.statusCode)).toEqual([200, 200]);
    const audit = await t.db.query(`select count(*)::int as n from audit_log where target_id = $1 and action = 'inspection.record'`, [d2.id]);
    expect(audit.rows[0]).toEqual({ n: 1 });
  });
});
