// A background worker without the HTTP API, for scaled-out deployments where API nodes run with JOBS=off.
import { loadConfig } from './platform/config.ts';
import { openDatabase } from './platform/db/open.ts';
import { migrate } from './platform/db/migrate.ts';
import { startJobs } from './platform/jobs.ts';
import { jobsOf, startServices } from './platform/capability.ts';
import { CAPABILITIES } from './capabilities.ts';

const config = loadConfig();
if (!config.databaseUrl) {
  console.error('npm run worker needs DATABASE_URL: the embedded PGlite store belongs to the one server process.');
  process.exit(2);
}
const db = await openDatabase(config);
await migrate(db);
const definitions = jobsOf(CAPABILITIES, { db, config });
const jobs = await startJobs(db, definitions, { work: true });
const services = await startServices(CAPABILITIES, { db, config }, 'worker');
console.log(`Zhizhi worker: working the job queue (${definitions.map((j) => j.name).join(', ')}) and ${services.names.join(', ') || 'no services'}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    await services.stop();
    await jobs.stop({ graceful: true, timeout: 10_000 }).catch(() => undefined);
    await db.close();
    process.exit(0);
  });
}
