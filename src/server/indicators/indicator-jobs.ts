import type { CapabilityContext } from '../platform/capability.ts';
import type { JobDefinition } from '../platform/jobs.ts';

/** the incremental facts job (H2) — placeholder of the issue 17 contract; its owner replaces this file (keep the export). */
export function indicatorJobs(_ctx: CapabilityContext): JobDefinition[] {
  return [];
}
