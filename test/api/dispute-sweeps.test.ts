import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';

/*
 * 矛盾纠纷大排查 through the API: the dispatcher starts a sweep of 春晖路街道, the grid worker answers for his grid on the
 * phone (with a dispute he registered), a community's staff answer "none" for another grid, the town sees who is missing.
 */

let t: TestApp;
const tokens: Record<string, string> = {};
let grid1Id: string;
let grid2Id: string;
let ruralGridId: string;
let townGridCount: number;

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'leader', 'dispatcher', 'mediator', 'community', 'gridworker', 'department', 'resident']) tokens[u] = await t.login(u);
  const ids = async (code: string) => (await t.db.query<{ id: string }>('select id from org_units where code = $1', [code])).rows[0]!.id;
  grid1Id = await ids(DEMO_GRID);
  grid2Id = await ids('500199001001002');
  ruralGridId = await ids('500199101201001');
  townGridCount = Number((await t.db.query<{ n: number }>(
    `select count(*)::int as n from org_units g join org_units t on t.id = (select parent_id from org_units c where c.id = (select parent_id from org_units where id = $1))
      where g.level = 'grid' and g.retired_at is null and g.path like t.path || '%'`, [grid1Id])).rows[0]!.n);
});
afterAll(async () => { await t.close(); });

const call = (method: 'GET' | 'POST', url: string, who: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...bearer(tokens[who]!), ...headers }, ...(payload ? { payload } : {}) });
const audits = async (id: string) => (await t.db.query<{ action: string; detail: Record<string, unknown> }>(
  'select action, detail from audit_log where target_id = $1 order by id', [id])).rows;

describe('a sweep of 春晖路街道', () => {
  let sweepId: string;
  let disputeId: string;

  it('is started by the dispatcher for the town holding their scope, once per Idempotency-Key (audited)', async () => {
    const r = await call('POST', '/api/disputes/sweeps', 'dispatcher', { title: '2026年冬季矛盾纠纷大排查', dueOn: '2026-11-30', note: '重点排查邻里、婚姻家庭、欠薪纠纷' }, { 'idempotency-key': 'sw-1' });
    expect(r.statusCode, r.body).toBe(201);
    const s = r.json();
    sweepId = s.id;
    expect(s).toMatchObject({ townName: '春晖路街道', title: '2026年冬季矛盾纠纷大排查', dueOn: '2026-11-30', answered: 0, found: 0, overdue: false, createdByName: '刘晓燕' });
    expect(s.gridCount).toBe(townGridCount);
    expect(s.grids).toHaveLength(townGridCount);
    expect(s.missing).toHaveLength(townGridCount);
    // the dispatcher handles disputes of the whole town: may report for every grid
    expect(s.grids.every((g: { canReport: boolean }) => g.canReport)).toBe(true);
    const again = await call('POST', '/api/disputes/sweeps', 'dispatcher', { title: '2026年冬季矛盾纠纷大排查', dueOn: '2026-11-30' }, { 'idempotency-key': 'sw-1' });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(sweepId);
    expect((await audits(sweepId)).map((a) => a.action)).toEqual(['dispute.sweep.create']);
  });

  it('makes one sweep of five requests sent at once with the same Idempotency-Key', async () => {
    const ruralTown = (await t.db.query<{ id: string }>(`select id from org_units where code = '500199101000'`)).rows[0]!.id;
    const sent = await Promise.all(Array.from({ length: 5 }, () => call('POST', '/api/disputes/sweeps', 'admin', { title: '同时发起', dueOn: '2026-11-30', townId: ruralTown }, { 'idempotency-key': 'sw-burst' })));
    expect(sent.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(sent.map((r) => r.json().id)).size).toBe(1);
    const n = (await t.db.query<{ n: number }>(`select count(*)::int as n from dispute_sweeps where title = '同时发起'`)).rows[0]!.n;
    expect(Number(n)).toBe(1);
  });

  it('refuses a due day in the past, other roles, and a town outside the scope', async () => {
    const past = await call('POST', '/api/disputes/sweeps', 'dispatcher', { title: '补录', dueOn: '2026-11-22' });
    expect(past.statusCode).toBe(422);
    expect(past.json().error.code).toBe('DISPUTE_INVALID');
    expect((await call('POST', '/api/disputes/sweeps', 'mediator', { title: '排查', dueOn: '2026-11-30' })).statusCode).toBe(403);
    expect((await call('POST', '/api/disputes/sweeps', 'gridworker', { title: '排查', dueOn: '2026-11-30' })).statusCode).toBe(403);
    const ruralTown = (await t.db.query<{ id: string }>(`select id from org_units where code = '500199101000'`)).rows[0]!.id;
    expect((await call('POST', '/api/disputes/sweeps', 'dispatcher', { title: '排查', dueOn: '2026-11-30', townId: ruralTown })).statusCode).toBe(404);
    // the admin's scope holds several towns: names one
    const admin = await call('POST', '/api/disputes/sweeps', 'admin', { title: '排查', dueOn: '2026-11-30' });
    expect(admin.statusCode).toBe(422);
    const named = await call('POST', '/api/disputes/sweeps', 'admin', { title: '青杠镇排查', dueOn: '2026-11-30', townId: ruralTown });
    expect(named.statusCode).toBe(201);
  });

  it('shows on the grid worker\'s phone, who answers for his grid with a dispute of it', async () => {
    const mine = await call('GET', '/api/disputes/sweeps/mine', 'gridworker');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items).toEqual([expect.objectContaining({ sweepId, gridId: grid1Id, answered: false, overdue: false, title: '2026年冬季矛盾纠纷大排查' })]);
    const location = await gridCentre(t.db, DEMO_GRID);
    const reg = await call('POST', '/api/disputes', 'gridworker', {
      classCode: '02', parties: [{ role: 'applicant', name: '陈立群', phone: '13700001111' }, { role: 'respondent', name: '何美华' }],
      description: '楼道堆放杂物引发口角', location, source: 'sweep',
    });
    expect(reg.statusCode, reg.body).toBe(201);
    disputeId = reg.json().id;
    // a dispute of another grid is refused, nothing written
    const other = await call('POST', `/api/disputes/sweeps/${sweepId}/reports`, 'gridworker', { gridId: grid2Id, noneFound: true });
    expect(other.statusCode).toBe(403);
    const mixed = await call('POST', `/api/disputes/sweeps/${sweepId}/reports`, 'gridworker', { gridId: grid1Id, noneFound: true, disputeIds: [disputeId] });
    expect(mixed.statusCode).toBe(422);
    const empty = await call('POST', `/api/disputes/sweeps/${sweepId}/reports`, 'gridworker', { gridId: grid1Id, noneFound: false, disputeIds: [] });
    expect(empty.statusCode).toBe(422);
    const r = await call('POST', `/api/disputes/sweeps/${sweepId}/reports`, 'gridworker', { gridId: grid1Id, noneFound: false, disputeIds: [disputeId], note: '已登记一起' });
    expect(r.statusCode, r.body).toBe(200);
    const s = r.json();
    expect(s).toMatchObject({ answered: 1, found: 1 });
    const row = s.grids.find((g: { gridId: string }) => g.gridId === grid1Id);
    expect(row).toMatchObject({ answered: true, noneFound: false, count: 1, reporterName: '李明辉', note: '已登记一起', canReport: true });
    expect(row.disputes[0].number).toBe(reg.json().number);
    expect(s.grids.find((g: { gridId: string }) => g.gridId === grid2Id)).toMatchObject({ answered: false, canReport: false });
    expect(s.missing.map((g: { id: string }) => g.id)).not.toContain(grid1Id);
    expect((await call('GET', '/api/disputes/sweeps/mine', 'gridworker')).json().items[0]).toMatchObject({ answered: true, count: 1 });
  });

  it('takes the community staff\'s "none found" for another grid, and refuses disputes of another grid', async () => {
    const wrong = await call('POST', `/api/disputes/sweeps/${sweepId}/reports`, 'community', { gridId: grid2Id, noneFound: false, disputeIds: [disputeId] });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.details.notOfGrid).toEqual([disputeId]);
    const r = await call('POST', `/api/disputes/sweeps/${sweepId}/reports`, 'community', { gridId: grid2Id, noneFound: true });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ answered: 2, found: 1 });
    // a grid of another town is not a grid of this sweep
    expect((await call('POST', `/api/disputes/sweeps/${sweepId}/reports`, 'dispatcher', { gridId: ruralGridId, noneFound: true })).statusCode).toBe(422);
  });

  it('replaces a grid\'s earlier answer with a later one; the audit trail keeps both', async () => {
    const r = await call('POST', `/api/disputes/sweeps/${sweepId}/reports`, 'community', { gridId: grid2Id, noneFound: false, disputeIds: [], note: '补报' });
    expect(r.statusCode).toBe(422);
    const g2 = await call('POST', `/api/disputes/sweeps/${sweepId}/reports`, 'dispatcher', { gridId: grid2Id, noneFound: true, note: '复核无纠纷' });
    expect(g2.json()).toMatchObject({ answered: 2 });
    expect(g2.json().grids.find((g: { gridId: string }) => g.gridId === grid2Id)).toMatchObject({ note: '复核无纠纷', reporterName: '刘晓燕' });
    const reports = (await audits(sweepId)).filter((a) => a.action === 'dispute.sweep.report');
    expect(reports).toHaveLength(3);
    expect(reports[2]!.detail.replaced).toMatchObject({ noneFound: true, disputeIds: [] });
  });

  it('lists the sweeps of the caller\'s town to its staff and grid workers, none to residents and departments', async () => {
    const list = await call('GET', '/api/disputes/sweeps', 'leader');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((s: { id: string }) => s.id)).toEqual([sweepId]);
    expect(list.json().policies).toEqual(['create']);
    const gw = (await call('GET', '/api/disputes/sweeps', 'gridworker')).json();
    expect(gw.items.map((s: { id: string }) => s.id)).toEqual([sweepId]);
    expect(gw.items[0].policies).toEqual(['report']);
    expect(gw.policies).toEqual([]);
    expect((await call('GET', '/api/disputes/sweeps', 'admin')).json().items).toHaveLength(3);
    expect((await call('GET', '/api/disputes/sweeps', 'resident')).statusCode).toBe(403);
    expect((await call('GET', '/api/disputes/sweeps', 'department')).statusCode).toBe(403);
    expect((await call('GET', `/api/disputes/sweeps/${sweepId}`, 'resident')).statusCode).toBe(403);
  });

  it('is overdue after its due day while grids are missing, and leaves the phone once answered', async () => {
    t.clock.set(new Date('2026-12-01T09:00:00+08:00'));
    tokens.gridworker = await t.login('gridworker');
    tokens.leader = await t.login('leader');
    const s = (await call('GET', `/api/disputes/sweeps/${sweepId}`, 'leader')).json();
    expect(s.overdue).toBe(townGridCount > 2);
    expect(s.missing).toHaveLength(townGridCount - 2);
    // answered already: a past sweep no longer shows on the phone
    expect((await call('GET', '/api/disputes/sweeps/mine', 'gridworker')).json().items).toEqual([]);
  });
});
