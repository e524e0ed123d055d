import type { Tx } from '../../../src/server/platform/db/db.ts';
import { rebuildOpenCounts } from '../../../src/server/cases/open-counts-store.ts';
import type { GenerateContext, GenerateStep } from '../context.ts';

/**
 * The dashboards' open-case roll-ups (migration 040), counted afresh from the generated cases: the statement triggers
 * counted them as the history was copied in, so this leaves the counts folded (no changes waiting) and proves them
 * against the table in one pass. The app's own statements, nothing written here.
 */
export const openCaseCountsStep: GenerateStep = {
  name: 'open-case counts',
  async run(ctx: GenerateContext): Promise<void> {
    const client = await ctx.pool.connect();
    try {
      const tx: Tx = {
        query: (sql, params) => client.query(sql, params as unknown[]) as never,
        exec: async (sql) => { await client.query(sql); },
      };
      await client.query('begin');
      await rebuildOpenCounts(tx);
      await client.query('commit');
      const r = await client.query<{ towns: number; open: number }>(
        `select count(distinct town_path)::int as towns, coalesce(sum(n) filter (where kind = 'light'), 0)::int as open from case_open_counts`);
      ctx.log(`  ${r.rows[0]!.open.toLocaleString('en-US')} open cases counted over ${r.rows[0]!.towns} towns`);
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  },
};
