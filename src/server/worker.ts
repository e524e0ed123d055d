// A background worker without the HTTP API, for scaled-out deployments where API nodes run with JOBS=off.
import { loadConfig } from './platform/config.ts';
import { openDatabase } from './platform/db/open.ts';
import { migrate } from './platform/db/migrate.ts';
import { startJobs } from './platform/jobs.ts';
import { jobsOf, startServices } from './platform/capability.ts';
import { CAPABILITIES } from './capabilities.ts';
import { instrumentJobs, jsonLog, serveWorkerMetrics } from './platform/metrics.ts';

const config = loadConfig();
if (!config.databaseUrl) {
  console.error('npm run worker needs DATABASE_URL: the embedded PGlite store belongs to the one server process.');
  process.exit(2);
}
const db = await openDatabase(config);
await migrate(db);
const definitions = jobsOf(CAPABILITIES, { db, config });
// each run logged as a JSON line (name, ms, outcome) and counted for /metrics
const jobs = await startJobs(db, instrumentJobs(definitions, jsonLog(config.env)), { work: true });
const services = await startServices(CAPABILITIES, { db, config }, 'worker');
// its metrics for Prometheus on METRICS_PORT when set: GET /metrics, same access rule as an API node's
const metrics = config.env.METRICS_PORT ? await serveWorkerMetrics(db, config.env, Number(config.env.METRICS_PORT), config.host) : null;
console.log(`Zhizhi worker: working the job queue (${definitions.map((j) => j.name).join(', ')}) and ${services.names.join(', ') || 'no services'}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    await services.stop();
    await metrics?.close();
    await jobs.stop({ graceful: true, timeout: 10_000 }).catch(() => undefined);
    await db.close();
    process.exit(0);
  });
}
