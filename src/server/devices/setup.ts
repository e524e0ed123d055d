import type { FastifyInstance } from 'fastify';
import type { CapabilityContext } from '../platform/capability.ts';

// filled in by its owner (issue 13): the platform's device profiles, the ingest on the app
export async function devicesSetup(_app: FastifyInstance, _ctx: CapabilityContext): Promise<void> {}
