// City scale (issue 18): on a generated city, the case lists and searches the pages send, the dashboards' figures of a
// town and of the whole city, and one SLA sweep tick — each timed as the pages ask (sequential calls through the app,
// signed in as the roles that use them), against a primary-key read of one case timed the same way in the same run.
// Targets (at 8,000,000 cases): lists and searches p95 < 100 ms; a town's and the city's dashboard p95 < 300 ms; one
// sweep tick with the generated open cases < 1 s.
// Database: BENCH_CITY_DATABASE_URL names one `npm run generate` filled (used as it is; the sweep ticks write what the
// worker would); else a scratch database on BENCH_DATABASE_URL (or TEST_DATABASE_URL) is generated here: scale
// `district` (210,000 cases), `town` with --quick. Generated accounts share one password (BENCH_CITY_PASSWORD, default
// the demo's).
import { createScratchDatabase } from '../test/support/scratch-database.ts';
import { openPostgres, type Db } from '../src/server/platform/db/db.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { buildApp, type App } from '../src/server/app.ts';
import { DEMO_PASSWORD } from '../src/server/platform/seed/seed-demo.ts';
import { sweepSla } from '../src/server/cases/sweep-sla.ts';
import { OPEN_STATUSES } from '../src/shared/cases.ts';
import { generate } from './generate/main.ts';
import { casesStep } from './generate/history/cases-step.ts';
import { deriveSteps } from './generate/derive/index.ts';
import { fmt, rng, type BenchContext } from './harness.ts';

export const name = 'city';
export const description = 'case lists, searches, dashboards and the SLA sweep on a generated city (BENCH_CITY_DATABASE_URL, or generated on BENCH_DATABASE_URL)';

const LIST_P95_MS = 100;
const DASHBOARD_P95_MS = 300;
const SWEEP_MS = 1000;
const BASELINE = 'case by primary key (SQL)';

interface Viewer { username: string; scopeId: string; scopePath: string }

/** The database to measure, and how to let go of it. */
async function database(ctx: BenchContext): Promise<{ url: string; done: () => Promise<void>; now: Date | null } | null> {
  const city = ctx.env.BENCH_CITY_DATABASE_URL;
  if (city) return { url: city, done: async () => undefined, now: null };
  const server = ctx.env.BENCH_DATABASE_URL ?? ctx.env.TEST_DATABASE_URL;
  if (!server) return null;
  const scratch = await createScratchDatabase(server, 'zhizhi_city');
  const scale = ctx.scale < 1 ? 'town' : 'district';
  const now = new Date();
  const t0 = Date.now();
  try {
    // the ground, the cases with their timelines and the roll-ups: what the lists, dashboards and sweep read
    const s = await generate({ scale, databaseUrl: scratch.url, now, dataDir: loadConfig().dataDir, laterSteps: [casesStep, ...deriveSteps], log: () => undefined });
    ctx.log(`generated scale ${scale} in ${((Date.now() - t0) / 1000).toFixed(0)} s (${fmt(s.databaseBytes / 2 ** 20)} MB)`);
  } catch (err) {
    await scratch.drop();
    throw err;
  }
  return { url: scratch.url, done: scratch.drop, now };
}

/** One account of a role whose scope is at a level (the first by username), with its scope. */
async function viewerOf(db: Db, role: string, level: string): Promise<Viewer | null> {
  const r = await db.query<{ username: string; id: string; path: string }>(
    `select a.username, u.id, u.path from accounts a join org_units u on u.id = a.scope_org_unit_id
      where $1 = any(a.roles) and u.level = $2 and a.disabled_at is null order by a.username limit 1`, [role, level]);
  const x = r.rows[0];
  return x ? { username: x.username, scopeId: x.id, scopePath: x.path } : null;
}

async function timeCalls(app: App, token: string, urls: readonly string[], n: number): Promise<{ samples: number[]; failures: string[] }> {
  const samples: number[] = [];
  const failures: string[] = [];
  for (let i = -Math.min(3, urls.length); i < n; i++) {
    const url = urls[((i % urls.length) + urls.length) % urls.length]!;
    const t0 = process.hrtime.bigint();
    const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (i < 0) continue;
    if (res.statusCode !== 200) failures.push(`${url}: ${res.statusCode}`);
    samples.push(ms);
  }
  return { samples, failures };
}

export async function run(ctx: BenchContext): Promise<void> {
  const target = await database(ctx);
  if (!target) {
    ctx.skip('city', 'set BENCH_CITY_DATABASE_URL (a generated city) or BENCH_DATABASE_URL (a role that may create databases)');
    return;
  }
  const db = await openPostgres(target.url, 10);
  let app: App | null = null;
  try {
    const counts = (await db.query<{ cases: number; open: number }>(
      `select (select reltuples::bigint from pg_class where oid = 'cases'::regclass) as cases,
              (select coalesce(sum(n), 0)::bigint from (select n from case_open_counts where kind = 'light'
                 union all select n from case_open_count_changes where kind = 'light') x) as open`)).rows[0]!;
    const now = target.now ?? new Date((await db.query<{ at: Date }>('select max(created_at) as at from cases')).rows[0]!.at.getTime() + 60_000);
    ctx.log(`~${fmt(Number(counts.cases))} cases, ${fmt(Number(counts.open))} open; the app's clock at ${now.toISOString()}`);
    app = await buildApp({ db, config: { ...loadConfig(), webDist: '/nonexistent' }, clock: () => now });
    await app.ready();
    const password = ctx.env.BENCH_CITY_PASSWORD ?? DEMO_PASSWORD;
    const login = async (v: Viewer) => {
      const res = await app!.inject({ method: 'POST', url: '/api/auth/login', payload: { username: v.username, password } });
      if (res.statusCode !== 200) throw new Error(`sign-in of ${v.username}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      return res.json().token as string;
    };
    const [dispatcher, leader, admin, worker] = await Promise.all([
      viewerOf(db, 'dispatcher', 'town'), viewerOf(db, 'leader', 'town'), viewerOf(db, 'admin', 'city'), viewerOf(db, 'gridWorker', 'grid')]);
    if (!dispatcher || !admin) throw new Error('the database has no town dispatcher or city admin to sign in as');
    const tokens = { dispatcher: await login(dispatcher), leader: leader ? await login(leader) : null, admin: await login(admin), worker: worker ? await login(worker) : null };

    const calls = Math.max(20, Math.round(60 * ctx.scale));
    // the baseline: one case by its primary key, over cases of the town
    const ids = (await db.query<{ id: string }>(`select id from cases where org_path like $1 order by created_at desc limit 200`, [`${dispatcher.scopePath}%`])).rows.map((r) => r.id);
    const random = rng(18);
    const base: number[] = [];
    for (let i = -3; i < calls; i++) {
      const t0 = process.hrtime.bigint();
      await db.query('select * from cases where id = $1', [ids[Math.floor(random() * ids.length)]]);
      if (i >= 0) base.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    ctx.latency(BASELINE, base);

    const open = OPEN_STATUSES.map((s) => `status=${s}`).join('&');
    const community = (await db.query<{ id: string }>(`select id from org_units where parent_id = $1 and level = 'community' order by code limit 1`, [dispatcher.scopeId])).rows[0]?.id;
    const category = (await db.query<{ code: string }>(`select category_code as code from cases where org_path like $1 limit 1`, [`${dispatcher.scopePath}%`])).rows[0]?.code;
    const word = (await db.query<{ w: string }>(`select substr(description, 1, 2) as w from cases where org_path like $1 limit 1`, [`${dispatcher.scopePath}%`])).rows[0]?.w ?? '路';
    const day = new Date(now.getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
    const failures: string[] = [];
    const list = async (label: string, token: string | null, urls: string[], targetP95Ms = LIST_P95_MS) => {
      if (!token) { ctx.skip(label, 'no such account in the database'); return; }
      const r = await timeCalls(app!, token, urls, calls);
      failures.push(...r.failures);
      ctx.latency(label, r.samples, { vs: BASELINE, targetP95Ms });
    };

    await list('workbench: town open cases, 200 (dispatcher)', tokens.dispatcher, [`/api/cases?${open}&limit=200`]);
    await list('workbench: a community\'s open cases', tokens.dispatcher, [`/api/cases?${open}&orgUnitId=${community}&limit=200`]);
    await list('workbench: overdue', tokens.dispatcher, [`/api/cases?${open}&overdue=true&limit=200`]);
    await list('workbench: search text among open', tokens.dispatcher, [`/api/cases?${open}&q=${encodeURIComponent(word)}&limit=200`]);
    await list('inbox: assigned to my posts', tokens.dispatcher, ['/api/cases?mine=assigned&status=dispatched&status=in_progress&status=handled&status=closed&limit=200']);
    await list('history: town, 20 with total', tokens.dispatcher, ['/api/cases?limit=20&total=true']);
    await list('history: text search with total', tokens.dispatcher, [`/api/cases?q=${encodeURIComponent(word)}&limit=20&total=true`]);
    await list('history: category, channel, 30 days, total', tokens.dispatcher,
      [`/api/cases?category=${category}&source=gridWorker&source=hotline&from=${day}&limit=20&total=true`]);
    await list('mobile: my reports (grid worker)', tokens.worker, ['/api/cases?mine=reported&limit=20']);
    await list('mobile: my grid\'s open cases', tokens.worker, worker ? [`/api/cases?${open}&orgUnitId=${worker.scopeId}&limit=200`] : []);
    await list('mobile: to verify', tokens.worker, ['/api/cases?mine=verify&limit=20']);
    await list('city: open cases, 200 (admin)', tokens.admin, [`/api/cases?${open}&limit=200`]);
    await list('city: history, 20 (admin)', tokens.admin, ['/api/cases?limit=20']);

    await list('dashboard: town figures (GET /api/cases/figures)', tokens.dispatcher, ['/api/cases/figures'], DASHBOARD_P95_MS);
    await list('dashboard: town screen (leader)', tokens.leader, ['/api/screen/summary'], DASHBOARD_P95_MS);
    await list('dashboard: city figures (admin)', tokens.admin, ['/api/cases/figures'], DASHBOARD_P95_MS);
    await list('dashboard: city screen (admin)', tokens.admin, ['/api/screen/summary'], DASHBOARD_P95_MS);
    await list('dashboard: city drill-down tiles (admin)', tokens.admin, ['/api/screen/children'], DASHBOARD_P95_MS);
    ctx.check('every call answered 200', failures.length === 0, failures.length === 0 ? `${fmt(calls)} calls a row` : failures.slice(0, 3).join('; '));

    // the figures from the roll-ups against the cases counted straight (the only full count of the run)
    const figures = (await app.inject({ method: 'GET', url: '/api/cases/figures', headers: { authorization: `Bearer ${tokens.admin}` } })).json();
    const counted = (await db.query<{ n: number }>(`select count(*)::int as n from cases where status not in ('closed','rejected')`)).rows[0]!.n;
    ctx.check('the city\'s open figure equals the open cases counted', figures.open === counted,
      `${fmt(counted)} open counted, figures say ${fmt(figures.open)}`);

    // SLA sweep: the first tick at the clock takes whatever came due before it (a backlog: the worker sweeps every minute,
    // so only after downtime), untimed as a target; then one tick a minute, each with the cases whose next check came
    const t0 = process.hrtime.bigint();
    const first = await sweepSla(db, now);
    ctx.log(`first sweep tick (the backlog up to the clock): ${fmt(first.checked)} cases checked in ${fmt(Number(process.hrtime.bigint() - t0) / 1e6)} ms`);
    const ticks: number[] = [];
    let checked = 0, changed = 0;
    for (let i = 1; i <= Math.max(5, Math.round(10 * ctx.scale)); i++) {
      const t1 = process.hrtime.bigint();
      const r = await sweepSla(db, new Date(now.getTime() + i * 60_000));
      ticks.push(Number(process.hrtime.bigint() - t1) / 1e6);
      checked += r.checked;
      changed += r.lightChanges;
    }
    ctx.latency(`SLA sweep tick, ${fmt(Number(counts.open))} open`, ticks, { vs: BASELINE, targetP95Ms: SWEEP_MS });
    ctx.log(`the ${ticks.length} ticks a minute apart checked ${fmt(checked)} cases, ${fmt(changed)} lights changed`);
  } finally {
    await app?.close();
    await db.close();
    await target.done();
  }
}
