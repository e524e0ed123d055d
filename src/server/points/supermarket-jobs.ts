import type { CapabilityContext } from '../platform/capability.ts';
import type { JobDefinition } from '../platform/jobs.ts';

/** Placeholder: H5 replaces it — reservations not picked up expire and give back their points and stock. */
export function supermarketJobs(_ctx: CapabilityContext): JobDefinition[] {
  return [];
}
