import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';

/*
 * 纠纷统计 through the API: five disputes of 春晖路街道 over four days (two resolved after 2 and 4 days, one pushed to the
 * police station, one transferred to court, one in another community), the figures counted by hand.
 */

let t: TestApp;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
let communityId: string;
let townId: string;

const call = (method: 'GET' | 'POST', url: string, who: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });

const DAY = 86_400_000;

async function register(key: string, classCode: string, gridCode: string) {
  const r = await call('POST', '/api/disputes', 'mediator', {
    classCode, parties: [{ role: 'applicant', name: '申请人甲' }, { role: 'respondent', name: '被申请人乙' }],
    description: `统计测试纠纷${key}`, location: await gridCentre(t.db, gridCode),
  });
  expect(r.statusCode, r.body).toBe(201);
  ids[key] = r.json().id;
}

const mediate = (key: string, outcome: 'resolved' | 'failed') => call('POST', `/api/disputes/${ids[key]}/mediations`, 'mediator', {
  at: t.clock.now.toISOString(), place: '调解室', mediator: { kind: 'peopleMediator', name: '蒋丽萍' }, attendees: [], statements: [],
  terms: outcome === 'resolved' ? ['双方和解'] : [], outcome,
});

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['leader', 'mediator', 'community', 'gridworker', 'resident', 'admin']) tokens[u] = await t.login(u);
  const unit = (await t.db.query<{ community: string; town: string }>(
    `select c.id as community, c.parent_id as town from org_units g join org_units c on c.id = g.parent_id where g.code = $1`, [DEMO_GRID])).rows[0]!;
  communityId = unit.community;
  townId = unit.town;
  await register('d1', '02', DEMO_GRID);
  await register('d2', '02', DEMO_GRID);
  await register('d3', '01', DEMO_GRID);
  await register('d4', '02', DEMO_GRID);
  await register('d5', '02', '500199001002001');
  const push = await call('POST', `/api/disputes/${ids.d2}/actions/push`, 'mediator', { unitKind: 'policeStation', unitName: '春晖路派出所', dueDays: 5, note: '涉嫌治安案件' });
  expect(push.statusCode, push.body).toBe(200);
  const court = await call('POST', `/api/disputes/${ids.d3}/actions/litigate`, 'mediator', { court: '春晖人民法庭', courtCaseNumber: '（2026）渝0199民初1234号' });
  expect(court.statusCode, court.body).toBe(200);
  expect((await mediate('d2', 'failed')).statusCode).toBe(201);
  t.clock.advance(2 * DAY);
  tokens.mediator = await t.login('mediator');
  expect((await mediate('d1', 'resolved')).statusCode).toBe(201);
  t.clock.advance(2 * DAY);
  for (const u of Object.keys(tokens)) tokens[u] = await t.login(u);
  expect((await mediate('d4', 'resolved')).statusCode).toBe(201);
});
afterAll(async () => { await t.close(); });

describe('dispute figures', () => {
  it('counts the town\'s disputes of the last 30 days for the leader', async () => {
    const r = await call('GET', '/api/disputes/stats', 'leader');
    expect(r.statusCode, r.body).toBe(200);
    const s = r.json();
    expect(s).toMatchObject({
      orgUnitId: townId, orgUnitName: '春晖路街道', from: '2026-10-29', to: '2026-11-27',
      found: 5, resolved: 2, resolutionRate: 0.4, open: 2, closed: 0, litigation: 1, flareUps: 0,
      mediations: 3, agreements: 2, medianDaysToResolve: 3,
      referrals: { total: 1, replied: 0, overdue: 0, byUnitKind: [{ unitKind: 'policeStation', count: 1 }] },
    });
    expect(s.byClass).toEqual([
      { code: '02', name: '邻里纠纷', count: 4, resolved: 2 },
      { code: '01', name: expect.any(String), count: 1, resolved: 0 },
    ]);
    expect(s.byTier.map((x: { tier: string }) => x.tier)).toEqual(['onSpot', 'joint', 'escalated']);
    expect(s.byTier.reduce((n: number, x: { count: number }) => n + x.count, 0)).toBe(5);
    expect(s.byRisk.map((x: { risk: string }) => x.risk)).toEqual(['low', 'medium', 'high']);
    expect(s.byRisk.reduce((n: number, x: { count: number }) => n + x.count, 0)).toBe(5);
    expect(s.byHandlingUnit.reduce((n: number, x: { count: number }) => n + x.count, 0)).toBe(5);
    expect(s.byHandlingUnit.every((x: { name: string }) => x.name.length > 0)).toBe(true);
  });

  it('narrows to a community and a period', async () => {
    const c = (await call('GET', `/api/disputes/stats?orgUnitId=${communityId}`, 'leader')).json();
    expect(c).toMatchObject({ found: 4, resolved: 2, resolutionRate: 0.5 });
    const before = (await call('GET', '/api/disputes/stats?from=2026-11-01&to=2026-11-22', 'leader')).json();
    expect(before).toMatchObject({ found: 0, resolved: 0, resolutionRate: null, medianDaysToResolve: null, byClass: [], byHandlingUnit: [] });
    expect((await call('GET', '/api/disputes/stats?from=2026-11-23&to=2026-11-22', 'leader')).statusCode).toBe(400);
  });

  it('keeps to the caller\'s scope and the figure readers', async () => {
    const own = await call('GET', '/api/disputes/stats', 'community');
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ orgUnitId: communityId, found: 4 });
    expect((await call('GET', `/api/disputes/stats?orgUnitId=${townId}`, 'community')).statusCode).toBe(404);
    expect((await call('GET', '/api/disputes/stats', 'gridworker')).statusCode).toBe(403);
    expect((await call('GET', '/api/disputes/stats', 'resident')).statusCode).toBe(403);
    const city = (await call('GET', '/api/disputes/stats', 'admin')).json();
    expect(city.found).toBe(5);
  });
});
