import type { DemoContext } from '../../platform/capability.ts';

/** standard forms and past fills (H7) — placeholder of the issue 17 contract; its owner replaces this file (keep the export). */
export async function demoReports(_ctx: DemoContext): Promise<string | null> {
  return null;
}
