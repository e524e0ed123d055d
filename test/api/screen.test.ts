import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { collectEvents } from '../support/sse.ts';
import { DEMO_GRID, RURAL_GRID, gridCentre } from '../support/places.ts';
import { insertAlarms } from '../../src/server/alarms/raise-alarms.ts';
import { SCREEN_WINDOWS } from '../../src/shared/screen.ts';

// 一屏统揽 (issue 17): the command screen's first paint for a unit of the caller's scope — fixed windows, scope in SQL,
// nobody's personal data — its drill-down tiles, and alarms and incidents arriving over /api/events.

let t: TestApp;
let base: string;
const tokens: Record<string, string> = {};
interface Grid { id: string; path: string; townId: string; communityId: string; name: string; here: { lng: number; lat: number } }
let demo: Grid;
let rural: Grid;

const get = (url: string, who: string) => t.app.inject({ method: 'GET', url, headers: bearer(tokens[who]!) });
const post = (url: string, who: string, payload: object) => t.app.inject({ method: 'POST', url, headers: bearer(tokens[who]!), payload });

async function gridOf(code: string): Promise<Grid> {
  const r = await t.db.query<{ id: string; path: string; town_id: string; parent_id: string; name: string }>(
    `select g.id, g.path, g.parent_id, g.name, t.id as town_id from org_units g join org_units t on t.level = 'town' and g.path like t.path || '%'
      where g.code = $1`, [code]);
  const g = r.rows[0]!;
  return { id: g.id, path: g.path, townId: g.town_id, communityId: g.parent_id, name: g.name, here: await gridCentre(t.db, code) };
}

/** a device bound to a household (its name names the elder), and one red alarm of it */
async function alarmAt(grid: Grid, name = '王阿姨家门磁'): Promise<string> {
  const id = randomUUID();
  await t.db.query(
    `insert into devices (id, town_id, grid_id, org_path, device_type, profile_id, name, binding_kind, binding_id, lng, lat, address, token_hash, created_at, updated_at)
     values ($1, $2, $3, $4, 'doorMagnet', 'platform-door-magnet', $5, 'household', $6, $7, $8, '春晖路3栋201', 'x', $9, $9)`,
    [id, grid.townId, grid.id, grid.path, name, randomUUID(), grid.here.lng, grid.here.lat, t.clock.now]);
  const [alarmId] = await t.db.transaction((tx) => insertAlarms(tx, [{
    deviceId: id, alarmType: 'inactivity', category: 'care', ruleId: 'no-door', level: 'red', matterCode: 'S0101', raisedAt: t.clock.now,
    details: { afterSec: 86400 },
  }]));
  return alarmId!;
}

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker', 'resident', 'department']) tokens[u] = await t.login(u);
  demo = await gridOf(DEMO_GRID);
  rural = await gridOf(RURAL_GRID);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
}, 300_000);
afterAll(async () => { await t.close(); });

describe('the screen summary', () => {
  let caseId = '';
  let alarmId = '';

  it('answers the leader\'s town with its communities, the newest open cases without the reporter, and the fixed windows', async () => {
    const c = await post('/api/cases', 'resident', { categoryCode: 'C0101', description: '井盖破损', location: demo.here });
    expect(c.statusCode, c.body).toBe(201);
    caseId = c.json().id;
    await post('/api/cases', 'resident', { categoryCode: 'E0101', description: '村道塌方', location: rural.here });
    alarmId = await alarmAt(demo);

    const r = await get('/api/screen/summary', 'leader');
    expect(r.statusCode, r.body).toBe(200);
    const s = r.json();
    expect(s.unit).toMatchObject({ id: demo.townId, level: 'town' });
    expect(s.unit.bbox).toHaveLength(4);
    expect(s.breadcrumb.map((b: { id: string }) => b.id)).toEqual([demo.townId]);
    expect(s.children.length).toBeGreaterThan(0);
    expect(s.children.every((k: { level: string }) => k.level === 'community')).toBe(true);
    const mine = s.children.find((k: { id: string }) => k.id === demo.communityId);
    expect(mine.openCases).toBeGreaterThanOrEqual(1);
    expect(mine.activeAlarms).toBeGreaterThanOrEqual(1);

    expect(s.liveCases.length).toBeLessThanOrEqual(SCREEN_WINDOWS.liveCases);
    const live = s.liveCases.find((x: { id: string }) => x.id === caseId);
    expect(live).toMatchObject({ status: 'reported', gridId: demo.id, categoryName: expect.any(String) });
    expect(Object.keys(live).sort()).toEqual(['address', 'categoryName', 'gridId', 'id', 'lat', 'light', 'lng', 'number', 'reportedAt', 'status']);
    // the rural town's case is not on this town's screen
    expect(s.liveCases.every((x: { gridId: string }) => x.gridId !== rural.id)).toBe(true);
    const times = s.liveCases.map((x: { reportedAt: string }) => x.reportedAt);
    expect([...times].sort().reverse()).toEqual(times);

    const alarm = s.alarms.find((a: { id: string }) => a.id === alarmId);
    expect(alarm).toMatchObject({ severity: 'red', status: 'active', placeName: demo.name, gridId: demo.id, type: 'inactivity' });
    expect(alarm.typeName).toBe('24 小时未开门');
    expect(r.body).not.toContain('王阿姨');
    expect(r.body).not.toMatch(/reporter/i);

    expect(s.trends.days).toHaveLength(SCREEN_WINDOWS.trendDays);
    expect(s.trends.series.every((x: { values: unknown[] }) => x.values.length === SCREEN_WINDOWS.trendDays)).toBe(true);
    expect(s.trends.days.at(-1)).toBe('2026-11-23');
    expect(s.today.map((f: { code: string }) => f.code)).toContain('closeRate');
    expect(s.ranking.length).toBeLessThanOrEqual(SCREEN_WINDOWS.ranking);
    expect(s.feed.length).toBeLessThanOrEqual(SCREEN_WINDOWS.feed);
    expect(s.feed.some((f: { kind: string; refId: string }) => f.kind === 'alarm' && f.refId === alarmId)).toBe(true);
    expect(s.feed.some((f: { kind: string; refId: string }) => f.kind === 'case' && f.refId === caseId)).toBe(true);
    expect(s.stale).toBe(false);
    expect(s.generatedAt).toBe(t.clock.now.toISOString());
  });

  it('drills down to a community and a grid with the same shape, the breadcrumb growing', async () => {
    const c = (await get(`/api/screen/summary?orgUnitId=${demo.communityId}`, 'leader')).json();
    expect(c.breadcrumb.map((b: { id: string }) => b.id)).toEqual([demo.townId, demo.communityId]);
    expect(c.children.some((k: { id: string }) => k.id === demo.id)).toBe(true);
    const g = await get(`/api/screen/summary?orgUnitId=${demo.id}`, 'leader');
    expect(g.statusCode).toBe(200);
    expect(g.json().breadcrumb.map((b: { id: string }) => b.id)).toEqual([demo.townId, demo.communityId, demo.id]);
    expect(g.json().liveCases.some((x: { id: string }) => x.id === caseId)).toBe(true);
    expect(g.json().ranking).toEqual([]);
  });

  it('community staff see their community from its root; the town above and another town answer 404', async () => {
    const r = await get('/api/screen/summary', 'community');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().breadcrumb).toHaveLength(1);
    expect((await get(`/api/screen/summary?orgUnitId=${demo.townId}`, 'community')).statusCode).toBe(404);
    expect((await get(`/api/screen/summary?orgUnitId=${rural.townId}`, 'leader')).statusCode).toBe(404);
    expect((await get(`/api/screen/children?orgUnitId=${rural.id}`, 'leader')).statusCode).toBe(404);
    expect((await get('/api/screen/summary?orgUnitId=nope', 'leader')).statusCode).toBe(404);
  });

  it('grid workers, residents and departments are refused', async () => {
    for (const who of ['gridworker', 'resident', 'department']) {
      expect((await get('/api/screen/summary', who)).statusCode, who).toBe(403);
      expect((await get('/api/screen/children', who)).statusCode, who).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/screen/summary' })).statusCode).toBe(401);
    expect((await get('/api/screen/summary?extra=1', 'leader')).statusCode).toBe(400);
  });

  it('gives the drill-down tiles with their outlines', async () => {
    const r = await get(`/api/screen/children?orgUnitId=${demo.communityId}`, 'dispatcher');
    expect(r.statusCode, r.body).toBe(200);
    const tile = r.json().items.find((x: { id: string }) => x.id === demo.id);
    expect(tile).toMatchObject({ level: 'grid', openCases: expect.any(Number) });
    expect(tile.openCases).toBeGreaterThanOrEqual(1);
    expect(tile.geometry.type).toMatch(/Polygon/);
    expect(tile.bbox).toHaveLength(4);
  });
});

const collect = (token: string, names: string[], count: number, during: () => Promise<void>, ms?: number) =>
  collectEvents(base, token, names, count, during, ms);

describe('alarms and incidents over /api/events', () => {
  it('reach the screen\'s viewers inside their territory, named by place and kind only', async () => {
    let inTown = '';
    const got = await collect(tokens.leader!, ['alarm', 'incident'], 1, async () => {
      await alarmAt(rural, '李大爷家门磁');
      inTown = await alarmAt(demo, '张奶奶家门磁');
    });
    expect(got).toHaveLength(1);
    expect(got[0]!.event).toBe('alarm');
    expect(got[0]!.data).toMatchObject({ subject: 'alarm', id: inTown, action: 'raised', status: 'active', level: 'red', gridId: demo.id, type: 'inactivity' });
    expect(JSON.stringify(got)).not.toMatch(/张奶奶|org_?path/i);
  });

  it('acknowledging and clearing are heard too; a grid worker hears no alarm events', async () => {
    const id = await alarmAt(demo, '3栋门磁');
    const worker: { event: string }[] = [];
    // the raise may still be on its way to the listener when the stream opens (PostgreSQL delivers it on its own connection)
    const heard = await collect(tokens.dispatcher!, ['alarm'], 3, async () => {
      const w = collect(tokens.gridworker!, ['alarm'], 1, async () => undefined, 1500).then((x) => worker.push(...x));
      const a = await post(`/api/alarms/${id}/acknowledge`, 'dispatcher', { version: 1 });
      expect(a.statusCode, a.body).toBe(200);
      const c = await post(`/api/alarms/${id}/clear`, 'dispatcher', { version: 2, note: '已上门查看，老人外出' });
      expect(c.statusCode, c.body).toBe(200);
      await w;
    }, 3000);
    expect(heard.filter((e) => e.data.id === id && e.data.action !== 'raised').map((e) => e.data.action)).toEqual(['acknowledged', 'cleared']);
    expect(worker).toEqual([]);
  });

  it('an incident started and stood down reaches the town\'s screen', async () => {
    const plan = await post('/api/plans', 'leader', { body: {
      name: '春晖路街道河道涨水应急预案', hazard: 'flood', matterCode: 'S0302', summary: '清水河水位超警戒时的处置', levels: ['IV', 'III'],
      triggers: [{ kind: 'manual' }],
      roles: [{ key: 'commander', name: '现场指挥', postCode: 'PA-YJGL', backupAccountIds: [] }],
      steps: [{ key: 'patrol', title: '沿河巡查', roleKey: 'commander', dueOffsetMin: 30, fromLevel: 'IV', checklist: ['查看水位尺'] }],
      resources: [],
      notice: {
        event: '河道涨水', urgency: 'Immediate', severity: null, certainty: 'Likely', headline: '清水河水位上涨，请远离河道',
        description: '清水河水位已超过警戒水位。', instruction: '沿河居民请向高处转移。', areaDesc: '春晖路街道清水河沿岸', expiresAfterH: 12,
      },
    } });
    expect(plan.statusCode, plan.body).toBe(201);
    let incidentId = '';
    const got = await collect(tokens.leader!, ['incident'], 2, async () => {
      const r = await post(`/api/plans/${plan.json().id}/activate`, 'dispatcher', { level: 'IV', reason: '清水河水位超警戒', location: demo.here });
      expect(r.statusCode, r.body).toBe(201);
      incidentId = r.json().id;
      const down = await post(`/api/incidents/${incidentId}/stand-down`, 'dispatcher', { reason: '水位回落' });
      expect(down.statusCode, down.body).toBe(200);
    }, 20_000);
    expect(got.map((e) => [e.data.id, e.data.action, e.data.status])).toEqual([[incidentId, 'activated', 'active'], [incidentId, 'closed', 'closed']]);
    expect(got[0]!.data).toMatchObject({ subject: 'incident', level: 'IV', type: 'flood', title: expect.any(String), number: expect.any(String) });
  });
});
