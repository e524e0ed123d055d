import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const unit: Record<string, string> = {};

interface Member { id: string; teamRole: string; name: string; phone: string | null; accountId: string | null; openCases: number | null }

beforeAll(async () => {
  t = await createTestApp();
  const units = (await t.db.query<{ id: string; code: string }>('select id, code from org_units where code = any($1)',
    [['500199001001', '500199001001001', '500199001001002', '500199001002001', '500199101201001']])).rows;
  const byCode = (code: string) => units.find((u) => u.code === code)!.id;
  Object.assign(unit, { community: byCode('500199001001'), grid: byCode('500199001001001'), grid2: byCode('500199001001002'), jinxia: byCode('500199001002001'), rural: byCode('500199101201001') });
  // two new grid workers: one of the demo grid (the successor), one of the grid next door
  for (const [username, name, scope] of [['newworker', '吴网格', unit.grid], ['nextdoor', '郑网格', unit.grid2]] as const) {
    await t.db.query(`insert into accounts (username, name, kind, roles, scope_org_unit_id, password_hash)
      select $1, $2, 'staff', '{gridWorker}', $3, password_hash from accounts where username = 'admin'`, [username, name, scope]);
  }
  for (const u of ['admin', 'community', 'dispatcher', 'gridworker', 'newworker', 'leader']) tokens[u] = await t.login(u);
  for (const u of ['gridworker', 'newworker', 'nextdoor', 'community', 'department', 'resident', 'handler', 'leader']) {
    ids[u] = (await t.db.query<{ id: string }>('select id from accounts where username = $1', [u])).rows[0]!.id;
  }
});
afterAll(async () => { await t.close(); });

const call = (who: string, method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: bearer(tokens[who]!), ...(payload === undefined ? {} : { payload: payload as object }) });
const team = async (who = 'community', gridId = unit.grid) => (await call(who, 'GET', `/api/org-units/${gridId}/team`)).json() as { members: Member[]; policies: string[] };
/** the team as a PUT body: existing members by id, phones and accounts kept */
const asBody = (members: Member[]) => members.map((m) => ({ id: m.id, teamRole: m.teamRole, name: m.name }));

/** a case of the demo grid dispatched to the grid worker */
async function caseOfGridWorker(description: string): Promise<{ id: string; number: string }> {
  const k = (await call('gridworker', 'POST', '/api/cases', { categoryCode: 'C0101', description, location: await gridCentre(t.db, DEMO_GRID) })).json();
  expect((await call('dispatcher', 'POST', `/api/cases/${k.id}/actions/accept`, {})).statusCode).toBe(200);
  expect((await call('dispatcher', 'POST', `/api/cases/${k.id}/actions/dispatch`, { assignee: { staffId: ids.gridworker }, reason: '改派测试' })).statusCode).toBe(200);
  return k;
}
const assigneeOf = async (caseId: string) => (await t.db.query<{ a: string }>(`select assignee ->> 'staffId' as a from cases where id = $1`, [caseId])).rows[0]!.a;

describe('reading the grid team', () => {
  it('gives editors the policies, the open cases each account holds and, when asked, the accounts they may link', async () => {
    const k = await caseOfGridWorker('读取团队：井盖');
    const res = await call('community', 'GET', `/api/org-units/${unit.grid}/team?candidates=true`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.policies).toEqual(['edit']);
    expect(body.members.find((m: Member) => m.accountId === ids.gridworker).openCases).toBe(1);
    expect(body.members.filter((m: Member) => m.accountId === null).every((m: Member) => m.openCases === null)).toBe(true);
    const candidates = body.candidates.map((c: { id: string }) => c.id);
    expect(candidates).toEqual(expect.arrayContaining([ids.gridworker, ids.newworker, ids.community, ids.handler]));
    for (const outsider of ['nextdoor', 'department', 'resident']) expect(candidates, outsider).not.toContain(ids[outsider]);
    await call('dispatcher', 'POST', `/api/cases/${k.id}/actions/escalate`, { reason: '测试结束' });
  });

  it('gives other readers no policies, no case counts and no candidates', async () => {
    const body = (await call('dispatcher', 'GET', `/api/org-units/${unit.grid}/team?candidates=true`)).json();
    expect(body.policies).toEqual([]);
    expect(body.candidates).toEqual([]);
    expect(body.members.every((m: Member) => m.openCases === null)).toBe(true);
  });
});

describe('changing the grid team', () => {
  it('adds a staff member with an account and a phone, keeps the others\' phones sealed, and audits the change', async () => {
    const before = (await team()).members;
    const res = await call('community', 'PUT', `/api/org-units/${unit.grid}/team`, {
      members: [...asBody(before), { teamRole: 'fullTime', name: '吴网格', phone: '13912345678', accountId: ids.newworker }],
    });
    expect(res.statusCode).toBe(200);
    const added = res.json().members.find((m: Member) => m.accountId === ids.newworker);
    expect(added).toMatchObject({ teamRole: 'fullTime', name: '吴网格', phone: '13912345678' });
    expect(res.json().members.map((m: Member) => m.phone)).toEqual([...before.map((m) => m.phone), '13912345678']);
    const stored = (await t.db.query<{ phone: string }>('select phone from grid_team_members where grid_id = $1', [unit.grid])).rows;
    expect(stored.every((r) => r.phone === null || r.phone.startsWith('v1.'))).toBe(true);
    expect(JSON.stringify(stored)).not.toContain('13912345678');
    const audit = (await t.db.query<{ detail: { added: number; members: number } }>(
      `select detail from audit_log where action = 'org.update_team' and target_id = $1`, [unit.grid])).rows;
    expect(audit.map((a) => [a.detail.added, a.detail.members])).toEqual([[1, before.length + 1]]);
    // the new member's account now belongs to the grid's team
    const me = (await t.app.inject({ url: '/api/me', headers: bearer(await t.login('newworker')) })).json();
    expect(me.grids).toEqual([{ gridId: unit.grid, teamRole: 'fullTime' }]);
  });

  it('hands a leaving worker\'s open cases of the grid to its new worker, on the timeline', async () => {
    const k = await caseOfGridWorker('移交：井盖');
    const members = (await team()).members;
    const res = await call('community', 'PUT', `/api/org-units/${unit.grid}/team`, {
      members: asBody(members.filter((m) => m.accountId !== ids.gridworker)),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().handover).toEqual({ mode: 'successor', to: { id: ids.newworker, name: '吴网格' }, cases: [{ id: k.id, number: k.number }] });
    expect(await assigneeOf(k.id)).toBe(ids.newworker);
    const detail = (await call('newworker', 'GET', `/api/cases/${k.id}`)).json();
    expect(detail.timeline.at(-1)).toMatchObject({ action: 'reassign', actor: '赵秀兰', from: 'dispatched', to: 'dispatched' });
    expect(detail.policies).toContain('start');
    const inbox = (await call('newworker', 'GET', '/api/cases?mine=assigned')).json().items.map((c: { id: string }) => c.id);
    expect(inbox).toContain(k.id);
  });

  it('keeps them with the leaving worker only with a reason, noted on each case', async () => {
    // 李明辉 back on the team, with a case, then leaving again, keeping it
    const members = (await team()).members;
    await call('community', 'PUT', `/api/org-units/${unit.grid}/team`, { members: [...asBody(members), { teamRole: 'partTime', name: '李明辉', accountId: ids.gridworker }] });
    const k = await caseOfGridWorker('保留：井盖');
    const body = (handover?: unknown) => ({ members: asBody(members), ...(handover ? { handover } : {}) });
    const noReason = await call('community', 'PUT', `/api/org-units/${unit.grid}/team`, body({ mode: 'keep', reason: '  ' }));
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.messageZh).toContain('理由');
    const kept = await call('community', 'PUT', `/api/org-units/${unit.grid}/team`, body({ mode: 'keep', reason: '已到现场，办结在即' }));
    expect(kept.statusCode).toBe(200);
    expect(kept.json().handover).toEqual({ mode: 'keep', to: null, cases: [{ id: k.id, number: k.number }] });
    expect(await assigneeOf(k.id)).toBe(ids.gridworker);
    const entry = (await call('dispatcher', 'GET', `/api/cases/${k.id}`)).json().timeline.at(-1);
    expect(entry).toMatchObject({ action: 'assignee_kept', reason: '已到现场，办结在即' });
  });

  it('refuses a change that leaves the grid\'s cases with nobody, listing them, and changes nothing', async () => {
    const k = await caseOfGridWorker('无人接手：井盖');
    await t.db.query(`update cases set assignee = jsonb_build_object('staffId', $2::text) where id = $1`, [k.id, ids.newworker]);
    const before = (await team()).members;
    const res = await call('community', 'PUT', `/api/org-units/${unit.grid}/team`, { members: asBody(before).map((m) => ({ ...m, accountId: null })) });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('TEAM_NO_SUCCESSOR');
    expect(res.json().error.details.cases).toContain(k.number);
    expect(res.json().error.messageZh).toContain('未办结');
    expect((await team()).members).toEqual(before);
    expect(await assigneeOf(k.id)).toBe(ids.newworker);
  });

  it('names the accounts that may not be on the team and the rows that are wrong', async () => {
    const base = asBody((await team()).members);
    const res = await call('community', 'PUT', `/api/org-units/${unit.grid}/team`, {
      members: [...base, { teamRole: 'volunteer', name: '邻网格员', accountId: ids.nextdoor }, { teamRole: 'volunteer', name: '部门', accountId: ids.department },
        { teamRole: 'volunteer', name: '居民', accountId: ids.resident }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('TEAM_MEMBER_INELIGIBLE');
    expect(res.json().error.details.problems.map((p: { index: number; code: string }) => [p.index - base.length, p.code]))
      .toEqual([[0, 'outside_grid'], [1, 'no_territory'], [2, 'not_staff']]);
    const leaders = await call('community', 'PUT', `/api/org-units/${unit.grid}/team`, {
      members: [...base, { teamRole: 'gridLeader', name: '第二个网格长' }, { id: 'not-a-member', teamRole: 'volunteer', name: '某' }],
    });
    expect(leaders.statusCode).toBe(422);
    expect(leaders.json().error).toMatchObject({ code: 'TEAM_INVALID' });
    expect(leaders.json().error.details.problems.map((p: { code: string }) => p.code)).toEqual(['second_leader', 'unknown_member']);
    const phone = await call('community', 'PUT', `/api/org-units/${unit.grid}/team`, { members: [{ teamRole: 'volunteer', name: '某', phone: '12345' }] });
    expect(phone.statusCode).toBe(400);
  });

  it('keeps scope: community staff edit their community\'s grids only, admins any grid, others none', async () => {
    const jinxia = (await call('admin', 'GET', `/api/org-units/${unit.jinxia}/team`)).json().members;
    expect((await call('community', 'PUT', `/api/org-units/${unit.jinxia}/team`, { members: asBody(jinxia) })).statusCode).toBe(404);
    expect((await call('dispatcher', 'PUT', `/api/org-units/${unit.grid}/team`, { members: [] })).statusCode).toBe(403);
    expect((await call('gridworker', 'PUT', `/api/org-units/${unit.grid}/team`, { members: [] })).statusCode).toBe(403);
    const rural = (await call('admin', 'GET', `/api/org-units/${unit.rural}/team`)).json().members;
    const ok = await call('admin', 'PUT', `/api/org-units/${unit.rural}/team`, { members: [...asBody(rural), { teamRole: 'volunteer', name: '新志愿者', phone: '023-68881234' }] });
    expect(ok.statusCode).toBe(200);
    const notGrid = await call('community', 'PUT', `/api/org-units/${unit.community}/team`, { members: [] });
    expect(notGrid.statusCode).toBe(422);
    expect(notGrid.json().error.code).toBe('TEAM_INVALID');
  });
});
