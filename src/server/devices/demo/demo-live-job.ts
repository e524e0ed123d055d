import type { Db } from '../../platform/db/db.ts';
import type { JobDefinition } from '../../platform/jobs.ts';
import type { ReadingPayload } from '../../../shared/devices.ts';
import { randomFor } from '../../cases/demo/random.ts';
import { ReadingIngest } from '../ingest.ts';
import { DEMO_DEVICES, type DemoDeviceKey } from './readings-plan.ts';
import { existingDevices } from './demo-store.ts';

const HOUR = 3_600_000;

/**
 * What the demo devices send in five minutes of a running demo, keyed by the minute (a retried tick is the same
 * readings, stored once): keep-alives, a heart-rate sample, the old woman's door now and then in the daytime. The
 * water-leak sensor stays silent (its 设备检查 task waits for the grid worker). Pure.
 */
export function liveDemoReadings(seed: number, now: Date): { device: DemoDeviceKey; payload: ReadingPayload }[] {
  const minute = Math.floor(now.getTime() / 60_000);
  const r = randomFor(seed, `devices-live:${minute}`);
  const ts = new Date(minute * 60_000).toISOString();
  const id = (device: string, what: string) => `live-${device}-${what}-${minute}`;
  const hour = Math.floor(((now.getTime() + 8 * HOUR) % (24 * HOUR)) / HOUR);
  const day = hour >= 7 && hour < 20;
  const out: { device: DemoDeviceKey; payload: ReadingPayload }[] = [
    { device: 'door', payload: { ts, messageId: id('door', 'alive'), kind: 'keepalive' } },
    { device: 'smoke', payload: { ts, messageId: id('smoke', 'alive'), kind: 'keepalive' } },
    { device: 'gas', payload: { ts, messageId: id('gas', 'alive'), kind: 'keepalive' } },
    { device: 'band', payload: { ts, messageId: id('band', 'hr'), kind: 'event', key: 'heartRate', value: day ? r.int(64, 86) : r.int(54, 64) } },
  ];
  if (day && r.chance(0.2)) out.push({ device: 'door', payload: { ts, messageId: id('door', 'open'), kind: 'event', key: 'door', value: 'open' } });
  return out;
}

/** `demo-devices-live` (DEMO_LIVE only): every five minutes the demo devices are heard, so they stay online while the demo runs. */
export function demoDevicesLiveJob(db: Db, seed: number, clock: () => Date = () => new Date()): JobDefinition {
  return {
    name: 'demo-devices-live',
    cron: '*/5 * * * *',
    expireInSeconds: 120,
    handler: async () => {
      const ids = await existingDevices(db, DEMO_DEVICES.map((d) => d.id));
      if (ids.length === 0) return;
      const ingest = new ReadingIngest(db, { clock });
      try {
        const byDevice = new Map<string, ReadingPayload[]>();
        for (const x of liveDemoReadings(seed, clock())) {
          const deviceId = DEMO_DEVICES.find((d) => d.key === x.device)!.id;
          if (ids.includes(deviceId)) byDevice.set(deviceId, [...(byDevice.get(deviceId) ?? []), x.payload]);
        }
        await Promise.all([...byDevice].map(([deviceId, payloads]) => ingest.submit(deviceId, payloads)));
      } finally {
        await ingest.close();
      }
    },
  };
}
