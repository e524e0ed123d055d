import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { seedDemoRegistry } from '../../src/server/registry/demo/demo-step.ts';
import { seedDemoTasks, type DemoTasksReport } from '../../src/server/tasks/demo/seed-tasks.ts';
import { demoTasksStep } from '../../src/server/tasks/demo/demo-step.ts';
import { blobStoreOf } from '../../src/server/files/blob-store.ts';
import { loadConfig } from '../../src/server/platform/config.ts';

/**
 * The tasks' demo: four weeks of 春晖路街道's daily lists generated and worked through the tasks' own commands, so the
 * grid worker's phone shows a real morning and the oversight pages a town that has been working its lists.
 */
const NOW = new Date('2026-11-23T09:00:00+08:00');
const TODAY = '2026-11-23';
const SEED = 20_261_123;

const count = async (t: TestApp, sql: string, params: unknown[] = []) => (await t.db.query<{ n: number }>(sql, params)).rows[0]!.n;

async function freshTown(): Promise<{ t: TestApp; report: DemoTasksReport; seconds: number }> {
  const t = await createTestApp();
  await seedDemoRegistry(t.db, { now: NOW, seed: SEED, pii: t.app.pii });
  const started = performance.now();
  const report = (await seedDemoTasks(t.db, { now: NOW, seed: SEED, blobs: blobStoreOf(t.config), pii: t.app.pii }))!;
  const seconds = (performance.now() - started) / 1000;
  t.clock.set(NOW);
  return { t, report, seconds };
}

describe('the demo tasks', () => {
  let t: TestApp;
  let report: DemoTasksReport;
  let seconds = 0;
  let gridworker: { id: string; grid: string };

  beforeAll(async () => {
    ({ t, report, seconds } = await freshTown());
    const r = (await t.db.query<{ id: string; grid: string }>(`select id, scope_org_unit_id as grid from accounts where username = 'gridworker'`)).rows[0]!;
    gridworker = r;
  }, 600_000);
  afterAll(async () => t?.close());

  it('generates and works a month of lists through the commands, none refused, in a few seconds', async () => {
    console.log(`demo tasks in ${seconds.toFixed(1)} s`, report);
    console.log((await t.db.query(`select kind, status, count(*)::int as n from tasks where grid_id = $1 group by 1, 2 order by 1, 2`, [gridworker.grid])).rows);
    expect(report.failures).toEqual([]);
    expect(report.days).toBe(32);
    const span = (await t.db.query<{ days: number; first: string }>(
      `select count(distinct day)::int as days, to_char(min(day), 'YYYY-MM-DD') as first from task_generation_runs`)).rows[0]!;
    expect(span.days).toBe(32);
    expect(span.first).toBe('2026-10-23');
    expect(report.visits).toBeGreaterThan(200);
    expect(report.cases).toBe(3);
    const doneDays = await count(t, `select count(distinct (done_at at time zone 'Asia/Shanghai')::date)::int as n from tasks where status = 'done'`);
    expect(doneDays).toBeGreaterThanOrEqual(18);
  });

  it('leaves the grid worker a real morning: today\'s new tasks and a handful overdue, the "+1" among them', async () => {
    const token = await t.login('gridworker');
    const res = await t.app.inject({ method: 'GET', url: '/api/tasks?assignee=me', headers: bearer(token) });
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as { items: { status: string; overdue: boolean; title: string }[] };
    const phone = list.items.filter((x) => x.status === 'open');
    console.log(`the phone's list: ${phone.length} open, ${phone.filter((x) => x.overdue).length} overdue`, phone.map((x) => x.title));
    const open = await t.db.query<{ due: string; starts: string; kind: string }>(
      `select to_char(due_on, 'YYYY-MM-DD') as due, to_char(starts_on, 'YYYY-MM-DD') as starts, kind from tasks where assignee_id = $1 and status = 'open' and starts_on <= $2::date`,
      [gridworker.id, TODAY]);
    const overdue = open.rows.filter((x) => x.due < TODAY).length;
    console.log(`gridworker's list today: ${open.rows.length} open, ${overdue} overdue`, open.rows.map((x) => x.kind));
    expect(phone.length).toBe(open.rows.length);
    expect(phone.filter((x) => x.overdue).length).toBe(overdue);
    expect(overdue).toBeGreaterThanOrEqual(2);
    expect(overdue).toBeLessThanOrEqual(12);
    expect(open.rows.some((x) => x.starts === TODAY)).toBe(true);
    expect(open.rows.some((x) => x.kind === 'assigned')).toBe(true);
  });

  it('records visits near the households (a few far), moves last visits, and puts three findings in cases', async () => {
    const visits = await count(t, 'select count(*)::int as n from visits');
    const far = await count(t, 'select count(*)::int as n from visits where far');
    expect(visits).toBe(report.visits);
    expect(far).toBeGreaterThan(0);
    expect(far).toBeLessThan(visits / 10);
    expect(await count(t, 'select count(*)::int as n from visits where not far and distance_m > 100')).toBe(0);
    expect(await count(t, `select count(*)::int as n from registry_households where last_visited_on is not null`)).toBeGreaterThan(50);
    expect(await count(t, `select count(*)::int as n from registry_residents where last_visited_on >= $1::date`, ['2026-11-16'])).toBeGreaterThan(30);
    expect(await count(t, 'select count(*)::int as n from visits v join cases c on c.id = v.case_id where c.source = $1', ['visit'])).toBe(3);
    expect(await count(t, `select count(*)::int as n from visits where cardinality(photos) > 0`)).toBeGreaterThan(5);
  });

  it('has the campaign mostly done, the absence handed over and one "+1"', async () => {
    const c = (await t.db.query<{ total: number; done: number }>(
      `select count(*)::int as total, count(*) filter (where status = 'done')::int as done from tasks where kind = 'campaign'`)).rows[0]!;
    expect(c.total).toBeGreaterThanOrEqual(10);
    expect(c.done).toBeGreaterThan(c.total / 2);
    const absence = (await t.db.query<{ handed_over: number }>('select handed_over from staff_absences')).rows;
    expect(absence.length).toBe(1);
    expect(absence[0]!.handed_over).toBeGreaterThan(0);
    expect(await count(t, `select count(*)::int as n from tasks where kind = 'assigned'`)).toBe(1);
  });

  it('shows the town\'s communities and the community\'s grids at different rates, the demo community ahead', async () => {
    interface Row { name: string; completionRate: number | null; tasksDue: number }
    interface Progress { children: Row[]; workers: (Row & { gridNames: string[] })[] }
    const progress = async (user: string) => {
      const res = await t.app.inject({ method: 'GET', url: '/api/tasks/progress?from=2026-10-23&to=2026-11-23', headers: bearer(await t.login(user)) });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Progress;
    };
    const town = await progress('leader');
    const rate = (r: Row) => r.completionRate ?? 0;
    console.log(town.children.map((c) => `${c.name} ${c.tasksDue} ${rate(c).toFixed(2)}`).join('; '));
    const chunhui = town.children.find((c) => c.name === '春晖社区')!;
    expect(rate(chunhui)).toBeGreaterThan(0.6);
    for (const c of town.children) expect(rate(c)).toBeLessThanOrEqual(rate(chunhui));
    const community = await progress('community');
    console.log(community.children.map((c) => `${c.name} ${c.tasksDue} ${rate(c).toFixed(2)}`).join('; '));
    expect(new Set(community.children.map((c) => rate(c).toFixed(2))).size).toBeGreaterThanOrEqual(4);
    const first = community.children.find((c) => c.name === '春晖社区第1网格')!;
    expect(rate(first)).toBeGreaterThan(0.85);
    expect(community.workers.length).toBeGreaterThanOrEqual(2);
  });

  it('makes the same history from the same seed', async () => {
    const again = await freshTown();
    try {
      const strip = (r: DemoTasksReport) => ({ ...r, generationMs: 0 });
      expect(strip(again.report)).toEqual(strip(report));
      const byKind = 'select kind, status, count(*)::int as n from tasks group by 1, 2 order by 1, 2';
      expect((await again.t.db.query(byKind)).rows).toEqual((await t.db.query(byKind)).rows);
    } finally {
      await again.t.close();
    }
  }, 600_000);

  it('does nothing a second time, nor unless DEMO_HISTORY is on, nor in production', async () => {
    const tasks = await count(t, 'select count(*)::int as n from tasks');
    const run = (env: Record<string, string>) => demoTasksStep.run({ db: t.db, config: loadConfig({ ...env, DATA_DIR: t.config.dataDir }), now: NOW, seed: SEED });
    expect(await run({})).toBeNull();
    expect(await run({ NODE_ENV: 'production', DEMO_HISTORY: 'on' })).toBeNull();
    expect(await run({ DEMO_HISTORY: 'on' })).toBeNull();
    expect(await count(t, 'select count(*)::int as n from tasks')).toBe(tasks);
  });
});
