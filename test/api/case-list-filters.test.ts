import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, RURAL_GRID, gridCentre } from '../support/places.ts';
import { sweepSla } from '../../src/server/cases/sweep-sla.ts';

// The history search of the workbench (text, state, category, unit, channel, reporting dates, paged with a total)
// and the leader's overview figures: every filter narrows what the caller may see, none widens it.
let t: TestApp;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const numbers: Record<string, string> = {};
let unit: (code: string) => Promise<string>;

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['leader', 'dispatcher', 'gridworker', 'resident', 'community', 'town2-leader1']) tokens[u] = await t.login(u);
  unit = async (code) => (await t.db.query<{ id: string }>('select id from org_units where code = $1', [code])).rows[0]!.id;
  const here = await gridCentre(t.db, DEMO_GRID);
  const rural = await gridCentre(t.db, RURAL_GRID);
  const report = async (key: string, who: string, body: object) => {
    const r = await call('POST', '/api/cases', who, body);
    expect(r.statusCode, r.body).toBe(201);
    ids[key] = r.json().id;
    numbers[key] = r.json().number;
    t.clock.advance(60_000); // one a minute: newest first is a known order
  };
  // yesterday: a grid worker's report, accepted and rejected the same day
  t.clock.set(new Date('2026-11-22T10:00:00+08:00'));
  await report('old', 'gridworker', { categoryCode: 'C0101', description: '旧井盖缺失', location: here, address: '春晖路1号' });
  expect((await act(ids.old!, 'reject', 'dispatcher', { reason: '重复上报' })).statusCode).toBe(200);
  // today (the test clock's 2026-11-23)
  t.clock.set(new Date('2026-11-23T09:00:00+08:00'));
  await report('lamp', 'dispatcher', { categoryCode: 'C0201', description: '路灯不亮，晚上很黑', location: here, address: '春晖路88号', source: 'hotline' });
  await report('cover', 'gridworker', { categoryCode: 'C0101', description: '井盖破损', location: here, address: '幸福巷3号' });
  await report('mine', 'resident', { categoryCode: 'C0101', description: '小区门口井盖松动', location: here });
  await report('rural', 'town2-leader1', { categoryCode: 'C0101', description: '青杠镇井盖缺失', location: rural, address: '青杠老街' });
  t.clock.advance(30 * 60_000);
  expect((await act(ids.lamp!, 'accept', 'dispatcher')).statusCode).toBe(200);
});
afterAll(async () => { await t.close(); });

const call = (method: 'GET' | 'POST', url: string, who: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });
const act = (id: string, action: string, who: string, body: object = {}) => call('POST', `/api/cases/${id}/actions/${action}`, who, body);
/** the test's cases a caller lists with these query parameters, by their keys, in the answer's order */
async function listed(who: string, query: string): Promise<string[]> {
  const r = await call('GET', `/api/cases?limit=200&${query}`, who);
  expect(r.statusCode, r.body).toBe(200);
  const byId = new Map(Object.entries(ids).map(([k, id]) => [id, k]));
  return r.json().items.flatMap((c: { id: string }) => (byId.has(c.id) ? [byId.get(c.id)!] : []));
}

describe('the history search', () => {
  it.each([
    ['closed and rejected cases', 'status=closed&status=rejected', ['old']],
    ['text in the description', `q=${encodeURIComponent('路灯')}`, ['lamp']],
    ['text in the address', `q=${encodeURIComponent('幸福巷')}`, ['cover']],
    ['part of the number', () => `q=${numbers.cover!.slice(-13)}`, ['cover']],
    ['a category', 'category=C0201', ['lamp']],
    ['two categories', 'category=C0201&category=C0101', ['mine', 'cover', 'lamp', 'old']],
    ['a channel', 'source=hotline', ['lamp']],
    ['two channels', 'source=hotline&source=resident', ['mine', 'lamp']],
    ['reported yesterday', 'from=2026-11-22&to=2026-11-22', ['old']],
    ['reported from today', 'from=2026-11-23', ['mine', 'cover', 'lamp']],
    ['reported up to yesterday', 'to=2026-11-22', ['old']],
    ['filters combine', `source=gridWorker&category=C0101&from=2026-11-23&q=${encodeURIComponent('井盖')}`, ['cover']],
    ['a wildcard is a character, not a pattern', `q=${encodeURIComponent('%')}`, []],
  ] as const)('%s', async (_, query, expected) => {
    expect(await listed('dispatcher', typeof query === 'function' ? query() : query)).toEqual(expected);
  });

  it('a grid filter narrows to the grid', async () => {
    expect(await listed('leader', `orgUnitId=${await unit(DEMO_GRID)}&from=2026-11-23`)).toEqual(['mine', 'cover', 'lamp']);
  });

  it('pages by cursor, with the total of all pages when asked', async () => {
    const first = (await call('GET', '/api/cases?limit=2&total=true&category=C0101', 'leader')).json();
    expect(first.total).toBe(3);
    expect(first.items).toHaveLength(2);
    const second = (await call('GET', `/api/cases?limit=2&total=true&category=C0101&cursor=${first.nextCursor}`, 'leader')).json();
    expect(second).toMatchObject({ total: 3, nextCursor: null });
    expect([...first.items, ...second.items].map((c: { id: string }) => c.id)).toEqual([ids.mine, ids.cover, ids.old]);
    expect((await call('GET', '/api/cases?limit=2', 'leader')).json().total).toBeUndefined();
  });

  it('refuses a range that ends before it begins, and dates that are not dates', async () => {
    for (const q of ['from=2026-11-23&to=2026-11-22', 'from=2026-13-01', 'to=yesterday', 'source=fax', 'category=' + 'X'.repeat(11)]) {
      const r = await call('GET', `/api/cases?${q}`, 'dispatcher');
      expect(r.statusCode, q).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('a filter never widens the caller\'s scope', () => {
  it.each([
    // the other town's case stays out for 春晖路街道's staff, whatever they ask for
    ['dispatcher', `orgUnitId=__rural`, []],
    ['leader', `q=${encodeURIComponent('青杠')}`, []],
    ['leader', 'category=C0101&source=gridWorker&source=resident&source=hotline&source=visit', ['mine', 'cover', 'old']],
    // the other town's staff see their own case only
    ['town2-leader1', 'category=C0101&category=C0201', ['rural']],
    ['town2-leader1', `orgUnitId=__demo`, []],
    // a resident sees only what they reported
    ['resident', 'category=C0101&category=C0201', ['mine']],
    ['resident', `orgUnitId=__demo&from=2026-11-01`, ['mine']],
    ['resident', 'source=hotline', []],
    // a grid worker: its grid and its own reports, not the whole town
    ['gridworker', `orgUnitId=__town&from=2026-11-23`, ['mine', 'cover', 'lamp']],
  ] as const)('%s with %s', async (who, query, expected) => {
    const q = query.replace('__rural', await unit(RURAL_GRID)).replace('__demo', await unit(DEMO_GRID))
      .replace('__town', await unit('500199001000'));
    expect(await listed(who, q)).toEqual(expected);
  });

  it('counts within the scope too', async () => {
    const total = async (who: string) => (await call('GET', '/api/cases?total=true&category=C0101', who)).json().total;
    expect({ resident: await total('resident'), rural: await total('town2-leader1'), leader: await total('leader') })
      .toEqual({ resident: 1, rural: 1, leader: 3 });
  });
});

describe('the overview figures', () => {
  it('counts the leader\'s town: today\'s reports, acceptances, open cases by light, category and board', async () => {
    const r = await call('GET', '/api/cases/figures', 'leader');
    expect(r.statusCode, r.body).toBe(200);
    const f = r.json();
    expect(f).toMatchObject({
      day: '2026-11-23', reportedToday: 3, acceptedToday: 1, closedToday: 0, open: 3, overdue: 0, escalated: 0,
      lights: { green: 3, yellow: 0, red: 0, none: 0 }, avgAcceptMinutes: 34, // reported at 09:00, accepted at 09:34
    });
    expect(f.byCategory).toEqual([
      { code: 'C0101', name: '井盖破损缺失', count: 2 },
      { code: 'C0201', name: expect.any(String), count: 1 },
    ]);
    expect(f.byBoard).toEqual([{ boardId: null, name: null, count: 3 }]);
  });

  it('follows the lights and dispatches as time and the loop go on', async () => {
    const post = (await t.db.query<{ id: string; board_id: string; board: string }>(
      `select p.id, p.board_id, b.name as board from posts p join boards b on b.id = p.board_id where p.code = 'JJ-CSGX' and p.town_id = $1`,
      [await unit('500199001000')])).rows[0]!;
    const d = await act(ids.lamp!, 'dispatch', 'dispatcher', { assignee: { postId: post.id }, reason: '路灯归城市更新岗' });
    expect(d.statusCode, d.body).toBe(200);
    t.clock.set(new Date('2026-11-25T09:00:00+08:00')); // two days on: the accept clocks of the two others ran out
    await sweepSla(t.db, t.clock.now);
    for (const u of Object.keys(tokens)) tokens[u] = await t.login(u); // the sessions ran out meanwhile
    const f = (await call('GET', '/api/cases/figures', 'leader')).json();
    const escalated = (await t.db.query<{ n: number }>(
      `select count(*)::int as n from cases where escalated_at is not null and status not in ('closed','rejected') and id = any($1)`, [[ids.lamp, ids.cover, ids.mine]])).rows[0]!.n;
    expect(f).toMatchObject({ day: '2026-11-25', reportedToday: 0, acceptedToday: 0, closedToday: 0, open: 3, escalated });
    expect(escalated).toBeGreaterThan(0);
    // the overdue figure and the overdue list agree
    expect(f.overdue).toBe(f.lights.red);
    expect(f.overdue).toBe((await call('GET', '/api/cases?overdue=true&total=true', 'leader')).json().total);
    expect(f.lights.green + f.lights.yellow + f.lights.red + f.lights.none).toBe(3);
    expect(f.byBoard).toEqual([{ boardId: null, name: null, count: 2 }, { boardId: post.board_id, name: post.board, count: 1 }]);
  });

  it('counts only what the caller may see', async () => {
    const of = async (who: string) => (await call('GET', '/api/cases/figures', who)).json();
    expect((await of('town2-leader1')).open).toBe(1);
    expect((await of('community')).open).toBe(3);
    expect((await call('GET', '/api/cases/figures', 'resident')).statusCode).toBe(403);
  });
});

describe('the leader reads, and acts on nothing', () => {
  it('has no action on any case, and each is refused', async () => {
    for (const key of ['lamp', 'cover', 'mine']) {
      const c = (await call('GET', `/api/cases/${ids[key]}`, 'leader')).json();
      expect(c.policies, key).toEqual([]);
    }
    for (const [key, action] of [['cover', 'accept'], ['cover', 'accept_dispatch'], ['cover', 'reject'], ['cover', 'escalate'], ['lamp', 'start'], ['lamp', 'report_done'], ['lamp', 'return']] as const) {
      const r = await act(ids[key]!, action, 'leader', { reason: '领导测试' });
      expect(r.statusCode, `${action} ${r.body}`).toBe(403);
    }
  });
});
