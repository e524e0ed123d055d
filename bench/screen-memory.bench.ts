// Browser memory of the command screen (/screen) after a simulated day of events: Debian's headless Chromium opens the
// wall as the demo leader on a test app (PGlite), then 20,000 case and alarm changes (--quick: 2,000) go out over the
// real /api/events stream in about a minute (pg_notify on the channels the live hub listens to: ~a district's day of
// case steps and alarms, sped up). Each event makes the page patch its windows and re-read the summary (at most every
// 5 s, at once for a raised alarm); the summary it reads is the server's first answer with every list replaced by new
// rows each time (new case ids and positions, new alarms, new feed lines, new trend values), so the map's markers, the
// charts and the lists churn through far more data than a real day brings. The JS heap is sampled after a forced GC
// (--js-flags=--expose-gc, --enable-precise-memory-info) after the first paint, once every window is full (the baseline) and every 10 s.
// Checks: heap growth from the baseline < 20 MB, DOM nodes flat, the windows held, and the page re-read what it was told.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../test/support/test-app.ts';
import { signInAs } from '../test/support/browser.ts';
import { CASE_CHANNEL, SCREEN_CHANNEL } from '../src/server/platform/live.ts';
import { SCREEN_WINDOWS } from '../src/shared/screen.ts';
import type { ScreenSummary } from '../src/server/screen/screen-schemas.ts';
import { fmt, rng, type BenchContext } from './harness.ts';

export const name = 'screen-memory';
export const description = 'the wall screen\'s JS heap in Chromium after a simulated 24 hours of live events';

const MB = 1024 * 1024;
const GROWTH_BOUND_MB = 20;

interface Sample { at: number; events: number; heap: number; nodes: number }

async function heapNow(page: Page): Promise<{ heap: number; nodes: number }> {
  return page.evaluate(async () => {
    const w = window as unknown as { gc?: () => void };
    for (let i = 0; i < 3; i++) { w.gc?.(); await new Promise((r) => setTimeout(r, 50)); }
    const mem = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
    return { heap: mem?.usedJSHeapSize ?? -1, nodes: document.getElementsByTagName('*').length };
  });
}

/** The first summary with every list replaced by new rows: `n` makes each answer different. */
function churned(base: ScreenSummary, n: number, random: () => number): ScreenSummary {
  const [w, s, e, nth] = base.unit.bbox ?? [120.1, 30.2, 120.2, 30.3];
  const at = (k: number) => new Date(Date.parse(base.generatedAt) - k * 60_000).toISOString();
  const lights = ['green', 'yellow', 'red', 'none'] as const;
  const grid = base.liveCases[0]?.gridId ?? base.alarms[0]?.gridId ?? null;
  return {
    ...base,
    children: base.children.map((c) => ({ ...c, openCases: Math.floor(random() * 50), redCases: Math.floor(random() * 5), activeAlarms: Math.floor(random() * 3) })),
    liveCases: Array.from({ length: SCREEN_WINDOWS.liveCases }, (_, i) => ({
      id: `bench-case-${n}-${i}`, number: `BENCH${n}${i}`, categoryName: '占道经营', status: 'dispatched' as const, light: lights[i % 4]!,
      lng: w + random() * (e - w), lat: s + random() * (nth - s), gridId: grid, address: `测试地址${i}号`, reportedAt: at(i),
    })),
    alarms: Array.from({ length: SCREEN_WINDOWS.alarms }, (_, i) => ({
      id: `bench-alarm-${n}-${i}`, type: 'sos', typeName: '一键呼救', severity: (['red', 'orange', 'yellow'] as const)[i % 3]!,
      placeName: '测试网格', lng: w + random() * (e - w), lat: s + random() * (nth - s), gridId: grid ?? 'g', raisedAt: at(i), status: 'active' as const,
    })),
    feed: Array.from({ length: SCREEN_WINDOWS.feed }, (_, i) => ({ at: at(i), kind: 'case' as const, text: `上报 占道经营 第${n}轮第${i}条`, refId: `bench-feed-${n}-${i}` })),
    today: base.today.map((f) => ({ ...f, value: f.unit === 'percent' ? random() * 100 : Math.floor(random() * 200) })),
    trends: { days: base.trends.days, series: base.trends.series.map((x) => ({ ...x, values: x.values.map(() => Math.round(random() * 100)) })) },
    ranking: base.ranking.map((r, i) => ({ ...r, value: random() * 100, rank: i + 1, movement: Math.floor(random() * 5) - 2 })),
    generatedAt: new Date().toISOString(),
  };
}

export async function run(ctx: BenchContext): Promise<void> {
  const dist = path.resolve(ctx.env.BENCH_WEB_DIST ?? ctx.env.TEST_WEB_DIST ?? 'dist/web');
  const chromiumPath = ctx.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path.join(dist, 'index.html'))) {
    ctx.skip('screen memory', `build the web app first (npm run build, or set BENCH_WEB_DIST): no ${dist}/index.html`);
    return;
  }
  if (!existsSync(chromiumPath)) {
    ctx.skip('screen memory', `no Chromium at ${chromiumPath} (set CHROMIUM_PATH)`);
    return;
  }
  const events = Math.round(20_000 * ctx.scale);
  const feedMs = Math.max(10_000, Math.round(60_000 * ctx.scale));
  const random = rng(17);

  const t: TestApp = await createTestApp({ webDist: dist });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--use-gl=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic',
      '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--js-flags=--expose-gc', '--enable-precise-memory-info',
    ],
  });
  try {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const grid = (await t.db.query<{ id: string; path: string }>(`select id, path from org_units where name = '春晖社区第1网格'`)).rows[0];
    if (!grid) throw new Error('the demo grid 春晖社区第1网格 is missing');

    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', serviceWorkers: 'block' })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    let first: ScreenSummary | null = null;
    let summaries = 0;
    await page.route('**/api/screen/summary**', async (route) => {
      if (!first) {
        const res = await route.fetch();
        first = (await res.json()) as ScreenSummary;
        summaries++;
        await route.fulfill({ response: res, json: first });
        return;
      }
      summaries++;
      await route.fulfill({ json: churned(first, summaries, random) });
    });
    await signInAs(page, base, 'leader');
    await page.goto(`${base}/screen`);
    await page.getByTestId('wall').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="wall-map"]')?.getAttribute('data-map-ready') === 'true', undefined, { timeout: 60_000 });
    await page.waitForTimeout(2_000);
    const firstPaint = await heapNow(page);
    if (firstPaint.heap < 0) throw new Error('performance.memory is not available in this Chromium');
    ctx.log(`after the first paint: heap ${fmt(firstPaint.heap / MB, 1)} MB, ${fmt(firstPaint.nodes)} DOM nodes`);
    // one event fills every window (the churned summary): the baseline is the page with full windows
    await t.db.query('select pg_notify($1, $2)', [CASE_CHANNEL, JSON.stringify({
      caseId: 'bench-warm-up', number: 'BENCH0', eventId: 999_999, action: 'dispatch', status: 'dispatched', orgPath: grid.path,
      reporterAccountId: null, assignee: null, departmentIds: [], at: new Date().toISOString(),
    })]);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="wall-alarm"]').length >= 50, undefined, { timeout: 30_000 });
    await page.waitForTimeout(2_000);
    const started = Date.now();
    const samples: Sample[] = [{ at: 0, events: 0, ...(await heapNow(page)) }];
    ctx.log(`baseline with full windows: heap ${fmt(samples[0]!.heap / MB, 1)} MB, ${fmt(samples[0]!.nodes)} DOM nodes`);

    // the day's events, in batches spread over feedMs, sampled every 10 s
    const batch = 100;
    const batches = Math.ceil(events / batch);
    let sent = 0;
    let nextSample = 10_000;
    let alarmSeq = 0;
    for (let b = 0; b < batches; b++) {
      const cases: unknown[] = [];
      const alarms: unknown[] = [];
      for (let i = 0; i < batch && sent < events; i++, sent++) {
        const at = new Date().toISOString();
        if (random() < 0.3) {
          const raised = random() < 0.6;
          alarms.push({
            subject: 'alarm', id: `bench-live-alarm-${raised ? ++alarmSeq : Math.max(1, alarmSeq - 3)}`, action: raised ? 'raised' : 'cleared',
            status: raised ? 'active' : 'cleared', orgPath: grid.path, at, type: 'sos', level: 'red', gridId: grid.id,
          });
        } else {
          const statuses = ['reported', 'dispatched', 'in_progress', 'handled', 'closed'];
          cases.push({
            caseId: `bench-live-case-${Math.floor(random() * 5_000)}`, number: `BENCH${sent}`, eventId: 1_000_000 + sent, action: 'dispatch',
            status: statuses[Math.floor(random() * statuses.length)], orgPath: grid.path, reporterAccountId: null, assignee: null, departmentIds: [], at,
          });
        }
      }
      await t.db.query(`select pg_notify($1, c::text) from jsonb_array_elements($2::jsonb) c`, [CASE_CHANNEL, JSON.stringify(cases)]);
      await t.db.query(`select pg_notify($1, c::text) from jsonb_array_elements($2::jsonb) c`, [SCREEN_CHANNEL, JSON.stringify(alarms)]);
      const due = started + Math.round(((b + 1) / batches) * feedMs);
      const elapsed = Date.now() - started;
      if (elapsed >= nextSample) {
        samples.push({ at: elapsed, events: sent, ...(await heapNow(page)) });
        nextSample += 10_000;
      }
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    // the last re-read lands, then the final sample
    await page.waitForTimeout(7_000);
    samples.push({ at: Date.now() - started, events: sent, ...(await heapNow(page)) });

    const baseline = samples[0]!;
    const last = samples.at(-1)!;
    const peak = samples.reduce((m, x) => (x.heap > m.heap ? x : m), baseline);
    const growth = (last.heap - baseline.heap) / MB;
    for (const x of samples) ctx.log(`t=${fmt(x.at / 1000)} s, ${fmt(x.events)} events: heap ${fmt(x.heap / MB, 1)} MB, ${fmt(x.nodes)} DOM nodes`);
    ctx.log(`${fmt(sent)} events in ${fmt((Date.now() - started) / 1000)} s; the page re-read the summary ${summaries - 1} times`);
    const windows = await page.evaluate(() => ({
      alarmRows: document.querySelectorAll('[data-testid="wall-alarm"]').length,
      markers: document.querySelectorAll('[data-testid="wall-map-alarm"]').length,
      feed: document.querySelectorAll('[data-testid="wall-feed"] li').length,
      cases: Number(document.querySelector('[data-testid="wall-map"]')?.getAttribute('data-case-count') ?? -1),
    }));
    ctx.check(`heap growth after ${fmt(sent)} events < ${GROWTH_BOUND_MB} MB`, growth < GROWTH_BOUND_MB,
      `${fmt(baseline.heap / MB, 1)} MB with full windows → ${fmt(last.heap / MB, 1)} MB at the end (${growth >= 0 ? '+' : ''}${fmt(growth, 1)} MB, ×${fmt(last.heap / baseline.heap, 2)} of the full-window baseline, ×${fmt(last.heap / firstPaint.heap, 2)} of the first paint's ${fmt(firstPaint.heap / MB, 1)} MB; peak ${fmt(peak.heap / MB, 1)} MB)`);
    ctx.check('DOM nodes flat (within 10 %)', Math.abs(last.nodes - baseline.nodes) <= baseline.nodes * 0.1,
      `${fmt(baseline.nodes)} → ${fmt(last.nodes)} elements`);
    ctx.check('windows held', windows.alarmRows <= SCREEN_WINDOWS.alarms && windows.markers <= SCREEN_WINDOWS.alarms && windows.feed <= SCREEN_WINDOWS.feed && windows.cases <= SCREEN_WINDOWS.liveCases,
      `${windows.alarmRows} alarm rows, ${windows.markers} alarm markers, ${windows.feed} feed lines, ${windows.cases} case dots`);
    const expected = Math.floor(feedMs / 5_000 / 2);
    ctx.check('live events made the page re-read', summaries - 1 >= expected, `${summaries - 1} re-reads in ${fmt(feedMs / 1000)} s (at least ${expected} expected)`);
    ctx.check('no page errors', errors.length === 0, errors.slice(0, 3).join(' | ') || 'none');
  } finally {
    await browser.close();
    await t.close();
  }
}
