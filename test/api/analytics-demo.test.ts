// 高频诉求's demo: 春晖社区's staff make three 15-minute circle projects from its hot spots (done, underway, planned),
// each linked to its cell's cases of the 30 days before it, through the projects' commands; a second run adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { demoAnalytics } from '../../src/server/analytics/demo/analytics-demo.ts';

const DAY = 86_400_000;
let t: TestApp;
let line: string | null;

beforeAll(async () => {
  t = await createTestApp();
  const now = t.clock.now;
  const gw = await t.login('gridworker');
  const here = await gridCentre(t.db, DEMO_GRID);
  const report = async (daysAgo: number, categoryCode: string, dLng: number) => {
    t.clock.set(new Date(now.getTime() - daysAgo * DAY));
    const r = await t.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(gw), payload: { categoryCode, description: '演示', location: { lng: here.lng + dLng, lat: here.lat } } });
    expect(r.statusCode, r.body).toBe(201);
  };
  // three places about 300 m apart, each hot at its own time
  for (const d of [70, 65, 60, 58]) await report(d, 'E0101', 0);
  for (const d of [35, 30, 26, 24]) await report(d, 'E0201', 0.0025);
  for (const d of [15, 10, 6, 5]) await report(d, 'E0101', 0.005);
  t.clock.set(now);
  line = await demoAnalytics({ db: t.db, config: t.config, now, seed: 1 });
}, 300_000);
afterAll(async () => { await t?.close(); });

describe('the analytics demo', () => {
  it('three projects of 春晖社区 — done, underway, planned — linked to their cells\' cases, audited; nothing the second time', async () => {
    expect(line).toMatch(/^春晖社区 15-minute circle projects from its hot spots: 3 \(one done, one underway, one planned\), 12 cases linked/);
    const rows = (await t.db.query<{ status: string; n: number; name: string; created_at: Date }>(
      `select x.status, x.name, x.created_at, (select count(*)::int from circle_project_cases c where c.project_id = x.id) as n from circle_projects x order by x.created_at`)).rows;
    expect(rows.map((r) => [r.status, r.n])).toEqual([['done', 4], ['underway', 4], ['planned', 4]]);
    expect(rows.every((r) => r.created_at <= t.clock.now && /专项整治$/.test(r.name))).toBe(true);
    const audit = (await t.db.query<{ action: string; n: number }>(`select action, count(*)::int as n from audit_log where action like 'circle_project.%' group by 1 order by 1`)).rows;
    expect(audit).toEqual([{ action: 'circle_project.create', n: 3 }, { action: 'circle_project.finish', n: 1 }, { action: 'circle_project.start', n: 2 }]);
    expect(await demoAnalytics({ db: t.db, config: t.config, now: t.clock.now, seed: 1 })).toBeNull();
  });
});
