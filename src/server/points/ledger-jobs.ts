import type { CapabilityContext } from '../platform/capability.ts';
import type { JobDefinition } from '../platform/jobs.ts';

/** Placeholder: H4 replaces it — the nightly reconciliation and the awards for closed cases. */
export function ledgerJobs(_ctx: CapabilityContext): JobDefinition[] {
  return [];
}
