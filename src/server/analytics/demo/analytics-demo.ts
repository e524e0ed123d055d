import type { DemoContext } from '../../platform/capability.ts';

/** projects made from hot spots (H8) — placeholder of the issue 17 contract; its owner replaces this file (keep the export). */
export async function demoAnalytics(_ctx: DemoContext): Promise<string | null> {
  return null;
}
