import Fastify, { LogController, type FastifyInstance, type FastifyReply } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from './db/db.ts';
import type { Config } from './config.ts';
import { installErrorHandling, rejectNonFiniteNumbers, rejectUnstorableText } from './error-handler.ts';
import { securityHeaders } from './security-headers.ts';
import { authPlugin } from './auth.ts';
import { healthRoutes } from './health-routes.ts';
import { backupRoutes } from './backup/routes.ts';
import { VERSION } from './version.ts';
import { loadPiiKey, PiiCipher } from './pii-cipher.ts';
import { sealPersonalData } from './seal-personal-data.ts';
import { LiveHub } from './live.ts';
import type { Capability } from './capability.ts';
import { installMetrics } from './metrics-routes.ts';
import { nodeId } from './metrics.ts';
import { logRequests } from './request-log.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    config: Config;
    clock: () => Date;
    live: LiveHub;
    pii: PiiCipher;
  }
}

export interface AppDeps {
  db: Db;
  config: Config;
  clock?: () => Date;
  /**
   * every request logged (`LOG_REQUESTS=1`: one JSON line each, request-log.ts); warnings and every 5xx are logged always,
   * to `stream` (default stdout). Every line carries `requestId` and `node` (NODE_ID, HOSTNAME or the machine's name).
   */
  log?: { requests?: boolean; stream?: { write(line: string): void } };
}

export type App = FastifyInstance;

/**
 * The platform (errors, security headers, OpenAPI, authentication, live updates, personal-data sealing, health and
 * backup routes) with the given capabilities on it: every capability's setup first, then their routes, in list order.
 */
export async function assembleApp(deps: AppDeps, capabilities: readonly Capability[]): Promise<App> {
  const sources = capabilities.flatMap((c) => (c.principalOf ? [c.principalOf] : []));
  if (sources.length !== 1) throw new Error(`exactly one capability must resolve sign-in tokens, ${sources.length} do`);
  const principalOf = sources[0]!;
  const app = Fastify({
    logger: {
      level: deps.log?.requests ? 'info' : 'warn',
      base: { pid: process.pid, node: nodeId(deps.config.env) },
      ...(deps.log?.stream ? { stream: deps.log.stream } : {}),
    },
    // Fastify's own two lines per request (with the raw URL) are replaced by one of ours (request-log.ts)
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId: () => randomUUID(),
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Timeouts against slow clients (slow-loris) without cutting off an honest large upload on a slow link. Node's
    // requestTimeout (the whole request, headers and body) is one value for the server: it cannot be set per route,
    // so it is the largest any route allows (an upload's, bodyTimeouts.uploadMs, 15 min by default) and only a
    // backstop. The real limits: headersTimeout (below, 20 s for the headers, whatever the route), connectionTimeout
    // (a socket silent for 60 s is closed, also in the middle of a body) and bodyDeadline (the body within 30 s,
    // bodyTimeouts.requestMs, except on routes marked `longUpload`, which get bodyTimeouts.uploadMs). SSE responses are
    // not affected: their request has no body. docs/operations.md, "Timeouts".
    requestTimeout: Math.max(deps.config.bodyTimeouts.requestMs, deps.config.bodyTimeouts.uploadMs) + 20_000,
    connectionTimeout: 60_000,
    // a malformed URL or an over-long path parameter gets our error shape, without echoing the URL back
    frameworkErrors: (err, _req, reply) => {
      void (reply as FastifyReply).status(400).send({ error: { code: 'VALIDATION_FAILED', message: `Invalid request URL (${err.code}).`, messageZh: '请求地址无效。' } });
    },
    // allowUnionTypes: a fact's value is one JSON type list (boolean | number | string), not an anyOf, so that type
    // coercion cannot read 1 as true; without it Ajv's strict mode logs a warning at start-up
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false, allowUnionTypes: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.server.headersTimeout = 20_000;
  bodyDeadline(app, deps.config.bodyTimeouts);

  app.decorate('db', deps.db);
  app.decorate('config', deps.config);
  app.decorate('clock', deps.clock ?? (() => new Date()));
  app.decorate('pii', new PiiCipher(loadPiiKey(deps.config.dataDir)));
  // rows written in the clear before this version, or by the demo seed: sealed before the first request
  await sealPersonalData(deps.db, app.pii);
  const live = new LiveHub(deps.db);
  await live.start();
  app.decorate('live', live);
  app.addHook('preClose', async () => live.stop());

  installErrorHandling(app);
  rejectUnstorableText(app);
  rejectNonFiniteNumbers(app);
  await securityHeaders(app, deps.config.corsOrigins);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Zhizhi 智治 API', version: VERSION, description: 'Grassroots smart governance platform API (v1).' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  await app.register(authPlugin, { principalOf });
  // before every capability's routes, so that the request histogram and the request log cover them all
  installMetrics(app);
  if (deps.log?.requests) logRequests(app);

  const ctx = { db: deps.db, config: deps.config };
  for (const c of capabilities) await c.setup?.(app, ctx);
  await app.register(healthRoutes);
  await app.register(backupRoutes);
  for (const c of capabilities) for (const routes of c.routes ?? []) await app.register(routes);

  const webDist = deps.config.webDist;
  const hasWeb = existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist, wildcard: false, index: ['index.html'],
      // the build writes .br and .gz beside every text asset; they are sent in place of the file, never as routes
      preCompressed: true, globIgnore: ['**/*.br', '**/*.gz'],
      // names under assets/ carry a content hash: cache them for a year; index.html is checked every time
      setHeaders: (reply, filePath) => {
        const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
        reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.setNotFoundHandler((req, reply) => {
    const isApi = req.url.startsWith('/api') || req.url.startsWith('/docs');
    // a missing file under assets/ is an old release's chunk asked for by a tab opened before the upgrade: a 404
    // lets the app reload itself, where the page's HTML in place of a script would only break it
    const isAsset = req.url.startsWith('/assets/');
    if (!isApi && !isAsset && hasWeb && req.method === 'GET') return reply.type('text/html').sendFile('index.html');
    return reply.status(404).send({
      error: { code: 'ROUTE_NOT_FOUND', message: `No route ${req.method} ${req.url.split('?')[0]}`, messageZh: '接口不存在。' },
    });
  });
  return app;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** the route takes a large file as its body (a registry import): it may take bodyTimeouts.uploadMs to arrive */
    longUpload?: true;
  }
}

/**
 * Per-route body deadline: a request whose body has not fully arrived in time (30 s; a `longUpload` route's 15 min)
 * is answered 408 and its connection closed, as Node's own requestTimeout would, which is one value for the server.
 */
function bodyDeadline(app: FastifyInstance, timeouts: { requestMs: number; uploadMs: number }): void {
  app.addHook('onRequest', (req, reply, done) => {
    const raw = req.raw;
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (!hasBody || raw.complete || !raw.socket || typeof raw.socket.destroy !== 'function') { done(); return; }
    const ms = req.routeOptions.config.longUpload ? timeouts.uploadMs : timeouts.requestMs;
    const timer = setTimeout(() => {
      if (raw.complete) return;
      const socket = raw.socket;
      if (!reply.raw.headersSent && socket.writable) socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
      socket.destroy();
    }, ms);
    timer.unref();
    const clear = () => clearTimeout(timer);
    raw.once('end', clear);
    raw.once('close', clear);
    reply.raw.once('finish', clear);
    done();
  });
}
