// 三级五星评价 (issue 17): ratings computed from the indicators' roll-ups by the city's default rule (hand-worked
// scores), vetoes capping the stars, computed ratings seen only by judges until published, peers' published ratings
// seen inside the town, appeals by the rated unit only (one open at a time) answered once by the judges above, rules
// checked and versioned, the towns' reviews of the departments they sent cases to — all audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';

let t: TestApp;
const tok: Record<string, string> = {};
let g1: string;
let g2: string;
let town: string;

const get = (url: string, who: string) => t.app.inject({ method: 'GET', url, headers: bearer(tok[who]!) });
const post = (url: string, who: string, payload: object = {}, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, headers: { ...bearer(tok[who]!), ...headers }, payload });
const put = (url: string, who: string, payload: object) => t.app.inject({ method: 'PUT', url, headers: bearer(tok[who]!), payload });

async function rollups(unitId: string, period: string, sums: Record<string, number>) {
  for (const [measure, value] of Object.entries(sums)) {
    await t.db.query(`insert into indicator_rollups (org_unit_id, period, measure, value) values ($1, $2, $3, $4)
      on conflict (org_unit_id, period, measure) do update set value = excluded.value`, [unitId, period, measure, value]);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident', 'department']) tok[u] = await t.login(u);
  const grid = (await t.db.query<{ id: string; parent_id: string }>('select id, parent_id from org_units where code = $1', [DEMO_GRID])).rows[0]!;
  g1 = grid.id;
  g2 = (await t.db.query<{ id: string }>(`select id from org_units where parent_id = $1 and level = 'grid' and id <> $2 order by path limit 1`, [grid.parent_id, g1])).rows[0]!.id;
  town = (await t.db.query<{ id: string }>(`select t.id from org_units t, org_units g where g.id = $1 and t.level = 'town' and left(g.path, length(t.path)) = t.path`, [g1])).rows[0]!.id;
  // 第1网格, October: 结案率 14/20 = 70 % → 25·(70−60)/35 = 7.14; 按期结案率 14/14 → 20; 满意率 10/10 → 20;
  // 任务完成率 10/10 → 20; 网格员活跃度 30/30 → 15: score 82.14 → 82.1, 4 stars
  await rollups(g1, '2026-10', { casesDue: 20, casesClosed: 14, casesClosedOnTime: 14, casesRated: 10, casesSatisfied: 10, tasksDue: 10, tasksDone: 10, gridWorkerDays: 30, gridWorkerActiveDays: 30 });
  // the neighbour grid: everything full (100) but a major incident → two stars at most
  await rollups(g2, '2026-10', { casesDue: 10, casesClosed: 10, casesClosedOnTime: 10, casesRated: 5, casesSatisfied: 5, tasksDue: 4, tasksDone: 4, gridWorkerDays: 30, gridWorkerActiveDays: 30, incidentsMajor: 1 });
});
afterAll(async () => { await t?.close(); });

type Rating = { id: string; orgUnitId: string; score: number; stars: number; status: string; breakdown: { indicatorCode: string; value: number | null; points: number; weight: number }[]; vetoesHit: { code: string }[]; appeal: { status: string } | null; policies: string[] };
const ratingOf = async (who: string, unit: string, period = '2026-10') => {
  const r = await get(`/api/ratings?level=grid&period=${period}`, who);
  expect(r.statusCode, r.body).toBe(200);
  return (r.json().items as Rating[]).find((x) => x.orgUnitId === unit);
};

describe('compute and publish', () => {
  it('judges compute; the scores are the hand-worked ones; vetoes cap', async () => {
    const r = await post('/api/ratings/compute', 'leader', { level: 'grid', period: '2026-10' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().computed).toBeGreaterThanOrEqual(2);
    const a = (await ratingOf('leader', g1))!;
    expect(a).toMatchObject({ score: 82.1, stars: 4, status: 'computed', vetoesHit: [] });
    expect(a.breakdown.map((b) => [b.indicatorCode, b.value, b.weight, b.points])).toEqual([
      ['closeRate', 70, 25, 7.14], ['onTimeCloseRate', 100, 20, 20], ['satisfiedRate', 100, 20, 20], ['taskCompletionRate', 100, 20, 20], ['gridWorkerActivity', 100, 15, 15],
    ]);
    const b = (await ratingOf('leader', g2))!;
    expect(b).toMatchObject({ score: 100, stars: 2 });
    expect(b.vetoesHit.map((v) => v.code)).toEqual(['majorIncident']);
  });

  it('before publishing only judges see them; bad periods are refused', async () => {
    expect(await ratingOf('gridworker', g1)).toBeUndefined();
    expect((await post('/api/ratings/compute', 'leader', { level: 'grid', period: '2026Q4' })).json().error.code).toBe('PERIOD_INVALID');
    expect((await get('/api/ratings?level=grid&period=2026-13', 'leader')).statusCode).toBe(422);
    expect((await post('/api/ratings/compute', 'gridworker', { level: 'grid', period: '2026-10' })).statusCode).toBe(403);
    // a town is rated from above: its own leader neither sets its rule nor computes or publishes its rating
    for (const path of ['/api/ratings/compute', '/api/ratings/publish']) {
      expect((await post(path, 'leader', { level: 'town', period: '2026-10', townId: town })).statusCode).toBe(403);
      expect((await post(path, 'leader', { level: 'town', period: '2026-10' })).json()).toMatchObject({ towns: 0, computed: 0, published: 0 });
    }
    expect((await get('/api/ratings?level=grid&period=2026-10', 'resident')).statusCode).toBe(403);
  });

  it('published: the grid worker sees their grid and their peers; a recompute leaves them alone', async () => {
    const r = await post('/api/ratings/publish', 'leader', { level: 'grid', period: '2026-10' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().published).toBeGreaterThanOrEqual(2);
    const mine = (await ratingOf('gridworker', g1))!;
    expect(mine).toMatchObject({ stars: 4, status: 'published', policies: ['appeal'] });
    expect((await ratingOf('gridworker', g2))).toMatchObject({ stars: 2, policies: [] });
    await rollups(g1, '2026-10', { casesClosed: 20, casesClosedOnTime: 20 });
    expect((await post('/api/ratings/compute', 'leader', { level: 'grid', period: '2026-10' })).json().computed).toBe(0);
    expect((await ratingOf('leader', g1))!.score).toBe(82.1);
    // a quarter is the mean of its months (only October here)
    expect((await ratingOf('gridworker', g1, '2026Q4'))).toMatchObject({ score: 82.1, stars: 4 });
    // a department reads no territory's rating
    expect((await get('/api/ratings?level=grid&period=2026-10', 'department')).json().items).toEqual([]);
  });
});

describe('appeals', () => {
  let appealId: string;
  it('only the rated unit appeals, one open at a time, idempotent', async () => {
    const mine = (await ratingOf('gridworker', g1))!;
    const other = (await ratingOf('gridworker', g2))!;
    const a = await post(`/api/ratings/${mine.id}/appeal`, 'gridworker', { reason: '本月有3件案件因上级部门原因延期，结案率不应扣分' }, { 'idempotency-key': 'appeal-1' });
    expect(a.statusCode, a.body).toBe(201);
    appealId = a.json().id;
    expect(a.json()).toMatchObject({ status: 'open', scoreBefore: 82.1, starsBefore: 4, byName: '李明辉', policies: [] });
    const again = await post(`/api/ratings/${mine.id}/appeal`, 'gridworker', { reason: '重复' }, { 'idempotency-key': 'appeal-1' });
    expect(again.json().id).toBe(appealId);
    const second = await post(`/api/ratings/${mine.id}/appeal`, 'gridworker', { reason: '再次申诉' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('APPEAL_STATE_CONFLICT');
    const notMine = await post(`/api/ratings/${other.id}/appeal`, 'gridworker', { reason: '不服' });
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().error.code).toBe('APPEAL_NOT_OWN');
    expect((await post(`/api/ratings/${mine.id}/appeal`, 'community', { reason: '代为申诉' })).json().error.code).toBe('APPEAL_NOT_OWN');
    expect((await post(`/api/ratings/${mine.id}/appeal`, 'gridworker', { reason: '' })).statusCode).toBe(400);
  });

  it('the appeal is seen by the rated and the judges, not by peers', async () => {
    expect((await get('/api/ratings/appeals?status=open', 'leader')).json().items.map((a: { id: string; policies: string[] }) => [a.id, a.policies])).toEqual([[appealId, ['answer']]]);
    expect((await get('/api/ratings/appeals', 'gridworker')).json().items).toHaveLength(1);
    expect((await ratingOf('gridworker', g1))!.appeal).toMatchObject({ status: 'open' });
    expect((await ratingOf('gridworker', g1))!.policies).toEqual([]);
  });

  it('a judge upholds with stars; the before and after are kept; answered once', async () => {
    expect((await post(`/api/ratings/appeals/${appealId}/answer`, 'gridworker', { decision: 'upheld', answer: '同意' })).statusCode).toBe(403);
    const r = await post(`/api/ratings/appeals/${appealId}/answer`, 'leader', { decision: 'upheld', answer: '经核实，3件案件延期系区级部门原因，调整为五星', stars: 5 });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'upheld', scoreBefore: 82.1, starsBefore: 4, scoreAfter: 82.1, starsAfter: 5, answeredByName: '陈志明', policies: [] });
    expect((await ratingOf('gridworker', g1))).toMatchObject({ stars: 5, appeal: { status: 'upheld' }, policies: ['appeal'] });
    const again = await post(`/api/ratings/appeals/${appealId}/answer`, 'leader', { decision: 'rejected', answer: '改主意' });
    expect(again.json().error.code).toBe('APPEAL_STATE_CONFLICT');
  });

  it('upheld without stars recomputes from the current figures; rejected keeps the rating', async () => {
    const mine = (await ratingOf('gridworker', g1))!;
    const a = (await post(`/api/ratings/${mine.id}/appeal`, 'gridworker', { reason: '结案数已更正为20件' })).json();
    const r = await post(`/api/ratings/appeals/${a.id}/answer`, 'leader', { decision: 'upheld', answer: '按更正后的数据重新计算' });
    expect(r.json()).toMatchObject({ scoreAfter: 100, starsAfter: 5 });
    expect((await ratingOf('leader', g1))!.breakdown[0]).toMatchObject({ value: 100, points: 25 });
    const b = (await post(`/api/ratings/${mine.id}/appeal`, 'gridworker', { reason: '再议' })).json();
    const rej = await post(`/api/ratings/appeals/${b.id}/answer`, 'leader', { decision: 'rejected', answer: '数据无误，维持原评价' });
    expect(rej.json()).toMatchObject({ status: 'rejected', scoreAfter: 100, starsAfter: 5 });
  });
});

describe('rules', () => {
  it('a town starts on the city default, saves its own with checks and versions', async () => {
    const r = await get('/api/ratings/rules?level=grid', 'leader');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ cityDefault: true, version: 0, thresholds: [90, 80, 70, 60, 50], policies: ['update'] });
    const items = r.json().items.map(({ indicatorCode, weight, full, zero }: { indicatorCode: string; weight: number; full: number; zero: number }) => ({ indicatorCode, weight, full, zero }));
    const bad = await put('/api/ratings/rules?level=grid', 'leader', { items: items.slice(1), thresholds: [90, 80, 70, 60, 50], vetoes: [], version: 0 });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.reasons).toContain('各项分值合计须为100分（现为75分）');
    const unknown = await put('/api/ratings/rules?level=grid', 'leader', { items: [{ ...items[0], indicatorCode: 'nope', weight: 100 }], thresholds: [90, 80, 70, 60, 50], vetoes: [], version: 0 });
    expect(unknown.json().error.details.reasons).toContain('指标 nope 不存在');
    const ok = await put('/api/ratings/rules?level=grid', 'leader', { items, thresholds: [95, 85, 75, 65, 55], vetoes: r.json().vetoes, version: 0 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ cityDefault: false, version: 1, thresholds: [95, 85, 75, 65, 55] });
    expect((await put('/api/ratings/rules?level=grid', 'leader', { items, thresholds: [95, 85, 75, 65, 55], vetoes: [], version: 0 })).statusCode).toBe(409);
    expect((await put('/api/ratings/rules?level=grid', 'gridworker', { items, thresholds: [95, 85, 75, 65, 55], vetoes: [], version: 1 })).statusCode).toBe(403);
    // November by the town's rule: 第1网格 82.1 under 95/85/75/65/55 → 3 stars
    await rollups(g1, '2026-11', { casesDue: 20, casesClosed: 14, casesClosedOnTime: 14, casesRated: 10, casesSatisfied: 10, tasksDue: 10, tasksDone: 10, gridWorkerDays: 30, gridWorkerActiveDays: 30 });
    await post('/api/ratings/compute', 'leader', { level: 'grid', period: '2026-11', townId: town });
    expect((await ratingOf('leader', g1, '2026-11'))).toMatchObject({ score: 82.1, stars: 3 });
  });
});

describe('反向评价', () => {
  let dep: string;
  it('the town rates the departments it sent cases to; the department reads them without the author', async () => {
    dep = (await t.db.query<{ department_id: string }>(`select m.department_id from department_members m join accounts a on a.id = m.account_id where a.username = 'department'`)).rows[0]!.department_id;
    const here = await gridCentre(t.db, DEMO_GRID);
    const c = await post('/api/cases', 'gridworker', { categoryCode: 'E0101', description: '道路破损', location: here });
    expect(c.statusCode, c.body).toBe(201);
    await t.db.query(`update cases set department_ids = array[$2]::text[], created_at = '2026-10-15T10:00:00+08:00' where id = $1`, [c.json().id, dep]);
    const list = await get('/api/ratings/departments?period=2026-10', 'leader');
    expect(list.statusCode, list.body).toBe(200);
    const row = list.json().items.find((x: { departmentId: string }) => x.departmentId === dep);
    expect(row).toMatchObject({ casesCount: 1, evaluation: null, policies: ['evaluate'] });
    const bad = await post('/api/ratings/departments', 'leader', { period: '2026-10', departmentId: dep, scores: { timeliness: 6, quality: 4, cooperation: 4 }, comment: '' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('EVALUATION_INVALID');
    const ok = await post('/api/ratings/departments', 'dispatcher', { period: '2026-10', departmentId: dep, scores: { timeliness: 5, quality: 4, cooperation: 4 }, comment: '响应快，个别案件返工' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().items.find((x: { departmentId: string }) => x.departmentId === dep).evaluation).toMatchObject({ mean: 4.3, byName: '刘晓燕' });
    const mine = await get('/api/ratings/departments?period=2026-10', 'department');
    expect(mine.json()).toMatchObject({ view: 'department', summary: { count: 1, mean: 4.3 } });
    expect(mine.json().items[0].evaluation).toMatchObject({ comment: '响应快，个别案件返工', byName: null });
    expect(JSON.stringify(mine.json())).not.toContain('刘晓燕');
    // a department not sent any case that month
    const none = await post('/api/ratings/departments', 'leader', { period: '2026-09', departmentId: dep, scores: { timeliness: 5, quality: 5, cooperation: 5 }, comment: '' });
    expect(none.json().error.details.reasons).toContain('本期未向该部门派遣案件，无需评价');
    expect((await post('/api/ratings/departments', 'gridworker', { period: '2026-10', departmentId: dep, scores: { timeliness: 5, quality: 5, cooperation: 5 }, comment: '' })).statusCode).toBe(403);
    expect((await get('/api/ratings/departments?period=2026-10', 'resident')).statusCode).toBe(403);
  });

  it('every change is audited', async () => {
    const { rows } = await t.db.query<{ action: string }>(`select distinct action from audit_log where action like 'ratings.%' order by action`);
    expect(rows.map((r) => r.action)).toEqual(['ratings.appeal', 'ratings.appeal.answer', 'ratings.compute', 'ratings.department.evaluate', 'ratings.publish', 'ratings.rules.save']);
  });
});
