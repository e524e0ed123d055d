// 三事分流 (issue 16): a resident's matter, the system's suggestion, classing into the three paths (a case, a proposal,
// a help request), reclassing with a reason while the earlier path is open, scope, Idempotency-Key and audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { registerDemoResident } from '../support/participation.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
let residentId: string;

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident']) tokens[u] = await t.login(u);
  residentId = (await registerDemoResident(t)).residentId;
});
afterAll(async () => { await t.close(); });

const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...bearer(tokens[who]!), ...headers }, ...(payload ? { payload } : {}) });
const audits = async (id: string) => (await t.db.query<{ action: string }>('select action from audit_log where target_id = $1 order by id', [id])).rows.map((x) => x.action);
const submit = async (title: string, description: string, who = 'resident', extra: object = {}) => {
  const r = await call('POST', '/api/participation/matters', who, { title, description, ...extra });
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
};

describe('entering a matter', () => {
  it('a resident enters her own: located by her grid, the suggestion with reasons, audited; a retry with the same key answers the first', async () => {
    const key = { 'idempotency-key': 'm-1' };
    const r = await call('POST', '/api/participation/matters', 'resident', { title: '楼道堆放杂物', description: '3 栋楼道堆满杂物，想和大家商量怎么清理' }, key);
    expect(r.statusCode, r.body).toBe(201);
    const m = r.json();
    expect(m).toMatchObject({ status: 'new', source: 'resident', suggestedClass: 'shared', class: null, residentName: '周淑芬', policies: [] });
    expect(m.suggestionReasons).toEqual(expect.arrayContaining(['含“楼道”', '含“商量”']));
    expect(m.events.map((e: { action: string }) => e.action)).toEqual(['submit']);
    const again = await call('POST', '/api/participation/matters', 'resident', { title: '楼道堆放杂物', description: '3 栋楼道堆满杂物，想和大家商量怎么清理' }, key);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(m.id);
    expect(await audits(m.id)).toEqual(['participation.matter.submit']);
  });

  it('refuses a resident outside the registry with 422 PERSON_NOT_IN_REGISTRY, and a resident naming someone else', async () => {
    const other = await t.login('resident');
    await t.db.query(`update registry_residents set left_at = now() where id = $1`, [residentId]);
    try {
      const r = await t.app.inject({ method: 'POST', url: '/api/participation/matters', headers: bearer(other), payload: { title: '路灯不亮', description: '小区门口路灯坏了' } });
      expect(r.statusCode).toBe(422);
      expect(r.json().error.code).toBe('PERSON_NOT_IN_REGISTRY');
    } finally {
      await t.db.query(`update registry_residents set left_at = null where id = $1`, [residentId]);
    }
    const r2 = await call('POST', '/api/participation/matters', 'resident', { title: '路灯不亮', description: '路灯', residentId });
    expect(r2.statusCode).toBe(422);
  });

  it('staff enter one at a point of their scope or for a registry person; a point outside their scope is refused', async () => {
    const centre = await gridCentre(t.db, DEMO_GRID);
    const byPoint = await submit('井盖缺失', '春晖路口井盖缺失，有安全隐患', 'gridworker', { location: centre, address: '春晖路口' });
    expect(byPoint).toMatchObject({ source: 'gridWorker', suggestedClass: 'public', residentName: null, policies: ['class'] });
    const forPerson = await submit('独居老人需要代买', '周阿姨腿脚不便，需要邻居帮忙代买菜', 'community', { residentId, source: 'visit' });
    expect(forPerson).toMatchObject({ source: 'visit', suggestedClass: 'private', residentName: '周淑芬' });
    const far = await gridCentre(t.db, '500199001002001');
    const r = await call('POST', '/api/participation/matters', 'gridworker', { title: '占道', description: '占道经营', location: far });
    expect(r.statusCode).toBe(422);
    const none = await call('POST', '/api/participation/matters', 'gridworker', { title: '占道', description: '占道经营' });
    expect(none.statusCode).toBe(422);
  });

  it('lists: the resident her own only; staff their scope; the department nothing (403)', async () => {
    const mine = (await call('GET', '/api/participation/matters', 'resident')).json();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((m: { residentName: string }) => m.residentName === '周淑芬')).toBe(true);
    const staff = (await call('GET', '/api/participation/matters?class=public', 'gridworker')).json();
    expect(staff.items.every((m: { suggestedClass: string }) => m.suggestedClass === 'public')).toBe(true);
    expect(staff.policies).toEqual(['create']);
    const dept = await t.login('department');
    expect((await t.app.inject({ method: 'GET', url: '/api/participation/matters', headers: bearer(dept) })).statusCode).toBe(403);
  });
});

describe('classing', () => {
  it('public → a case in the loop, linked, audited; a second class → 409; a reclass of a case → 409', async () => {
    const m = await submit('路灯不亮', '小区门口路灯坏了三天，晚上很黑；井盖也松了');
    const r = await call('POST', `/api/participation/matters/${m.id}/actions/class`, 'gridworker', { class: 'public', categoryCode: 'C0101' });
    expect(r.statusCode, r.body).toBe(200);
    const d = r.json();
    expect(d).toMatchObject({ status: 'routed', class: 'public', policies: [] });
    expect(d.links.caseId).toBeTruthy();
    expect(d.links.caseNumber).toBeTruthy();
    expect(d.links.caseStatus).toBeTruthy();
    const c = (await t.db.query<{ source: string; reporter_account_id: string; category_code: string }>('select source, reporter_account_id, category_code from cases where id = $1', [d.links.caseId])).rows[0]!;
    expect(c).toMatchObject({ source: 'resident', category_code: 'C0101' });
    // the resident sees the case among hers
    expect((await call('GET', `/api/cases/${d.links.caseId}`, 'resident')).statusCode).toBe(200);
    expect((await call('POST', `/api/participation/matters/${m.id}/actions/class`, 'gridworker', { class: 'shared', reason: '再议' })).statusCode).toBe(409);
    const re = await call('POST', `/api/participation/matters/${m.id}/actions/reclass`, 'gridworker', { class: 'shared', reason: '其实要大家商量' });
    expect(re.statusCode).toBe(409);
    expect(re.json().error.code).toBe('MATTER_STATE_CONFLICT');
    expect(await audits(m.id)).toEqual(['participation.matter.submit', 'participation.matter.class']);
  });

  it('a class other than the suggested one needs a reason (422), nothing written', async () => {
    const m = await submit('楼道灯', '楼道灯坏了，想和大家商量');
    const r = await call('POST', `/api/participation/matters/${m.id}/actions/class`, 'gridworker', { class: 'private' });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('MATTER_CLASS_REASON_REQUIRED');
    expect((await call('GET', `/api/participation/matters/${m.id}`, 'gridworker')).json()).toMatchObject({ status: 'new', class: null });
  });

  it('shared → a proposal on the grid\'s council (or the community\'s), reclassed private with a reason: the proposal rejected, a help request opened', async () => {
    const m = await submit('加装电梯', '老楼加装电梯，想请大家议一议');
    const r = await call('POST', `/api/participation/matters/${m.id}/actions/class`, 'gridworker', { class: 'shared' }, { 'idempotency-key': 'c-1' });
    expect(r.statusCode, r.body).toBe(200);
    const d = r.json();
    expect(d.links).toMatchObject({ proposalTitle: '加装电梯', proposalStatus: 'open', councilName: '春晖社区第1网格邻里会' });
    expect(d.policies).toEqual(['reclass']);
    // the same request again answers the matter as it is, no second proposal
    const again = await call('POST', `/api/participation/matters/${m.id}/actions/class`, 'gridworker', { class: 'shared' }, { 'idempotency-key': 'c-1' });
    expect(again.statusCode).toBe(200);
    expect((await t.db.query('select 1 from proposals where matter_id = $1', [m.id])).rows).toHaveLength(1);
    // the resident sees the proposal as hers
    const p = (await call('GET', `/api/proposals/${d.links.proposalId}`, 'resident')).json();
    expect(p).toMatchObject({ proposerName: '周淑芬', mine: true, matterId: m.id });
    expect((await call('POST', `/api/participation/matters/${m.id}/actions/reclass`, 'gridworker', { class: 'private', reason: '' })).statusCode).toBe(400);
    const re = await call('POST', `/api/participation/matters/${m.id}/actions/reclass`, 'gridworker', { class: 'private', reason: '只涉及她一家' });
    expect(re.statusCode, re.body).toBe(200);
    const after = re.json();
    expect(after).toMatchObject({ class: 'private', classReason: '只涉及她一家', status: 'routed' });
    expect(after.links).toMatchObject({ proposalStatus: 'rejected', helpStatus: 'open' });
    expect(after.events.map((e: { action: string }) => e.action)).toEqual(['submit', 'class', 'reclass']);
    expect(after.events[2]).toMatchObject({ fromClass: 'shared', toClass: 'private', reason: '只涉及她一家', byName: '李明辉' });
    const community = await submit('停车难', '小区停车位不够，想议一议');
    const c2 = (await call('POST', `/api/participation/matters/${community.id}/actions/class`, 'community', { class: 'shared', councilLevel: 'community' })).json();
    expect(c2.links.councilName).toBe('春晖社区评议会');
  });

  it('private → a help request; once taken it cannot be reclassed (409)', async () => {
    const m = await submit('需要陪诊', '下周需要有人陪我去医院，家里没人，想请邻居帮忙');
    const d = (await call('POST', `/api/participation/matters/${m.id}/actions/class`, 'gridworker', { class: 'private' })).json();
    expect(d.links.helpStatus).toBe('open');
    await t.db.query(`update help_requests set status = 'taken' where id = $1`, [d.links.helpRequestId]);
    const re = await call('POST', `/api/participation/matters/${m.id}/actions/reclass`, 'gridworker', { class: 'shared', reason: '大家议' });
    expect(re.statusCode).toBe(409);
  });

  it('residents and leaders cannot class (403); a matter outside the caller\'s reach is 404', async () => {
    const m = await submit('垃圾清运', '垃圾清运不及时');
    expect((await call('POST', `/api/participation/matters/${m.id}/actions/class`, 'resident', { class: 'public' })).statusCode).toBe(403);
    expect((await call('POST', `/api/participation/matters/${m.id}/actions/class`, 'leader', { class: 'public' })).statusCode).toBe(403);
    // moved to another community's grid: out of the grid worker's scope
    await t.db.query(`update resident_matters set org_path = (select path from org_units where code = '500199001002001') where id = $1`, [m.id]);
    expect((await call('POST', `/api/participation/matters/${m.id}/actions/class`, 'gridworker', { class: 'public' })).statusCode).toBe(404);
    expect((await call('GET', `/api/participation/matters/${m.id}`, 'gridworker')).statusCode).toBe(404);
  });
});
