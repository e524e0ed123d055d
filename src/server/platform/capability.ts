import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Db } from './db/db.ts';
import type { Config } from './config.ts';
import type { JobDefinition } from './jobs.ts';
import type { PrincipalSource } from './auth.ts';

/** What a capability lends the whole app and its jobs. */
export interface CapabilityContext {
  db: Db;
  config: Config;
  /** the clock of services and jobs: absent, the real one; the tests pass a fake */
  clock?: () => Date;
}

/**
 * Demo data a capability adds on top of the base demo seed (the org tree, accounts, posts and catalogs), made through
 * the capability's own commands with the clock passed in, so what it leaves is what real use would have left. Run once,
 * outside production, after the base seed (`runDemoSteps`); never part of `seedDemo`, which the tests use.
 */
export interface DemoStep {
  /** what it adds, for the start-up log */
  name: string;
  /** adds the data unless it is there already; answers one line for the start-up log, or null when it did nothing */
  run: (ctx: DemoContext) => Promise<string | null>;
}

export interface DemoContext extends CapabilityContext {
  /** the end of the history: the demo looks as if it had been running until this instant */
  now: Date;
  /** the seed of every random choice: the same seed and the same `now` give the same demo */
  seed: number;
  /** a line for the start-up log before a long step, so a first start does not look stuck */
  progress?: (line: string) => void;
}

/**
 * One capability as the app assembles it: src/server/<name>/capability.ts exports one, and src/server/capabilities.ts
 * lists them. The platform reads only this shape, never a capability's own files.
 */
export interface Capability {
  name: string;
  /** decorations and hooks other capabilities' routes rely on; each capability's runs before any route is added */
  setup?: (app: FastifyInstance, ctx: CapabilityContext) => Promise<void>;
  /** route plugins, registered in this order after every setup */
  routes?: readonly FastifyPluginAsync[];
  /** who is calling: exactly one capability (identity) turns a bearer token into the principal */
  principalOf?: PrincipalSource;
  /** background jobs, run by the server (unless JOBS=off) and by `npm run worker` */
  jobs?: (ctx: CapabilityContext) => readonly JobDefinition[];
  /** its demo history, added after the base demo seed (later capabilities add theirs the same way) */
  demo?: DemoStep;
  /**
   * Long-running work beside the HTTP API and the job queue: a listener (the embedded MQTT broker) or a loop that must
   * tick more often than a cron minute (rule deadlines, alarm escalation). Started by `main.ts` (API nodes, unless
   * SERVICES=off) and `worker.ts` where `runsOn` names them; never by `buildApp`, so the tests start them by hand.
   */
  services?: (ctx: CapabilityContext) => readonly BackgroundService[];
}

export interface BackgroundService {
  name: string;
  runsOn: readonly ('api' | 'worker')[];
  start: () => Promise<void>;
  /** stops taking new work and finishes (or hands back) what it holds */
  stop: () => Promise<void>;
}

/** Starts the listed capabilities' services for this kind of node, in list order; answers a stop for all of them. */
export async function startServices(capabilities: readonly Capability[], ctx: CapabilityContext, node: 'api' | 'worker'): Promise<{ names: string[]; stop: () => Promise<void> }> {
  const started: BackgroundService[] = [];
  for (const s of capabilities.flatMap((c) => c.services?.(ctx) ?? [])) {
    if (!s.runsOn.includes(node)) continue;
    await s.start();
    started.push(s);
  }
  return {
    names: started.map((s) => s.name),
    stop: async () => {
      for (const s of started.reverse()) await s.stop().catch((err: Error) => console.error(`stopping ${s.name}:`, err.message));
    },
  };
}

/**
 * The demo switches, outside production only (a production start never makes or moves demo data):
 * DEMO_HISTORY=on runs the capabilities' demo steps, DEMO_LIVE=on their demo jobs. `npm start` turns both on unless
 * they are set; `node src/server/main.ts` and the tests leave them off.
 */
export function demoSwitches(config: Pick<Config, 'production' | 'env'>): { history: boolean; live: boolean } {
  const on = (name: string) => !config.production && config.env[name]?.trim().toLowerCase() === 'on';
  return { history: on('DEMO_HISTORY'), live: on('DEMO_LIVE') };
}

/** Every job of the listed capabilities, in list order. */
export function jobsOf(capabilities: readonly Capability[], ctx: CapabilityContext): JobDefinition[] {
  return capabilities.flatMap((c) => c.jobs?.(ctx) ?? []);
}

/** Every demo step of the listed capabilities, in list order; answers the log lines of the steps that did something. */
export async function runDemoSteps(capabilities: readonly Capability[], ctx: DemoContext): Promise<string[]> {
  const lines: string[] = [];
  for (const c of capabilities) {
    if (!c.demo) continue;
    const line = await c.demo.run(ctx);
    if (line !== null) lines.push(`${c.demo.name}: ${line}`);
  }
  return lines;
}
