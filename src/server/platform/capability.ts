import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Db } from './db/db.ts';
import type { Config } from './config.ts';
import type { JobDefinition } from './jobs.ts';
import type { PrincipalSource } from './auth.ts';

/** What a capability lends the whole app and its jobs. */
export interface CapabilityContext {
  db: Db;
  config: Config;
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
}

/** Every job of the listed capabilities, in list order. */
export function jobsOf(capabilities: readonly Capability[], ctx: CapabilityContext): JobDefinition[] {
  return capabilities.flatMap((c) => c.jobs?.(ctx) ?? []);
}
