import type { DemoContext } from '../../platform/capability.ts';

/** rules, past months' ratings, appeals, department reviews (H3) — placeholder of the issue 17 contract; its owner replaces this file (keep the export). */
export async function demoRatings(_ctx: DemoContext): Promise<string | null> {
  return null;
}
