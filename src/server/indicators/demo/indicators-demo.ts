import type { DemoContext } from '../../platform/capability.ts';

/** counts the demo history's facts (H2) — placeholder of the issue 17 contract; its owner replaces this file (keep the export). */
export async function demoIndicators(_ctx: DemoContext): Promise<string | null> {
  return null;
}
