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

export async function generateAllTowns(db: Db, now: Date): Promise<{ towns: number; created: number }> {
  const day = shanghaiDate(now);
  const calendar = await loadWorkingCalendar(db);
  let towns = 0, created = 0;
  for (const town of await listTowns(db)) {
    if (await finishedRun(db, town.id, day)) continue;
    const r = await generateTasksForTown(db, town.id, day, now, { calendar });
    towns++;
    created += r.created;
  }
  return { towns, created };
}
