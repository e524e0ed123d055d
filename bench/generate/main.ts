// npm run generate -- --scale town|district|city [--seed N] [--now ISO] [--database-url URL] [--fresh] [--password P]
// Builds a city-shaped data set straight into PostgreSQL: the ground (org tree, staff, registry, devices), then the
// history (cases, tasks, disputes, points), then what is derived from it (roll-ups). See docs/operations.md
// "A generated city".
import { copyRows } from './copy.ts';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openPostgres } from '../../src/server/platform/db/db.ts';
import { migrate } from '../../src/server/platform/db/migrate.ts';
import { loadConfig } from '../../src/server/platform/config.ts';
import { DEMO_PASSWORD } from '../../src/server/platform/seed/seed-demo.ts';
import { installAuditKeys, loadAuditKeys } from '../../src/server/audit/audit-keys.ts';
import { SCALES, seededRandom, type GenerateContext, type GenerateStep, type ScaleName, type ScaleSpec } from './context.ts';
import { groundSteps } from './ground/index.ts';
import { historySteps } from './history/index.ts';
import { deriveSteps } from './derive/index.ts';

export interface GenerateOptions {
  scale: ScaleName;
  /** figures of the scale to change (e.g. fewer residents per grid for a quick test) */
  overrides?: Partial<Omit<ScaleSpec, 'name'>>;
  seed?: number;
  /** the end of the generated history; default the current time */
  now?: Date;
  databaseUrl: string;
  /** drop whatever the database holds (schemas public and jobs) first */
  fresh?: boolean;
  /** the password of every generated account */
  password?: string;
  /** where the app's PII key lives (DATA_DIR/keys/pii.key) unless PII_KEY is set: the app that reads the data must use the same */
  dataDir?: string;
  /** the steps after the ground; default the history and derive steps */
  laterSteps?: readonly GenerateStep[];
  /** names of history or derive steps to leave out (e.g. 'tasks and visits', 'points': a city of cases only, for the case benchmarks) */
  skip?: readonly string[];
  log?: (line: string) => void;
}

export interface GenerateSummary {
  scale: ScaleSpec;
  seed: number;
  now: Date;
  steps: { name: string; rows: number; ms: number }[];
  ms: number;
  databaseBytes: number;
}

export const DEFAULT_SEED = 18;

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function humanBytes(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let u = 0;
  while (n >= 1024 && u < units.length - 1) { n /= 1024; u++; }
  return `${n.toFixed(u === 0 ? 0 : 1)} ${units[u]}`;
}

/** Refuses a database that already holds an org tree unless `fresh`, which empties it (schemas public and jobs). */
async function prepareDatabase(url: string, fresh: boolean): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (fresh) {
      await client.query('drop schema if exists jobs cascade');
      await client.query('drop schema if exists public cascade');
      await client.query('create schema public');
      return;
    }
    const r = await client.query<{ units: string | null }>(`select to_regclass('public.org_units')::text as units`);
    if (r.rows[0]?.units) {
      const n = await client.query<{ n: number }>('select count(*)::int as n from org_units');
      if ((n.rows[0]?.n ?? 0) > 0) {
        throw new RefusedError(`the database already holds ${n.rows[0]!.n} org units; generate into an empty database or pass --fresh to drop everything in it first`);
      }
    }
  } finally {
    await client.end();
  }
}

/** Generates the data set; every step's progress and the totals go to `log`. */
export async function generate(o: GenerateOptions): Promise<GenerateSummary> {
  const log = o.log ?? ((line: string) => console.log(line));
  const scale: ScaleSpec = { ...SCALES[o.scale], ...o.overrides, name: o.scale };
  const seed = o.seed ?? DEFAULT_SEED;
  const now = o.now ?? new Date();
  const started = performance.now();
  await prepareDatabase(o.databaseUrl, o.fresh ?? false);
  const db = await openPostgres(o.databaseUrl, 4);
  const summary: GenerateSummary = { scale, seed, now, steps: [], ms: 0, databaseBytes: 0 };
  try {
    const applied = await migrate(db);
    log(`migrated (${applied.length} migrations) in ${secs(performance.now() - started)}`);
    const pool = (db.raw as { pool: pg.Pool }).pool;
    let stepRows = 0;
    const lastProgress = new Map<string, number>();
    const ctx: GenerateContext = {
      scale, seed, now, pool,
      random: (label) => seededRandom(seed, label),
      copy: async (table, columns, rows) => {
        const n = await copyRows(pool, table, columns, rows);
        stepRows += n;
        return n;
      },
      countRows: (n) => {
        stepRows += n;
      },
      progress: (step, done, total) => {
        const t = performance.now();
        if (done < total && t - (lastProgress.get(step) ?? 0) < 2000) return;
        lastProgress.set(step, t);
        log(`  ${step} ${fmt(done)} / ${fmt(total)}`);
      },
      log,
    };
    const dataDir = o.dataDir ?? loadConfig().dataDir;
    // steps that write through the app's commands append audit rows, keyed like the app's (as a worker installs them)
    installAuditKeys(loadAuditKeys(dataDir));
    const later = (o.laterSteps ?? [...historySteps, ...deriveSteps]).filter((step) => !o.skip?.includes(step.name));
    const steps = [...groundSteps({ password: o.password ?? DEMO_PASSWORD, dataDir }), ...later];
    for (const step of steps) {
      const t0 = performance.now();
      stepRows = 0;
      log(`${step.name} …`);
      await step.run(ctx);
      const ms = performance.now() - t0;
      summary.steps.push({ name: step.name, rows: stepRows, ms });
      log(`${step.name}: ${fmt(stepRows)} rows in ${secs(ms)} (${fmt(stepRows / Math.max(ms / 1000, 0.001))} rows/s), ${secs(performance.now() - started)} in all`);
    }
    const analyzeStart = performance.now();
    await db.exec('analyze');
    log(`analyze in ${secs(performance.now() - analyzeStart)}`);
    summary.databaseBytes = (await db.query<{ n: number }>('select pg_database_size(current_database())::bigint as n')).rows[0]!.n;
    summary.ms = performance.now() - started;
    log(`generated scale ${scale.name} (seed ${seed}, now ${now.toISOString()}) in ${secs(summary.ms)}; database size ${humanBytes(summary.databaseBytes)}`);
    return summary;
  } finally {
    await db.close();
  }
}

const NUMERIC_FIELDS = Object.keys(SCALES.city).filter((k) => k !== 'name') as (keyof Omit<ScaleSpec, 'name'>)[];

/** The command line: `--scale`, `--seed`, `--now`, `--database-url`, `--fresh`, `--password`, and any figure of the scale (`--residentsPerGrid 10`). */
export function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): GenerateOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      scale: { type: 'string' }, seed: { type: 'string' }, now: { type: 'string' }, 'database-url': { type: 'string' },
      fresh: { type: 'boolean' }, password: { type: 'string' }, skip: { type: 'string' }, help: { type: 'boolean' },
      ...Object.fromEntries(NUMERIC_FIELDS.map((f) => [f, { type: 'string' as const }])),
    },
    strict: true,
  });
  const v = values as Record<string, string | boolean | undefined>;
  if (v.help) throw new UsageError('');
  const scale = v.scale as string | undefined;
  if (scale !== 'town' && scale !== 'district' && scale !== 'city') throw new UsageError('--scale must be town, district or city');
  const databaseUrl = (v['database-url'] as string | undefined) ?? env.DATABASE_URL;
  if (!databaseUrl) throw new UsageError('name a PostgreSQL database: --database-url postgres://… or DATABASE_URL');
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new UsageError('the generator writes to PostgreSQL only (a city does not fit the embedded PGlite store): give a postgres:// URL');
  }
  const seed = v.seed === undefined ? undefined : Number(v.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError('--seed must be an integer');
  const now = v.now === undefined ? undefined : new Date(v.now as string);
  if (now && Number.isNaN(now.getTime())) throw new UsageError('--now must be an ISO date-time (2026-12-01T09:00:00+08:00)');
  const overrides: Partial<Record<string, number>> = {};
  for (const f of NUMERIC_FIELDS) {
    if (v[f] === undefined) continue;
    const n = Number(v[f]);
    if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${f} must be a number ≥ 0`);
    overrides[f] = n;
  }
  const skip = typeof v.skip === 'string' ? v.skip.split(',').map((x) => x.trim()).filter(Boolean) : [];
  const skippable = [...historySteps, ...deriveSteps].map((step) => step.name);
  const unknown = skip.filter((x) => !skippable.includes(x));
  if (unknown.length > 0) throw new UsageError(`--skip takes these steps: ${skippable.join(', ')} (not ${unknown.join(', ')})`);
  return {
    scale, databaseUrl, fresh: v.fresh === true, seed, now, overrides: overrides as GenerateOptions['overrides'], skip,
    ...(v.password ? { password: v.password as string } : {}),
  };
}

export class UsageError extends Error {}
/** The database is not one to generate into (it holds an org tree already). */
export class RefusedError extends Error {}

const USAGE = `usage: npm run generate -- --scale town|district|city [--seed N] [--now ISO] [--database-url URL] [--fresh] [--password P]
       [--skip 'tasks and visits,disputes,points']
       [--${NUMERIC_FIELDS.join(' N] [--')} N]`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await generate(parseCommandLine(process.argv.slice(2)));
  } catch (err) {
    if (err instanceof UsageError) {
      if (err.message) console.error(err.message);
      console.error(USAGE);
      process.exit(2);
    }
    if (err instanceof RefusedError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}
