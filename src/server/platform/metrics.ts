import os from 'node:os';
import http from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import client from 'prom-client';
import type { Db } from './db/db.ts';
import type { JobDefinition } from './jobs.ts';
import { jobQueueDepths } from './job-queue-store.ts';
import { isLocalClient, tokensMatch } from './backup/token.ts';
import { AppError } from './errors.ts';
import { VERSION } from './version.ts';

/**
 * Prometheus metrics (prom-client). Two registries: the process's own (Node's default metrics, device readings taken
 * in, job runs), counted wherever they happen, and one per app or worker for what is read at scrape time (request
 * latencies by route, live streams, job queue backlogs, the connection pool). A scrape answers both.
 * docs/operations.md, "Monitoring".
 */

/** This node's name in logs and metrics: NODE_ID, else HOSTNAME (a container's), else the machine's. */
export function nodeId(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.NODE_ID?.trim() || env.HOSTNAME?.trim() || os.hostname();
}

const processRegistry = new client.Registry();
client.collectDefaultMetrics({ register: processRegistry });

const readings = new client.Counter({
  name: 'zhizhi_readings_total',
  help: 'Device readings taken in, by transport (mqtt, http) and result (stored; duplicate: sent again, stored once)',
  labelNames: ['transport', 'result'] as const,
  registers: [processRegistry],
});
const mqttDropped = new client.Counter({
  name: 'zhizhi_mqtt_messages_dropped_total',
  help: 'MQTT messages acknowledged and dropped: not a reading, or refused (an unknown device, an invalid reading)',
  registers: [processRegistry],
});
const jobRuns = new client.Histogram({
  name: 'zhizhi_job_run_duration_seconds',
  help: 'Job runs on this node by queue and outcome (completed, failed), with their duration',
  labelNames: ['queue', 'outcome'] as const,
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
  registers: [processRegistry],
});

/** Readings stored from one submission (an MQTT message or an HTTP request). */
export function countReadings(transport: 'mqtt' | 'http', outcome: { stored: number; duplicates: number }): void {
  if (outcome.stored > 0) readings.inc({ transport, result: 'stored' }, outcome.stored);
  if (outcome.duplicates > 0) readings.inc({ transport, result: 'duplicate' }, outcome.duplicates);
}

export function countDroppedMqttMessage(): void {
  mqttDropped.inc();
}

/** Where job runs are logged: Fastify's logger on an API node, jsonLog on a worker. */
export interface JobLog {
  info(fields: object, msg: string): void;
  error(fields: object, msg: string): void;
}

/** A log of JSON lines on stdout in pino's shape (level, time, node, msg), for the worker, which has no Fastify. */
export function jsonLog(env: Readonly<Record<string, string | undefined>> = process.env): JobLog {
  const node = nodeId(env);
  const line = (level: number, fields: object, msg: string) =>
    process.stdout.write(`${JSON.stringify({ level, time: Date.now(), pid: process.pid, node, ...fields, msg })}\n`);
  return { info: (f, m) => line(30, f, m), error: (f, m) => line(50, f, m) };
}

/** The same jobs, each run timed, counted (zhizhi_job_run_duration_seconds) and logged with its name, ms and outcome. */
export function instrumentJobs<T extends JobDefinition<never>>(jobs: readonly T[], log: JobLog): T[] {
  return jobs.map((job) => ({
    ...job,
    handler: async (data: never) => {
      const started = performance.now();
      try {
        await job.handler(data);
        const ms = performance.now() - started;
        jobRuns.observe({ queue: job.name, outcome: 'completed' }, ms / 1000);
        log.info({ job: job.name, ms: Math.round(ms), outcome: 'completed' }, 'job');
      } catch (err) {
        const ms = performance.now() - started;
        jobRuns.observe({ queue: job.name, outcome: 'failed' }, ms / 1000);
        log.error({ job: job.name, ms: Math.round(ms), outcome: 'failed', error: { type: (err as Error).name, message: (err as Error).message } }, 'job');
        throw err;
      }
    },
  }));
}

/** What one app or worker reads at scrape time. */
export interface ScrapeSources {
  db: Db;
  /** open live streams (SSE) on this node; absent on a worker */
  sseClients?: () => number;
  /** how often this node found its LISTEN connections lost and opened them again (LiveHub.resyncs) */
  liveResyncs?: () => number;
}

/** One app's or worker's metrics: the request histogram it feeds, and the scrape. */
export class NodeMetrics {
  readonly registry = new client.Registry();
  private readonly requests: client.Histogram<'method' | 'route' | 'status'>;
  private readonly sources: ScrapeSources;
  private readonly queueReady: client.Gauge<'queue'>;
  private readonly queueDeferred: client.Gauge<'queue'>;
  private readonly queueActive: client.Gauge<'queue'>;
  private readonly queueOldest: client.Gauge<'queue'>;
  private readonly poolConnections: client.Gauge<'pool' | 'state'>;
  private readonly poolWaiting: client.Gauge<'pool'>;

  constructor(sources: ScrapeSources, env: Readonly<Record<string, string | undefined>>) {
    this.sources = sources;
    const registers = [this.registry];
    new client.Gauge({
      name: 'zhizhi_build_info', help: 'Always 1: the version, the store and the node name as labels',
      labelNames: ['version', 'store', 'node'] as const, registers,
    }).set({ version: VERSION, store: sources.db.kind, node: nodeId(env) }, 1);
    this.requests = new client.Histogram({
      name: 'zhizhi_http_request_duration_seconds',
      help: 'HTTP requests answered, by method, route template and status class, with their duration (live streams excepted: see zhizhi_sse_clients)',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.3, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    if (sources.sseClients) {
      const read = sources.sseClients;
      new client.Gauge({ name: 'zhizhi_sse_clients', help: 'Live event streams (GET /api/events) open on this node', registers, collect() { this.set(read()); } });
    }
    if (sources.liveResyncs) {
      const read = sources.liveResyncs;
      new client.Counter({
        name: 'zhizhi_live_listen_resyncs_total', registers,
        help: 'Times this node found its LISTEN connections lost (a PostgreSQL restart or failover) and opened them again; its streams were told to read again',
        collect() { this.reset(); this.inc(read()); },
      });
    }
    this.queueReady = new client.Gauge({ name: 'zhizhi_job_queue_ready', help: 'Jobs due and waiting for a worker, by queue', labelNames: ['queue'] as const, registers });
    this.queueDeferred = new client.Gauge({ name: 'zhizhi_job_queue_deferred', help: 'Jobs waiting for a later start (retry back-off, delayed), by queue', labelNames: ['queue'] as const, registers });
    this.queueActive = new client.Gauge({ name: 'zhizhi_job_queue_active', help: 'Jobs running now, by queue', labelNames: ['queue'] as const, registers });
    this.queueOldest = new client.Gauge({ name: 'zhizhi_job_queue_oldest_ready_seconds', help: 'How long the oldest due job has waited for a worker, by queue (0 when none waits)', labelNames: ['queue'] as const, registers });
    this.poolConnections = new client.Gauge({ name: 'zhizhi_db_pool_connections', help: 'PostgreSQL connections of this node\'s pool (pool="primary": DATABASE_URL), by state (total, idle); none on PGlite', labelNames: ['pool', 'state'] as const, registers });
    this.poolWaiting = new client.Gauge({ name: 'zhizhi_db_pool_waiting', help: 'Queries waiting for a free connection of this node\'s pool, by pool', labelNames: ['pool'] as const, registers });
  }

  /** One answered request; its route is the template (`/api/cases/:id`), never the URL, so the series stay few. */
  observeRequest(method: string, route: string | undefined, status: number, seconds: number): void {
    const m = KNOWN_METHODS.has(method) ? method : 'OTHER';
    this.requests.observe({ method: m, route: route ?? 'unmatched', status: `${Math.floor(status / 100)}xx` }, seconds);
  }

  /** The Prometheus text of this node: what was counted, and what is read now (queues, pool). */
  async scrape(): Promise<string> {
    await this.readQueues();
    this.readPools();
    return `${await processRegistry.metrics()}\n${await this.registry.metrics()}`;
  }

  readonly contentType = processRegistry.contentType;

  private async readQueues(): Promise<void> {
    const depths = await jobQueueDepths(this.sources.db);
    for (const g of [this.queueReady, this.queueDeferred, this.queueActive, this.queueOldest]) g.reset();
    for (const d of depths) {
      this.queueReady.set({ queue: d.queue }, d.ready);
      this.queueDeferred.set({ queue: d.queue }, d.deferred);
      this.queueActive.set({ queue: d.queue }, d.active);
      this.queueOldest.set({ queue: d.queue }, d.oldestReadySeconds ?? 0);
    }
  }

  private readPools(): void {
    this.poolConnections.reset();
    this.poolWaiting.reset();
    const raw = this.sources.db.raw;
    // PGlite is one connection in this process: there is no pool to show
    if (!('pool' in raw)) return;
    this.poolConnections.set({ pool: 'primary', state: 'total' }, raw.pool.totalCount);
    this.poolConnections.set({ pool: 'primary', state: 'idle' }, raw.pool.idleCount);
    this.poolWaiting.set({ pool: 'primary' }, raw.pool.waitingCount);
  }
}

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * Who may scrape: with METRICS_TOKEN set, whoever sends `Authorization: Bearer <METRICS_TOKEN>` (Prometheus'
 * `authorization` setting), from anywhere; without it, only a client on this machine that does not come through a
 * proxy (loopback, no forwarding headers), so that a node behind a public load balancer does not show its routes,
 * traffic and version to the internet by default.
 */
export function checkMetricsAccess(env: Readonly<Record<string, string | undefined>>, req: { headers: IncomingHttpHeaders; remoteAddress: string | undefined; localAddress: string | undefined }): void {
  const token = env.METRICS_TOKEN?.trim();
  if (token) {
    const h = req.headers.authorization;
    const given = typeof h === 'string' && h.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
    if (!tokensMatch(given, token)) {
      throw new AppError('UNAUTHENTICATED', 'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>.', '请提供监控令牌（Authorization: Bearer <METRICS_TOKEN>）。',
        undefined, { 'www-authenticate': 'Bearer' });
    }
    return;
  }
  if (!isLocalClient({ remoteAddress: req.remoteAddress, localAddress: req.localAddress, headers: req.headers })) {
    throw new AppError('FORBIDDEN', 'Metrics answer only this machine unless METRICS_TOKEN is set.', '未设置 METRICS_TOKEN 时，监控指标仅限本机读取。');
  }
}

/**
 * The worker's metrics on METRICS_PORT (it has no HTTP API): GET /metrics, under the same access rule. Answers a stop.
 */
export async function serveWorkerMetrics(db: Db, env: Readonly<Record<string, string | undefined>>, port: number, host = '0.0.0.0'): Promise<{ port: number; close: () => Promise<void> }> {
  const metrics = new NodeMetrics({ db }, env);
  const server = http.createServer((req, res) => {
    const answer = (status: number, type: string, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(body);
    };
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      answer(404, 'application/json', JSON.stringify({ error: { code: 'ROUTE_NOT_FOUND', message: 'Only GET /metrics here.', messageZh: '此端口仅提供 GET /metrics。' } }));
      return;
    }
    try {
      checkMetricsAccess(env, { headers: req.headers, remoteAddress: req.socket.remoteAddress, localAddress: req.socket.localAddress });
    } catch (err) {
      const e = err as AppError;
      answer(e.status, 'application/json', JSON.stringify({ error: { code: e.code, message: e.message, messageZh: e.messageZh } }), e.headers);
      return;
    }
    metrics.scrape().then(
      (text) => answer(200, metrics.contentType, text),
      () => answer(500, 'application/json', JSON.stringify({ error: { code: 'INTERNAL', message: 'The metrics could not be read.', messageZh: '无法读取监控指标。' } })),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
