import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../support/test-app.ts';
import { startJobs, type JobDefinition } from '../../src/server/platform/jobs.ts';
import type { Db } from '../../src/server/platform/db/db.ts';

let db: Db;
let close: () => Promise<void>;
beforeAll(async () => ({ db, close } = await openTestDb()));
afterAll(async () => { await close(); });

const job = (name: string, cron?: string): JobDefinition<never> => ({ name, ...(cron ? { cron } : {}), handler: async () => undefined });

/** starts the queue with these jobs (not working them), and answers the schedules it leaves behind */
async function schedulesAfterStart(jobs: JobDefinition<never>[]): Promise<string[]> {
  const boss = await startJobs(db, jobs, { work: false });
  try {
    return (await boss.getSchedules()).map((s) => `${s.name}:${s.key}`).sort();
  } finally {
    await boss.stop({ graceful: false, timeout: 2000 });
  }
}

describe('job schedules', () => {
  it('drops at start the schedule of a job no longer registered, and keeps the registered ones', async () => {
    expect(await schedulesAfterStart([job('sweep', '* * * * *'), job('demo-live', '*/5 * * * *'), job('digest', '0 8 * * *')]))
      .toEqual(['demo-live:', 'digest:', 'sweep:']);

    // DEMO_LIVE turned off: demo-live leaves the list; digest is still registered but has lost its cron
    expect(await schedulesAfterStart([job('sweep', '* * * * *'), job('digest')])).toEqual(['sweep:']);

    // a later start with the same list changes nothing
    expect(await schedulesAfterStart([job('sweep', '* * * * *'), job('digest')])).toEqual(['sweep:']);
  });

  it('drops keyed schedules of an unknown job too', async () => {
    const boss = await startJobs(db, [job('sweep', '* * * * *')], { work: false });
    try {
      await boss.createQueue('retired');
      await boss.schedule('retired', '0 * * * *', {}, { key: 'a' });
      await boss.schedule('retired', '0 * * * *', {}, { key: 'b' });
    } finally {
      await boss.stop({ graceful: false, timeout: 2000 });
    }
    expect(await schedulesAfterStart([job('sweep', '* * * * *')])).toEqual(['sweep:']);
  });
});
