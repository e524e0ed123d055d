import type { DemoContext } from '../../platform/capability.ts';

/** Placeholder: H5 replaces it (issue 16); answers a line for the start-up log, or null when it did nothing. */
export async function demoVolunteers(_ctx: DemoContext): Promise<string | null> {
  return null;
}
