import { loadConfig } from './platform/config.ts';
import { openDatabase } from './platform/db/open.ts';
import { migrate } from './platform/db/migrate.ts';
import { buildApp } from './app.ts';
import { CAPABILITIES } from './capabilities.ts';
import { seedDemo, DEMO_ACCOUNTS, DEMO_PASSWORD } from './platform/seed/seed-demo.ts';
import { bootstrapAdmin, refuseDemoPassword } from './identity/bootstrap-admin.ts';
import { startJobs } from './platform/jobs.ts';
import { instrumentJobs } from './platform/metrics.ts';
import { withStartLock } from './platform/start-lock.ts';
import { jobsOf, runDemoSteps, startServices } from './platform/capability.ts';
import { DEMO_SEED } from './cases/demo/seed-history.ts';
import { listCalendarYears } from './calendar/store.ts';
import { missingCalendarYears } from '../domain/calendar/calendar-year.ts';
import { shanghaiDate } from '../domain/sla/working-calendar.ts';

const config = loadConfig();
const db = await openDatabase(config);
// several nodes started at once on a fresh database: their start-up writes go one node at a time (the others wait,
// then find the migrations, the seed and the first admin there)
const app = await withStartLock(db, async () => {
  const applied = await migrate(db);
  if (applied.length > 0) console.log(`migrations applied: ${applied.join(', ')}`);
  if (!config.production && await seedDemo(db)) console.log('seeded the demo district (示范区: 春晖路街道, 青杠镇)');
  if (config.production) {
    await refuseDemoPassword(db);
    console.log(await bootstrapAdmin(db, config));
  }

  const built = await buildApp({ db, config, log: { requests: process.env.LOG_REQUESTS === '1' } });
  if (!config.production) {
    // each capability's demo history on top (the cases of the last two months, the duty roster), when DEMO_HISTORY=on
    // (npm start's default); after buildApp, whose capability set-ups load the audit keys the demo's commands write with
    const demo = { db, config, now: new Date(), seed: Number(process.env.DEMO_SEED) || DEMO_SEED, progress: (line: string) => console.log(line) };
    for (const line of await runDemoSteps(CAPABILITIES, demo)) console.log(line);
  }
  return built;
});
await app.listen({ port: config.port, host: config.host });
// background work runs in this process unless JOBS=off (then run workers elsewhere: npm run worker)
// each run logged (name, ms, outcome; whatever LOG_REQUESTS says) and counted for /metrics
const jobLog = app.log.child({}, { level: 'info' });
const jobs = await startJobs(db, instrumentJobs(jobsOf(CAPABILITIES, { db, config }), jobLog), { work: process.env.JOBS !== 'off' });
// the embedded MQTT broker and the alarm clock, unless SERVICES=off (then a worker runs the loops)
const services = process.env.SERVICES === 'off'
  ? { names: [], stop: async () => undefined }
  : await startServices(CAPABILITIES, { db, config }, 'api');

const url = `http://localhost:${config.port}`;
console.log(`\nZhizhi 智治 is running at ${url}  (API docs: ${url}/docs, store: ${db.kind})`);
if (!config.production) {
  console.log(`Demo accounts (password ${DEMO_PASSWORD}):`);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(11)} ${a.what}`);
}

const missing = missingCalendarYears((await listCalendarYears(db)).map((y) => y.year), shanghaiDate(new Date()));
if (missing.length > 0) {
  console.warn(`\nWorking calendar: no holidays entered for ${missing.join(', ')} — working-day deadlines there count weekends only.`
    + `\n  An admin enters the State Council notice on 工作日历 (${url}/calendar).`);
}

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    await services.stop();
    await jobs.stop({ graceful: true, timeout: 5000 }).catch(() => undefined);
    await app.close();
    await db.close();
    process.exit(0);
  });
}
