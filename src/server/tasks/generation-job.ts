import type { Db } from '../platform/db/db.ts';
import type { JobDefinition } from '../platform/jobs.ts';
import { shanghaiDate } from '../../domain/sla/working-calendar.ts';
import { loadWorkingCalendar } from '../calendar/calendar-cache.ts';
import { generateTasksForTown } from './generate-tasks.ts';
import { finishedRun, listTowns } from './generation-store.ts';

/**
 * Early every morning (00:05 Asia/Shanghai), once across all nodes, and once whenever a node starts (so a node that
 * starts mid-day catches the day up): the day's tasks of every town. A town whose day ran to its end already is
 * skipped (its tasks are there; POST /api/tasks/generate runs it again on purpose). Each town is idempotent on its
 * own, so a run killed half-way is simply run again.
 */
export function taskGenerationJob(db: Db, clock: () => Date = () => new Date()): JobDefinition {
  return {
    name: 'task-generation',
    cron: '5 0 * * *',
    runAtStart: true,
    expireInSeconds: 1800,
    handler: async () => {
      await generateAllTowns(db, clock());
    },
  };
}

/**
 * The day's tasks of every town not generated yet: `concurrency` towns at a time (each a chain of its own
 * transactions; two keep a database server busy while this process works out the next batch).
 */
export async function generateAllTowns(db: Db, now: Date, concurrency = 2): Promise<{ towns: number; created: number }> {
  const day = shanghaiDate(now);
  const calendar = await loadWorkingCalendar(db);
  const queue = await listTowns(db);
  let towns = 0, created = 0;
  const failed: string[] = [];
  const worker = async () => {
    for (let town = queue.shift(); town; town = queue.shift()) {
      if (await finishedRun(db, town.id, day)) continue;
      try {
        const r = await generateTasksForTown(db, town.id, day, now, { calendar });
        towns++;
        created += r.created;
      } catch (err) {
        // one town's failure does not hold the others back; the job fails at the end, so the queue retries the rest
        console.error(`task generation of town ${town.id} for ${day}:`, err instanceof Error ? err.message : err);
        failed.push(town.id);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  if (failed.length > 0) throw new Error(`task generation failed for ${failed.length} town(s) on ${day}`);
  return { towns, created };
}
