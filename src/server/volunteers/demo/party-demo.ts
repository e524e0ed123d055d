import type { DemoContext } from '../../platform/capability.ts';

/** Placeholder: H1 replaces it (issue 16); answers a line for the start-up log, or null when it did nothing. */
export async function demoParty(_ctx: DemoContext): Promise<string | null> {
  return null;
}
