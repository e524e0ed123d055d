import type { Config } from '../../platform/config.ts';
import type { DemoStep } from '../../platform/capability.ts';
import { PiiCipher, loadPiiKey } from '../../platform/pii-cipher.ts';
import { filesDirOf } from '../../files/upload-file.ts';
import { needsDemoHistory, seedDemoHistory } from './seed-history.ts';

/**
 * The demo switches, outside production only (a production start never makes or moves demo cases):
 * DEMO_HISTORY=on makes two months of case history on a demo district without cases, DEMO_LIVE=on brings a report every
 * few minutes and moves open cases along. `npm start` turns both on unless they are set; `node src/server/main.ts` and
 * the tests leave them off.
 */
export function demoSwitches(config: Pick<Config, 'production' | 'env'>): { history: boolean; live: boolean } {
  const on = (name: string) => !config.production && config.env[name]?.trim().toLowerCase() === 'on';
  return { history: on('DEMO_HISTORY'), live: on('DEMO_LIVE') };
}

/** The cases capability's demo: the history of the demo town, through intake, the action command and the sweep. */
export const demoHistoryStep: DemoStep = {
  name: 'demo case history',
  run: async ({ db, config, now, seed, progress }) => {
    if (!demoSwitches(config).history || !(await needsDemoHistory(db))) return null;
    const started = performance.now();
    progress?.('making the demo town\'s last 60 days of cases (once)…');
    const report = await seedDemoHistory(db, { now, seed, filesDir: filesDirOf(config.dataDir), pii: new PiiCipher(loadPiiKey(config.dataDir)) });
    if (!report) return null;
    const open = Object.entries(report.byStatus).filter(([s]) => s !== 'closed' && s !== 'rejected').reduce((n, [, c]) => n + c, 0);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    return `${report.cases} cases over 60 days (${open} open), ${report.actions} steps and ${report.sweeps} SLA sweeps, in ${seconds} s`;
  },
};
