import { demoSwitches, type DemoStep } from '../../platform/capability.ts';
import { PiiCipher, loadPiiKey } from '../../platform/pii-cipher.ts';
import { seedDemoDevices } from './seed-devices.ts';

/** The devices' demo: a device of each kind in the demo grid worker's grid, three weeks of readings, the alarms they raised. */
export const demoDevicesStep: DemoStep = {
  name: 'demo devices',
  run: async ({ db, config, now, seed, progress }) => {
    if (!demoSwitches(config).history) return null;
    const started = performance.now();
    progress?.('installing the demo grid\'s sensors and replaying three weeks of their readings (once)…');
    const report = await seedDemoDevices(db, { now, seed, pii: new PiiCipher(loadPiiKey(config.dataDir)) });
    if (!report) return null;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    return `${report.devices} devices, ${report.readings} readings, ${report.alarms} alarms (${report.careOrdersClosed} care orders closed, `
      + `${report.tasks} maintenance task${report.tasks === 1 ? '' : 's'}) in ${seconds} s${report.failures.length ? ` (${report.failures.length} refused: ${report.failures[0]})` : ''}`;
  },
};
