import { demoSwitches, type DemoStep } from '../../platform/capability.ts';
import { PiiCipher, loadPiiKey } from '../../platform/pii-cipher.ts';
import { blobStoreOf } from '../../files/blob-store.ts';
import { needsDemoHistory, seedDemoHistory } from './seed-history.ts';

export { demoSwitches } from '../../platform/capability.ts';

/** The cases capability's demo: the history of the demo town, through intake, the action command and the sweep. */
export const demoHistoryStep: DemoStep = {
  name: 'demo case history',
  run: async ({ db, config, now, seed, progress }) => {
    if (!demoSwitches(config).history || !(await needsDemoHistory(db))) return null;
    const started = performance.now();
    progress?.('making the demo town\'s last 60 days of cases (once)…');
    const report = await seedDemoHistory(db, { now, seed, blobs: blobStoreOf(config), pii: new PiiCipher(loadPiiKey(config.dataDir)) });
    if (!report) return null;
    const open = Object.entries(report.byStatus).filter(([s]) => s !== 'closed' && s !== 'rejected').reduce((n, [, c]) => n + c, 0);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    return `${report.cases} cases over 60 days (${open} open), ${report.actions} steps and ${report.sweeps} SLA sweeps, in ${seconds} s`;
  },
};
