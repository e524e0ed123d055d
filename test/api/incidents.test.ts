import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { seedId } from '../../src/server/platform/seed/demo-town.ts';
import { reportCase } from '../../src/server/cases/report-case.ts';
import { activatePlan } from '../../src/server/plans/activate-plan.ts';
import type { PlanBody } from '../../src/shared/plans.ts';

// Issue 14's incidents core on the test app: a plan started by hand or from a trigger opens its incident, roles, one
// dispatched work order per step and its CAP alert all together or not at all; level changes, checklists, stand-down.

let t: TestApp;
const tokens: Record<string, string> = {};
let here: { lng: number; lat: number };
let urbanTown: string;

const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...bearer(tokens[who]!), ...headers }, ...(payload ? { payload } : {}) });
const min = (n: number) => n * 60_000;

function floodPlan(over: Partial<PlanBody> = {}): PlanBody {
  return {
    name: '春晖路街道河道涨水应急预案', hazard: 'flood', matterCode: 'S0302', summary: '清水河水位超警戒时的处置',
    levels: ['IV', 'III'],
    triggers: [{ kind: 'case', categoryCode: 'S0302', level: 'IV', activate: 'suggest' }, { kind: 'manual' }],
    roles: [
      { key: 'commander', name: '现场指挥', postCode: 'PA-YJGL', backupAccountIds: [] },
      { key: 'renewal', name: '堡坎巡查', postCode: 'JJ-CSGX', backupAccountIds: [] },
    ],
    steps: [
      { key: 'patrol', title: '沿河巡查', roleKey: 'commander', dueOffsetMin: 30, fromLevel: 'IV', checklist: ['查看水位尺', '拍照上报'] },
      { key: 'warn', title: '广播预警', roleKey: 'commander', dueOffsetMin: 10, fromLevel: 'IV', checklist: ['开启广播'] },
      { key: 'evacuate', title: '组织低洼处群众转移', roleKey: 'renewal', dueOffsetMin: 60, fromLevel: 'III', checklist: ['逐户敲门'] },
    ],
    resources: [
      { key: 'team', kind: 'team', name: '街道应急分队', quantity: 20, unit: '人', location: null, address: '春晖路1号', contactName: '张队长', contactPhone: '13812345678' },
    ],
    notice: {
      event: '河道涨水', urgency: 'Immediate', severity: null, certainty: 'Likely', headline: '清水河水位上涨，请远离河道',
      description: '清水河水位已超过警戒水位。', instruction: '沿河居民请向高处转移。', areaDesc: '春晖路街道清水河沿岸', expiresAfterH: 12,
    },
    ...over,
  };
}

async function newPlan(body: PlanBody = floodPlan()): Promise<string> {
  const r = await call('POST', '/api/plans', 'leader', { body });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}

const activate = (planId: string, payload: object = {}, who = 'dispatcher', headers: Record<string, string> = {}) =>
  call('POST', `/api/plans/${planId}/activate`, who, { level: 'IV', reason: '清水河水位超警戒', location: here, ...payload }, headers);

/** rows of every table an activation writes: an activation refused half-way must leave all of them as they were */
async function footprint(): Promise<Record<string, number>> {
  const tables = ['incidents', 'incident_roles', 'incident_steps', 'incident_events', 'incident_counters', 'cases', 'case_events',
    'case_number_counters', 'audit_log', 'webhook_deliveries', 'plan_trigger_matches'];
  const out: Record<string, number> = {};
  for (const x of tables) out[x] = (await t.db.query<{ n: number }>(`select count(*)::int as n from ${x}`)).rows[0]!.n;
  out.counterSeqs = (await t.db.query<{ n: number }>(`select coalesce(sum(seq), 0)::int as n from case_number_counters`)).rows[0]!.n;
  out.incidentSeqs = (await t.db.query<{ n: number }>(`select coalesce(sum(seq), 0)::int as n from incident_counters`)).rows[0]!.n;
  return out;
}

/** a stored plan's current body changed behind the API (as a catalog or roster change would leave it) */
async function editStoredBody(planId: string, edit: (b: PlanBody) => PlanBody): Promise<void> {
  const row = (await t.db.query<{ body: PlanBody }>(
    `select v.body from plan_versions v join plans p on p.id = v.plan_id and v.version = p.current_version where p.id = $1`, [planId])).rows[0]!;
  await t.db.query(`update plan_versions v set body = $2 from plans p where p.id = v.plan_id and v.version = p.current_version and p.id = $1`,
    [planId, JSON.stringify(edit(row.body))]);
}

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker']) tokens[u] = await t.login(u);
  here = await gridCentre(t.db, DEMO_GRID);
  urbanTown = (await t.db.query<{ id: string }>(`select id from org_units where level = 'town' and name = '春晖路街道'`)).rows[0]!.id;
});
afterAll(async () => { await t.close(); });

describe('starting a plan', () => {
  it('opens the incident, its roles, one dispatched work order per step of the level, the log and a CAP alert, audited', async () => {
    const planId = await newPlan();
    const r = await activate(planId);
    expect(r.statusCode, r.body).toBe(201);
    const i = r.json();
    const at = t.clock.now.getTime();
    expect(i).toMatchObject({
      title: '春晖路街道河道涨水应急预案', level: 'IV', drill: false, status: 'active', triggerKind: 'manual', townId: urbanTown,
      activatedByName: '刘晓燕', policies: ['level', 'standDown'], levels: ['IV', 'III'],
      steps: expect.arrayContaining([expect.objectContaining({ key: 'patrol', state: 'open', roleName: '现场指挥' })]),
    });
    expect(i.number).toMatch(/^YA\d{9}\d{8}-01$/);
    expect(i.steps.map((s: { key: string }) => s.key)).toEqual(['patrol', 'warn']); // evacuate starts at III
    const patrol = i.steps[0];
    expect(new Date(patrol.dueAt).getTime()).toBe(at + min(30));
    expect(patrol.workOrder).toMatchObject({ status: 'dispatched', assigneeName: '应急管理岗', light: 'green' });
    expect(new Date(patrol.workOrder.deadline).getTime()).toBe(at + min(30));
    expect(i.roles).toEqual([expect.objectContaining({ key: 'commander', postName: '应急管理岗', holders: expect.arrayContaining([expect.objectContaining({ name: expect.any(String) })]) })]);
    expect(i.resources[0].contactPhone).toBe('13812345678'); // whole to a commander, audited below

    const c = (await t.db.query<{ status: string; source: string; category_code: string; description: string; assignee: { postId: string }; grid_id: string }>(
      'select * from cases where id = $1', [patrol.workOrder.id])).rows[0]!;
    expect(c).toMatchObject({ status: 'dispatched', source: 'plan', category_code: 'S0302', description: '春晖路街道河道涨水应急预案 · 沿河巡查' });
    expect(c.assignee.postId).toBe(i.roles[0].postId);
    const timeline = (await t.db.query<{ action: string; actor_name: string; data: Record<string, unknown> }>(
      'select action, actor_name, data from case_events where case_id = $1 order by id', [patrol.workOrder.id])).rows;
    expect(timeline.map((e) => e.action)).toEqual(['report', 'dispatch']);
    expect(timeline[1]).toMatchObject({ actor_name: '刘晓燕', data: { incidentId: i.id, stepKey: 'patrol' } });

    expect(i.log.map((e: { action: string }) => e.action)).toEqual(['activated', 'notified']);
    expect(i.capAlerts).toHaveLength(1);
    expect(i.capAlerts[0]).toMatchObject({ status: 'Actual', msgType: 'Alert' });
    expect(i.levelHistory).toEqual([expect.objectContaining({ from: null, to: 'IV', reason: '清水河水位超警戒', byName: '刘晓燕' })]);
    const audit = (await t.db.query<{ action: string }>('select action from audit_log where target_id = $1 order by id', [i.id])).rows.map((x) => x.action);
    expect(audit[0]).toBe('incident.activate');
    expect(audit).toContain('incident.read_contacts');

    // a reader who does not command sees the phone masked
    const read = await call('GET', `/api/incidents/${i.id}`, 'handler');
    expect(read.statusCode).toBe(200);
    expect(read.json().resources[0].contactPhone).toBe('138****5678');
    expect(read.json().policies).toEqual([]);
  });

  it('answers the first incident for a repeated Idempotency-Key', async () => {
    const planId = await newPlan();
    const first = await activate(planId, {}, 'dispatcher', { 'idempotency-key': 'k-1' });
    const again = await activate(planId, {}, 'dispatcher', { 'idempotency-key': 'k-1' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
  });

  it('refuses a level the plan lacks (422) and a retired plan (409), writing nothing', async () => {
    const planId = await newPlan();
    const before = await footprint();
    const lacking = await activate(planId, { level: 'I' });
    expect(lacking.statusCode).toBe(422);
    expect(lacking.json().error.code).toBe('PLAN_LEVEL_INVALID');
    expect((await call('POST', `/api/plans/${planId}/retire`, 'leader', { reason: '已合并' })).statusCode).toBe(200);
    const retired = await activate(planId);
    expect(retired.statusCode).toBe(409);
    expect(retired.json().error.code).toBe('PLAN_RETIRED');
    const after = await footprint();
    expect({ ...after, audit_log: 0 }).toEqual({ ...before, audit_log: 0 });
  });

  it('writes nothing when the last role of the list has nobody (the incident, number and first work orders rolled back)', async () => {
    const planId = await newPlan(floodPlan({ levels: ['IV'], steps: floodPlan().steps.map((s) => ({ ...s, fromLevel: 'IV' as const })) }));
    // the last role's post gone from the town and no back-up: found only after the incident row is written
    await editStoredBody(planId, (b) => ({ ...b, roles: b.roles.map((r) => (r.key === 'renewal' ? { ...r, postCode: 'XX-NONE' } : r)) }));
    const before = await footprint();
    const r = await activate(planId);
    expect(r.statusCode).toBe(422);
    expect(r.json().error).toMatchObject({ code: 'PLAN_ROLE_UNSTAFFED' });
    expect(r.json().error.messageZh).toContain('堡坎巡查');
    expect(await footprint()).toEqual(before);
  });

  it('writes nothing when the CAP alert, drafted after every work order, does not pass (422 CAP_INVALID)', async () => {
    const planId = await newPlan();
    await editStoredBody(planId, (b) => ({ ...b, notice: { ...b.notice, expiresAfterH: 0 } })); // expires = sent: not after effective…
    await editStoredBody(planId, (b) => ({ ...b, notice: { ...b.notice, expiresAfterH: -1 } })); // …expires before sent
    const before = await footprint();
    const r = await activate(planId);
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('CAP_INVALID');
    expect(await footprint()).toEqual(before);
  });

  it('gives one incident for two activations of the same plan and trigger at the same time', async () => {
    const planId = await newPlan();
    const reported = await reportCase(t.app.db, t.app, {
      categoryCode: 'S0302', description: '清水河水位快到堤顶了', location: here, source: 'hotline',
      reporter: { kind: 'caller', accountId: null, name: null, phone: null }, actorName: '刘晓燕', idempotencyKey: null,
    }, t.clock.now);
    const trigger = { kind: 'case', id: reported.caseId };
    const [a, b] = await Promise.all([
      activate(planId, { trigger, location: undefined }, 'dispatcher'),
      activate(planId, { trigger, location: undefined }, 'leader'),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().id).toBe(b.json().id);
    const n = (await t.db.query<{ n: number }>(`select count(*)::int as n from incidents where plan_id = $1`, [planId])).rows[0]!.n;
    expect(n).toBe(1);
    // the trigger's case gave the place, and the match is marked
    expect(a.json()).toMatchObject({ triggerKind: 'case', triggerRef: reported.caseId, location: here });
    const match = (await t.db.query<{ status: string; incident_id: string }>(
      `select status, incident_id from plan_trigger_matches where plan_id = $1`, [planId])).rows;
    expect(match).toEqual([{ status: 'activated', incident_id: a.json().id }]);
    // the function H4's auto mode calls answers the same incident for the system too
    const again = await activatePlan(t.db, t.app, { planId, level: 'IV', reason: '自动', trigger: { kind: 'case', id: reported.caseId }, actor: null }, t.clock.now);
    expect(again).toEqual({ incidentId: a.json().id, created: false });
  });

  it('a plan of 80 steps opens 80 work orders in one activation, and a failure at the last still writes none', async () => {
    const steps = Array.from({ length: 80 }, (_, n) => ({
      key: `s${n}`, title: `步骤${n + 1}`, roleKey: n % 2 ? 'renewal' : 'commander', dueOffsetMin: n * 5, fromLevel: 'IV' as const, checklist: ['完成'],
    }));
    const planId = await newPlan(floodPlan({ levels: ['IV'], steps }));
    const started = performance.now();
    const r = await activate(planId);
    const ms = performance.now() - started;
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().steps).toHaveLength(80);
    const numbers = r.json().steps.map((x: { workOrder: { number: string } }) => Number(x.workOrder.number.split('-')[2]));
    expect(numbers).toEqual(numbers.map((_: number, n: number) => numbers[0] + n)); // one block of the day's numbers, in step order
    console.log(`activation of 80 steps (${t.db.kind}): ${Math.round(ms)} ms`);

    const failing = await newPlan(floodPlan({ levels: ['IV'], steps }));
    await editStoredBody(failing, (b) => ({ ...b, notice: { ...b.notice, expiresAfterH: -1 } }));
    const before = await footprint();
    expect((await activate(failing)).statusCode).toBe(422);
    expect(await footprint()).toEqual(before);
  });

  it('the system starts a plan by itself (auto trigger), named 系统自动启动', async () => {
    const planId = await newPlan();
    const r = await activatePlan(t.db, t.app, { planId, level: 'IV', reason: '水位达到红色告警', location: here, actor: null }, t.clock.now);
    expect(r.created).toBe(true);
    const i = await call('GET', `/api/incidents/${r.incidentId}`, 'leader');
    expect(i.json().activatedByName).toBe('系统自动启动');
  });

  it('a drill is the same activation, titled 【演练】, CAP status Exercise, kept apart in lists', async () => {
    const planId = await newPlan();
    const r = await activate(planId, { drill: true });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ drill: true, title: '【演练】春晖路街道河道涨水应急预案' });
    expect(r.json().capAlerts[0].status).toBe('Exercise');
    const c = (await t.db.query<{ description: string }>('select description from cases where id = $1', [r.json().steps[0].workOrder.id])).rows[0]!;
    expect(c.description.startsWith('【演练】')).toBe(true);
    const real = (await call('GET', '/api/incidents?drill=false', 'leader')).json();
    expect(real.items.every((x: { drill: boolean }) => !x.drill)).toBe(true);
    const drills = (await call('GET', '/api/incidents?drill=true', 'leader')).json();
    expect(drills.items.map((x: { id: string }) => x.id)).toContain(r.json().id);
  });
});

describe('running an incident', () => {
  let planId: string;
  let id: string;

  beforeAll(async () => {
    planId = await newPlan();
    id = (await activate(planId)).json().id;
  });

  it('raising the level opens the steps it reaches, due from the change, with an Update alert; lowering adds nothing', async () => {
    t.clock.advance(min(20));
    const same = await call('POST', `/api/incidents/${id}/level`, 'dispatcher', { level: 'IV', reason: '不变' });
    expect(same.statusCode).toBe(422);
    expect(same.json().error.code).toBe('PLAN_LEVEL_INVALID');
    expect((await call('POST', `/api/incidents/${id}/level`, 'dispatcher', { level: 'II', reason: '无此级' })).json().error.code).toBe('PLAN_LEVEL_INVALID');

    const r = await call('POST', `/api/incidents/${id}/level`, 'dispatcher', { level: 'III', reason: '水位继续上涨' });
    expect(r.statusCode, r.body).toBe(200);
    const i = r.json();
    expect(i.level).toBe('III');
    const evacuate = i.steps.find((s: { key: string }) => s.key === 'evacuate');
    expect(new Date(evacuate.dueAt).getTime()).toBe(t.clock.now.getTime() + min(60));
    expect(evacuate.workOrder).toMatchObject({ status: 'dispatched', assigneeName: '城市更新岗' });
    expect(i.roles.map((x: { key: string }) => x.key).sort()).toEqual(['commander', 'renewal']);
    expect(i.levelHistory.map((x: { to: string }) => x.to)).toEqual(['IV', 'III']);
    expect(i.log.map((e: { action: string }) => e.action)).toEqual(['activated', 'notified', 'level_changed', 'steps_added', 'notified']);
    expect(i.capAlerts.map((a: { msgType: string }) => a.msgType)).toEqual(['Alert', 'Update']);
    expect(i.capAlerts[1].references).toHaveLength(1);

    const down = await call('POST', `/api/incidents/${id}/level`, 'dispatcher', { level: 'IV', reason: '水位回落' });
    expect(down.statusCode).toBe(200);
    expect(down.json().steps).toHaveLength(3);
  });

  it('the work order\'s holder ticks the checklist through: the step is done and its work order handed in', async () => {
    const stranger = await call('POST', `/api/incidents/${id}/steps/evacuate/checks`, 'gridworker', { item: 0, checked: true });
    expect(stranger.statusCode).toBe(404);
    const r = await call('POST', `/api/incidents/${id}/steps/evacuate/checks`, 'handler', { item: 0, checked: true }, { 'idempotency-key': 'tick-1' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ completed: true, step: { state: 'done', workOrder: { status: 'handled' }, policies: [] } });
    const again = await call('POST', `/api/incidents/${id}/steps/evacuate/checks`, 'handler', { item: 0, checked: true }, { 'idempotency-key': 'tick-1' });
    expect(again.statusCode).toBe(200);
    const done = (await t.db.query<{ action: string; actor_name: string }>(
      `select e.action, e.actor_name from case_events e join incident_steps s on s.case_id = e.case_id where s.incident_id = $1 and s.step_key = 'evacuate' order by e.id`, [id])).rows;
    expect(done.map((e) => e.action)).toEqual(['report', 'dispatch', 'report_done']);
    expect(done[2]!.actor_name).toBe('王建国');
  });

  it('a commander ticks a step: one item leaves it open, the last completes it; a finished step no longer changes', async () => {
    const one = await call('POST', `/api/incidents/${id}/steps/patrol/checks`, 'dispatcher', { item: 0, checked: true });
    expect(one.json()).toMatchObject({ completed: false, step: { state: 'open', policies: ['check'] } });
    expect(one.json().step.checklist[0].checkedByName).toBe('刘晓燕');
    const out = await call('POST', `/api/incidents/${id}/steps/patrol/checks`, 'dispatcher', { item: 5, checked: true });
    expect(out.statusCode).toBe(400);
    const last = await call('POST', `/api/incidents/${id}/steps/patrol/checks`, 'dispatcher', { item: 1, checked: true });
    expect(last.json()).toMatchObject({ completed: true, step: { state: 'done' } });
    const later = await call('POST', `/api/incidents/${id}/steps/patrol/checks`, 'dispatcher', { item: 1, checked: false });
    expect(later.statusCode).toBe(409);
  });

  it('standing down needs a reason, leaves the open steps listed and sends Cancel; then nothing changes (409)', async () => {
    expect((await call('POST', `/api/incidents/${id}/stand-down`, 'dispatcher', { reason: '' })).statusCode).toBe(400);
    expect((await call('POST', `/api/incidents/${id}/stand-down`, 'handler', { reason: '结束' })).statusCode).toBe(403);
    const r = await call('POST', `/api/incidents/${id}/stand-down`, 'dispatcher', { reason: '水位已回落到警戒线以下' });
    expect(r.statusCode, r.body).toBe(200);
    const i = r.json();
    expect(i).toMatchObject({ status: 'closed', standDownReason: '水位已回落到警戒线以下', stoodDownByName: '刘晓燕', policies: [] });
    expect(i.steps.map((s: { key: string; state: string }) => [s.key, s.state])).toEqual([['patrol', 'done'], ['warn', 'left'], ['evacuate', 'done']]);
    const event = i.log.find((e: { action: string }) => e.action === 'stood_down');
    expect(event.data.left).toEqual([expect.objectContaining({ stepKey: 'warn', title: '广播预警' })]);
    expect(i.capAlerts.at(-1).msgType).toBe('Cancel');
    // the left step's work order stays in the loop
    expect(i.steps[1].workOrder.status).toBe('dispatched');
    expect((await call('POST', `/api/incidents/${id}/level`, 'dispatcher', { level: 'III', reason: '再涨' })).statusCode).toBe(409);
    expect((await call('POST', `/api/incidents/${id}/stand-down`, 'dispatcher', { reason: '再次' })).statusCode).toBe(409);
    expect((await call('POST', `/api/incidents/${id}/steps/warn/checks`, 'dispatcher', { item: 0, checked: true })).statusCode).toBe(409);
    const list = (await call('GET', '/api/incidents?status=closed', 'community')).json();
    expect(list.items.find((x: { id: string }) => x.id === id)).toMatchObject({ steps: { total: 3, done: 2, left: 1 } });
  });
});

void seedId;
