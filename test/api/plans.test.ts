import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { seedId } from '../../src/server/platform/seed/demo-town.ts';
import { findPlanForActivation, listActivePlansOfTown } from '../../src/server/plans/plan-store.ts';
import { openContacts, sealContacts } from '../../src/server/plans/resource-contacts.ts';
import { PLAN_LIMITS, type PlanBody } from '../../src/shared/plans.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
let urbanTown: string;
let ruralTown: string;
let cityPath: string;

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker']) tokens[u] = await t.login(u);
  const towns = (await t.db.query<{ id: string; name: string }>(`select id, name from org_units where level = 'town' order by name`)).rows;
  urbanTown = towns.find((x) => x.name === '春晖路街道')!.id;
  ruralTown = towns.find((x) => x.name !== '春晖路街道')!.id;
  cityPath = (await t.db.query<{ path: string }>(`select path from org_units where level = 'city'`)).rows[0]!.path;
});
afterAll(async () => { await t.close(); });

const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...bearer(tokens[who]!), ...headers }, ...(payload ? { payload } : {}) });

/** A flood plan of 春晖路街道 as an editor writes it. */
function floodPlan(over: Partial<PlanBody> = {}): PlanBody {
  return {
    name: '春晖路街道河道涨水应急预案', hazard: 'flood', matterCode: 'S0302', summary: '清水河水位超警戒时的处置',
    levels: ['IV', 'III'],
    triggers: [
      { kind: 'alarm', alarmType: 'waterLevelHigh', minLevel: 'orange', level: 'IV', activate: 'suggest' },
      { kind: 'alarm', alarmType: 'waterLevelCritical', minLevel: 'red', level: 'III', activate: 'auto' },
      { kind: 'manual' },
    ],
    roles: [
      { key: 'commander', name: '现场指挥', postCode: 'PA-YJGL', backupAccountIds: [] },
      { key: 'renewal', name: '堡坎巡查', postCode: 'JJ-CSGX', backupAccountIds: [seedId('account', 'handler')] },
    ],
    steps: [
      { key: 'patrol', title: '沿河巡查', roleKey: 'commander', dueOffsetMin: 30, fromLevel: 'IV', checklist: ['查看水位尺', '拍照上报'] },
      { key: 'evacuate', title: '组织低洼处群众转移', roleKey: 'renewal', dueOffsetMin: 60, fromLevel: 'III', checklist: ['逐户敲门'] },
    ],
    resources: [
      { key: 'team', kind: 'team', name: '街道应急分队', quantity: 20, unit: '人', location: { lng: 106.55, lat: 29.56 }, address: '春晖路1号', contactName: '张队长', contactPhone: '13812345678' },
      { key: 'sandbags', kind: 'supply', name: '沙袋', quantity: 500, unit: '袋', location: null, address: null, contactName: null, contactPhone: null },
    ],
    notice: {
      event: '河道涨水', urgency: 'Immediate', severity: null, certainty: 'Likely', headline: '清水河水位上涨，请远离河道',
      description: '清水河水位已超过警戒水位。', instruction: '沿河居民请向高处转移。', areaDesc: '春晖路街道清水河沿岸', expiresAfterH: 12,
    },
    ...over,
  };
}

const create = async (body: PlanBody = floodPlan(), who = 'leader', extra: object = {}, headers: Record<string, string> = {}) =>
  call('POST', '/api/plans', who, { body, ...extra }, headers);

describe('writing a plan', () => {
  it('saves version 1 of a plan of the editor\'s town, phones sealed at rest and whole to the editor (audited)', async () => {
    const r = await create();
    expect(r.statusCode).toBe(201);
    const p = r.json();
    expect(p).toMatchObject({
      townId: urbanTown, townName: '春晖路街道', name: '春晖路街道河道涨水应急预案', hazard: 'flood', status: 'active', currentVersion: 1,
      levels: ['IV', 'III'], triggerKinds: ['alarm', 'manual'], stepCount: 2, roleCount: 2, matterCode: 'S0302', matterName: '河道涨水',
      contactsWhole: true, policies: ['edit', 'retire', 'activate', 'drill'],
    });
    expect(p.body.resources[0].contactPhone).toBe('13812345678');
    expect(p.names.posts).toEqual({ 'PA-YJGL': '应急管理岗', 'JJ-CSGX': '城市更新岗' });
    expect(p.names.accounts).toEqual({ [seedId('account', 'handler')]: '王建国' });
    expect(p.versions).toEqual([expect.objectContaining({ version: 1, current: true, savedByName: '陈志明' })]);

    const stored = (await t.db.query<{ body: PlanBody }>('select body from plan_versions where plan_id = $1', [p.id])).rows[0]!.body;
    expect(stored.resources[0]!.contactPhone).toMatch(/^v1\./);
    expect(JSON.stringify(stored)).not.toContain('13812345678');

    const audit = (await t.db.query<{ action: string }>(`select action from audit_log where target_id = $1 order by id`, [p.id])).rows.map((x) => x.action);
    expect(audit).toEqual(['plan.create', 'plan.read_contacts']);
  });

  it('shows readers the phones masked and writes no audit row for it', async () => {
    const { id } = (await create()).json();
    const before = Number((await t.db.query<{ n: string }>(`select count(*) n from audit_log where target_id = $1`, [id])).rows[0]!.n);
    const r = await call('GET', `/api/plans/${id}`, 'handler');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ contactsWhole: false, policies: [] });
    expect(r.json().body.resources[0].contactPhone).toBe('138****5678');
    const after = Number((await t.db.query<{ n: string }>(`select count(*) n from audit_log where target_id = $1`, [id])).rows[0]!.n);
    expect(after).toBe(before);
    // a dispatcher is a commander: whole, audited; may start it, not edit it
    const d = (await call('GET', `/api/plans/${id}`, 'dispatcher')).json();
    expect(d).toMatchObject({ contactsWhole: true, policies: ['activate', 'drill'] });
  });

  it('refuses a negative due offset by the schema (400) and writes nothing', async () => {
    const plan = floodPlan();
    plan.steps[0]!.dueOffsetMin = -5;
    const before = (await t.db.query<{ n: string }>('select count(*) n from plans')).rows[0]!.n;
    const r = await create(plan);
    expect(r.statusCode).toBe(400);
    expect((await t.db.query<{ n: string }>('select count(*) n from plans')).rows[0]!.n).toBe(before);
  });

  it('refuses a plan the rules or the town refuse (422 PLAN_INVALID with every reason) and writes nothing', async () => {
    const before = (await t.db.query<{ n: string }>('select count(*) n from plans')).rows[0]!.n;
    const plan = floodPlan({
      matterCode: 'X9999',
      roles: [
        { key: 'commander', name: '现场指挥', postCode: 'NO-SUCH', backupAccountIds: [seedId('account', 'resident')] },
      ],
    });
    const r = await create(plan);
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('PLAN_INVALID');
    const reasons: string[] = r.json().error.details.reasons;
    expect(reasons).toEqual(expect.arrayContaining([
      '步骤“组织低洼处群众转移”的执行角色“renewal”不存在',
      '事项“X9999”不是春晖路街道的现行事项',
      '角色“现场指挥”的岗位“NO-SUCH”不是春晖路街道的岗位',
      `角色“现场指挥”的后备人员（${seedId('account', 'resident')}）不是春晖路街道范围内的在岗工作人员`,
    ]));
    const levels = await create(floodPlan({ levels: ['IV'] }));
    expect(levels.statusCode).toBe(422);
    expect(levels.json().error.details.reasons.join('')).toContain('不在预案的响应级别中');
    const phone = await create(floodPlan({ resources: [{ ...floodPlan().resources[0]!, contactPhone: 'v1.abc' }] }));
    expect(phone.statusCode).toBe(422);
    expect((await t.db.query<{ n: string }>('select count(*) n from plans')).rows[0]!.n).toBe(before);
  });

  it('saves a plan at every limit (about 1.1 MB) and shows it', async () => {
    const L = PLAN_LIMITS;
    const roles = Array.from({ length: L.roles }, (_, i) => ({ key: `r${i}`, name: `角色${i}`, postCode: 'PA-YJGL', backupAccountIds: [] }));
    const steps = Array.from({ length: L.steps }, (_, i) => ({
      key: `s${i}`, title: `步骤${i}`.padEnd(L.title, '步'), roleKey: `r${i % L.roles}`, dueOffsetMin: L.maxDueOffsetMin, fromLevel: 'IV' as const,
      checklist: Array.from({ length: L.checklistItems }, (_, j) => `检查项${i}-${j}`.padEnd(L.checklistItem, '查')),
    }));
    const resources = Array.from({ length: L.resources }, (_, i) => ({
      key: `x${i}`, kind: 'supply' as const, name: `物资${i}`.padEnd(L.resourceText, '物'), quantity: i, unit: '件', location: { lng: 106.5, lat: 29.5 },
      address: null, contactName: '张三', contactPhone: `138${String(10000000 + i)}`,
    }));
    const body = floodPlan({ roles, steps, resources, levels: ['IV'], triggers: [{ kind: 'manual' }] });
    expect(Buffer.byteLength(JSON.stringify({ body }))).toBeGreaterThan(1024 * 1024);
    const r = await create(body);
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ stepCount: L.steps, roleCount: L.roles });
    expect(r.json().body.resources[199].contactPhone).toBe('13810000199');
  });

  it('refuses a town outside the editor\'s scope (404) and other roles (403)', async () => {
    expect((await create(floodPlan(), 'leader', { townId: ruralTown })).statusCode).toBe(404);
    expect((await create(floodPlan(), 'dispatcher')).statusCode).toBe(403);
    expect((await create(floodPlan(), 'gridworker')).statusCode).toBe(403);
  });

  it('honours Idempotency-Key: the same key answers the first plan', async () => {
    const key = { 'idempotency-key': 'plan-key-1' };
    const a = await create(floodPlan(), 'leader', {}, key);
    const b = await create(floodPlan(), 'leader', {}, key);
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(200);
    expect(b.json().id).toBe(a.json().id);
  });
});

describe('versions', () => {
  it('saves a new version over the current one, keeps a masked phone sent back, refuses a stale version (409)', async () => {
    const { id } = (await create()).json();
    const shown = (await call('GET', `/api/plans/${id}`, 'leader')).json();
    const next = { ...shown.body, steps: [...shown.body.steps, { key: 'shelter', title: '开放避难场所', roleKey: 'commander', dueOffsetMin: 90, fromLevel: 'III', checklist: [] }] };
    next.resources = next.resources.map((r: PlanBody['resources'][number]) => (r.key === 'team' ? { ...r, contactPhone: '138****5678' } : r));
    const r = await call('PUT', `/api/plans/${id}`, 'leader', { body: next, version: 1, note: '增加避难场所' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ currentVersion: 2, stepCount: 3, note: '增加避难场所' });
    expect(r.json().body.resources[0].contactPhone).toBe('13812345678');
    expect(r.json().versions.map((v: { version: number; current: boolean }) => [v.version, v.current])).toEqual([[2, true], [1, false]]);

    const stale = await call('PUT', `/api/plans/${id}`, 'leader', { body: next, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');

    const list = (await call('GET', `/api/plans/${id}/versions`, 'handler')).json();
    expect(list.items.map((v: { version: number; note: string | null }) => [v.version, v.note])).toEqual([[2, '增加避难场所'], [1, null]]);
    const v1 = await call('GET', `/api/plans/${id}/versions/1`, 'handler');
    expect(v1.statusCode).toBe(200);
    expect(v1.json().body.steps).toHaveLength(2);
    expect(v1.json().body.resources[0].contactPhone).toBe('138****5678');
    expect((await call('GET', `/api/plans/${id}/versions/9`, 'handler')).statusCode).toBe(404);
  });

  it('two saves over the same version at once: one new version, the other 409, each save audited once', async () => {
    const { id } = (await create()).json();
    const [a, b] = await Promise.all([
      call('PUT', `/api/plans/${id}`, 'leader', { body: floodPlan({ summary: '甲' }), version: 1 }),
      call('PUT', `/api/plans/${id}`, 'admin', { body: floodPlan({ summary: '乙' }), version: 1 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const versions = (await t.db.query<{ version: number }>('select version from plan_versions where plan_id = $1 order by version', [id])).rows;
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    const audit = (await t.db.query<{ action: string }>(`select action from audit_log where target_id = $1 and action <> 'plan.read_contacts' order by id`, [id])).rows;
    expect(audit.map((x) => x.action)).toEqual(['plan.create', 'plan.update']);
  });

  it('refuses a masked phone that is not the stored one', async () => {
    const { id } = (await create()).json();
    const body = floodPlan();
    body.resources[0]!.contactPhone = '139****0000';
    const r = await call('PUT', `/api/plans/${id}`, 'leader', { body, version: 1 });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.details.reasons.join('')).toContain('（已掩码）');
  });
});

describe('retiring', () => {
  it('retires with a reason; a retired plan is not saved, retired again or offered to triggers (409 PLAN_RETIRED)', async () => {
    const { id } = (await create()).json();
    expect((await listActivePlansOfTown(t.db, urbanTown)).map((p) => p.id)).toContain(id);
    const r = await call('POST', `/api/plans/${id}/retire`, 'leader', { reason: '并入区级预案' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'retired', retireReason: '并入区级预案', retiredByName: '陈志明', policies: [] });
    expect((await call('POST', `/api/plans/${id}/retire`, 'leader', { reason: '再次' })).json().error.code).toBe('PLAN_RETIRED');
    expect((await call('PUT', `/api/plans/${id}`, 'leader', { body: floodPlan(), version: 1 })).json().error.code).toBe('PLAN_RETIRED');
    expect((await listActivePlansOfTown(t.db, urbanTown)).map((p) => p.id)).not.toContain(id);
    const found = await findPlanForActivation(t.db, id, cityPath);
    expect(found).toMatchObject({ id, townId: urbanTown, status: 'retired', version: 1 });
    expect((await call('POST', `/api/plans/${id}/retire`, 'leader', { reason: ' ' })).statusCode).toBe(400);
  });
});

describe('reading plans', () => {
  it('lists the plans in or holding the scope, filtered, paged; nothing of another town', async () => {
    const admin = await create(floodPlan({ name: '青杠镇高温应急预案', hazard: 'heatWave', matterCode: 'S0302', roles: [{ key: 'c', name: '指挥', postCode: 'PA-YJGL', backupAccountIds: [] }], steps: [{ key: 's', title: '巡查', roleKey: 'c', dueOffsetMin: 0, fromLevel: 'IV', checklist: [] }] }), 'admin', { townId: ruralTown });
    expect(admin.statusCode).toBe(201);
    const ruralId = admin.json().id;

    const leaderList = (await call('GET', '/api/plans?status=active', 'leader')).json();
    expect(leaderList.items.map((p: { id: string }) => p.id)).not.toContain(ruralId);
    expect(leaderList.policies).toEqual(['create']);
    expect(leaderList.items.every((p: { townId: string; status: string }) => p.townId === urbanTown && p.status === 'active')).toBe(true);
    expect((await call('GET', `/api/plans/${ruralId}`, 'leader')).statusCode).toBe(404);
    expect((await call('GET', `/api/plans/${ruralId}/versions`, 'leader')).statusCode).toBe(404);

    // a community's staff read their town's plans
    const community = (await call('GET', '/api/plans', 'community')).json();
    expect(community.items.length).toBeGreaterThan(0);
    expect(community.policies).toEqual([]);
    expect((await call('GET', '/api/plans', 'gridworker')).statusCode).toBe(403);

    const heat = (await call('GET', '/api/plans?hazard=heatWave', 'admin')).json();
    expect(heat.items.map((p: { id: string }) => p.id)).toEqual([ruralId]);
    const words = (await call('GET', `/api/plans?q=${encodeURIComponent('高温')}`, 'admin')).json();
    expect(words.items.map((p: { id: string }) => p.id)).toEqual([ruralId]);

    // paging walks every plan once
    const seen: string[] = [];
    let cursor: string | null = null;
    const total = Number((await t.db.query<{ n: string }>('select count(*) n from plans')).rows[0]!.n);
    for (let i = 0; i < 10; i++) {
      const page: { items: { id: string }[]; nextCursor: string | null } = (await call('GET', `/api/plans${cursor ? `?cursor=${cursor}` : ''}`, 'admin')).json();
      seen.push(...page.items.map((p: { id: string }) => p.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(new Set(seen).size).toBe(total);
    expect((await call('GET', '/api/plans?cursor=bad', 'admin')).statusCode).toBe(400);
  });
});

describe('contacts', () => {
  it('seals, masks and opens; a phone sealed with another key reads as null', async () => {
    const pii = t.app.pii;
    const body = floodPlan();
    const sealed = sealContacts(body, pii);
    expect(sealed.resources[0]!.contactPhone).toMatch(/^v1\./);
    expect(sealContacts(sealed, pii).resources[0]!.contactPhone).toBe(sealed.resources[0]!.contactPhone);
    expect(openContacts(sealed, pii, { mask: true }).resources[0]!.contactPhone).toBe('138****5678');
    expect(openContacts(sealed, pii, { mask: false }).resources[0]!.contactPhone).toBe('13812345678');
    const foreign = { ...sealed, resources: [{ ...sealed.resources[0]!, contactPhone: 'v1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }] };
    expect(openContacts(foreign, pii, { mask: false }).resources[0]!.contactPhone).toBeNull();
  });
});
