import { demoSwitches, type DemoStep } from '../../platform/capability.ts';
import { PiiCipher, loadPiiKey } from '../../platform/pii-cipher.ts';
import { blobStoreOf } from '../../files/blob-store.ts';
import { seedDemoTasks } from './seed-tasks.ts';

/** The tasks capability's demo: a month of 春晖路街道's lists generated and worked through the tasks' commands. */
export const demoTasksStep: DemoStep = {
  name: 'demo tasks',
  run: async ({ db, config, now, seed, progress }) => {
    if (!demoSwitches(config).history) return null;
    const started = performance.now();
    progress?.('working the demo grids\' task lists of the last month (once)…');
    const report = await seedDemoTasks(db, { now, seed, blobs: blobStoreOf(config), pii: new PiiCipher(loadPiiKey(config.dataDir)) });
    if (!report) return null;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    return `${report.days} days generated (${report.generated} tasks), ${report.visits} visits (${report.far} far), ${report.ticks} ticks, `
      + `${report.cases} findings reported as cases, in ${seconds} s${report.failures.length ? ` (${report.failures.length} refused: ${report.failures[0]})` : ''}`;
  },
};
