import type { DemoContext } from '../../platform/capability.ts';

/** last month's bulletin (H4) — placeholder of the issue 17 contract; its owner replaces this file (keep the export). */
export async function demoRankings(_ctx: DemoContext): Promise<string | null> {
  return null;
}
