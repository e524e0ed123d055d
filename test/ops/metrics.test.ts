import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { buildApp, type App } from '../../src/server/app.ts';
import { startJobs, type JobDefinition } from '../../src/server/platform/jobs.ts';
import { instrumentJobs, serveWorkerMetrics, type JobLog } from '../../src/server/platform/metrics.ts';
import { storeMessage } from '../../src/server/devices/mqtt/reading-message.ts';

/**
 * GET /metrics (Prometheus text) and the request log: requests counted under their route template, job queue backlogs,
 * live streams, device readings, who may scrape, and one JSON line per request. On PGlite and on PostgreSQL.
 */
let t: TestApp;
let admin: string;
let town: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  town = (await t.db.query<{ id: string }>(`select id from org_units where code = '500199001000'`)).rows[0]!.id;
}, 60_000);
afterAll(async () => { await t?.close(); });

const scrape = async (app = t.app, headers: Record<string, string> = {}) => {
  const res = await app.inject({ method: 'GET', url: '/metrics', headers });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.body;
};

/** The value of the one series whose name and labels start with `series` (labels in the order prom-client writes them). */
const valueOf = (text: string, series: string): number | null => {
  const line = text.split('\n').find((l) => l.startsWith(series));
  return line === undefined ? null : Number(line.slice(line.lastIndexOf(' ') + 1));
};

describe('GET /metrics', () => {
  it('counts a request under its route template, never its URL', async () => {
    const series = 'zhizhi_http_request_duration_seconds_count{method="GET",route="/api/org-units/:id",status="2xx"}';
    const before = valueOf(await scrape(), series) ?? 0;
    const res = await t.app.inject({ method: 'GET', url: `/api/org-units/${town}`, headers: bearer(admin) });
    expect(res.statusCode).toBe(200);
    await t.app.inject({ method: 'GET', url: `/api/org-units/${crypto.randomUUID()}`, headers: bearer(admin) });
    const text = await scrape();
    expect(valueOf(text, series)).toBe(before + 1);
    expect(valueOf(text, 'zhizhi_http_request_duration_seconds_count{method="GET",route="/api/org-units/:id",status="4xx"}')).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(town);
    // the process metrics and the version come along
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(valueOf(text, 'zhizhi_live_listen_resyncs_total')).toBe(0);
    // the pool on PostgreSQL (PGlite is one connection in the process: none shown)
    const pooled = valueOf(text, 'zhizhi_db_pool_connections{pool="primary",state="total"}');
    if (t.db.kind === 'postgres') expect(pooled).toBeGreaterThan(0);
    else expect(pooled).toBeNull();
    expect(text).toMatch(new RegExp(`^zhizhi_build_info\\{version="[^"]+",store="${t.db.kind}",node="[^"]+"\\} 1$`, 'm'));
  });

  it('shows a queue\'s waiting jobs and the age of the oldest, and a worker serves the same on METRICS_PORT', async () => {
    const name = 'metrics-probe';
    const ran: string[] = [];
    const boss = await startJobs(t.db, [{ name, handler: async () => { ran.push('x'); } }], { work: false });
    try {
      await boss.send(name, { n: 1 });
      await boss.send(name, { n: 2 });
      await boss.send(name, { n: 3 }, { startAfter: 3600 });
      const text = await scrape();
      expect(valueOf(text, `zhizhi_job_queue_ready{queue="${name}"}`)).toBe(2);
      expect(valueOf(text, `zhizhi_job_queue_deferred{queue="${name}"}`)).toBe(1);
      expect(valueOf(text, `zhizhi_job_queue_active{queue="${name}"}`)).toBe(0);
      expect(valueOf(text, `zhizhi_job_queue_oldest_ready_seconds{queue="${name}"}`)).toBeGreaterThanOrEqual(0);

      const worker = await serveWorkerMetrics(t.db, {}, 0, '127.0.0.1');
      try {
        const res = await fetch(`http://127.0.0.1:${worker.port}/metrics`);
        expect(res.status).toBe(200);
        const body = await res.text();
        expect(valueOf(body, `zhizhi_job_queue_ready{queue="${name}"}`)).toBe(2);
        expect(body).not.toMatch(/^zhizhi_sse_clients /m);
        expect((await fetch(`http://127.0.0.1:${worker.port}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(403);
      } finally {
        await worker.close();
      }
    } finally {
      await boss.stop({ graceful: false });
    }
    expect(ran).toEqual([]);
  });

  it('counts the live streams open on this node, up when one opens and down when it closes', async () => {
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const ac = new AbortController();
    const res = await fetch(`${base}/api/events`, { headers: bearer(admin), signal: ac.signal });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    await res.body!.getReader().read();
    expect(valueOf(await scrape(), 'zhizhi_sse_clients')).toBe(1);
    ac.abort();
    let open = 1;
    for (let i = 0; i < 200 && open !== 0; i++) {
      await new Promise((r) => setTimeout(r, 25));
      open = valueOf(await scrape(), 'zhizhi_sse_clients') ?? -1;
    }
    expect(open).toBe(0);
    // a stream's length is no latency: it is not in the request histogram
    expect(await scrape()).not.toContain('route="/api/events"');
  });

  it('counts device readings taken in over MQTT, and the messages dropped', async () => {
    const stored = 'zhizhi_readings_total{transport="mqtt",result="stored"}';
    const dropped = 'zhizhi_mqtt_messages_dropped_total';
    const before = await scrape();
    const sink = { submit: async (_id: string, payloads: readonly unknown[]) => ({ stored: payloads.length, duplicates: 0, alarmIds: [] }) };
    await storeMessage(sink, 'device-1', Buffer.from(JSON.stringify({ readings: [{ messageId: 'a' }, { messageId: 'b' }] })), () => undefined);
    await storeMessage(sink, 'device-1', Buffer.from('not json'), () => undefined);
    const after = await scrape();
    expect(valueOf(after, stored)).toBe((valueOf(before, stored) ?? 0) + 2);
    expect(valueOf(after, dropped)).toBe((valueOf(before, dropped) ?? 0) + 1);
  });

  it('answers only this machine when no METRICS_TOKEN is set: not another address, not through a proxy', async () => {
    const far = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.1.2.3' });
    expect(far.statusCode).toBe(403);
    expect(far.json().error.code).toBe('FORBIDDEN');
    const proxied = await t.app.inject({ method: 'GET', url: '/metrics', headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(proxied.statusCode).toBe(403);
  });
});

/** A second node on the same database, as a city runs them: METRICS_TOKEN set, every request logged. */
describe('a node with METRICS_TOKEN set and LOG_REQUESTS=1', () => {
  const lines: string[] = [];
  let node: App;
  beforeAll(async () => {
    const env = { ...t.config.env, NODE_ID: 'api-7', METRICS_TOKEN: 'scrape-me-0123456789' };
    node = await buildApp({ db: t.db, config: { ...t.config, env }, clock: () => t.clock.now, log: { requests: true, stream: { write: (l) => { lines.push(l); } } } });
    await node.ready();
  }, 60_000);
  afterAll(async () => { await node?.close(); });

  it('refuses a scrape without the token or with another one, even from this machine, and answers the token from anywhere', async () => {
    const none = await node.inject({ method: 'GET', url: '/metrics' });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('UNAUTHENTICATED');
    expect(none.body).not.toContain('zhizhi_');
    expect((await node.inject({ method: 'GET', url: '/metrics', headers: bearer('scrape-me-01234567890') })).statusCode).toBe(401);
    const ok = await node.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.1.2.3', headers: bearer('scrape-me-0123456789') });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('node="api-7"');
  });

  it('logs one JSON line per request: requestId, node, method, route template, status and ms; no URL, body or token', async () => {
    lines.length = 0;
    const res = await node.inject({ method: 'GET', url: `/api/org-units/${town}?phone=13912345678`, headers: bearer(admin) });
    expect(res.statusCode).toBe(200);
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 30, msg: 'request', node: 'api-7', method: 'GET', route: '/api/org-units/:id', status: 200, ms: expect.any(Number) });
    expect(logged[0]!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const all = lines.join('\n');
    expect(all).not.toContain('13912345678');
    expect(all).not.toContain(town);
    expect(all).not.toContain(admin);
  });
});

describe('the job log', () => {
  it('logs each job run with its name, ms and outcome', async () => {
    const logged: { level: string; fields: Record<string, unknown> }[] = [];
    const log: JobLog = { info: (f) => logged.push({ level: 'info', fields: f as Record<string, unknown> }), error: (f) => logged.push({ level: 'error', fields: f as Record<string, unknown> }) };
    const [ok, broken] = instrumentJobs<JobDefinition<never>>([
      { name: 'fine', handler: async () => undefined },
      { name: 'broken', handler: async () => { throw new Error('no luck'); } },
    ], log);
    await ok!.handler({} as never);
    await expect(broken!.handler({} as never)).rejects.toThrow('no luck');
    expect(logged).toEqual([
      { level: 'info', fields: { job: 'fine', ms: expect.any(Number), outcome: 'completed' } },
      { level: 'error', fields: { job: 'broken', ms: expect.any(Number), outcome: 'failed', error: { type: 'Error', message: 'no luck' } } },
    ]);
    expect(valueOf(await scrape(), 'zhizhi_job_run_duration_seconds_count{queue="broken",outcome="failed"}')).toBe(1);
  });
});
