import type { DemoContext } from '../../platform/capability.ts';

/** Placeholder: H4 replaces it (issue 16); answers a line for the start-up log, or null when it did nothing. */
export async function demoPointsLedger(_ctx: DemoContext): Promise<string | null> {
  return null;
}
