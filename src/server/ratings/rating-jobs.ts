import type { CapabilityContext } from '../platform/capability.ts';
import type { JobDefinition } from '../platform/jobs.ts';

/** monthly ratings (H3) — placeholder of the issue 17 contract; its owner replaces this file (keep the export). */
export function ratingJobs(_ctx: CapabilityContext): JobDefinition[] {
  return [];
}
