import type { DeviceType, ReadingPayload } from '../../../shared/devices.ts';
import { Random } from '../../cases/demo/random.ts';

/*
 * What the demo's devices sent over the past weeks, planned from a seed: keep-alives, an old person's
 * door opened through each day, a heart-rate sample every ten minutes, batteries running down — and the three stories
 * the demo tells: a door not opened for a day at the home of an old woman living alone, a wristband's heart rate low
 * for minutes one night, and a water-leak sensor gone silent two days ago. Pure: no database, no clock of its own.
 */

export type DemoDeviceKey = 'door' | 'band' | 'smoke' | 'gas' | 'water';

export interface DemoDeviceSpec {
  key: DemoDeviceKey;
  /** fixed, so README can name it */
  id: string;
  /** fixed and published in README: demo only (a real device's token is random and shown once) */
  token: string;
  type: DeviceType;
  name: string;
  serialNo: string;
}

export const DEMO_DEVICES: readonly DemoDeviceSpec[] = [
  { key: 'door', id: 'demo-door-1', token: 'demo-door-token-not-secret', type: 'doorMagnet', name: '门磁（独居老人家）', serialNo: 'DM-2026-0001' },
  { key: 'band', id: 'demo-band-1', token: 'demo-band-token-not-secret', type: 'wristband', name: '智能手环（心脏病随访）', serialNo: 'WB-2026-0001' },
  { key: 'smoke', id: 'demo-smoke-1', token: 'demo-smoke-token-not-secret', type: 'smokeDetector', name: '烟感（店铺）', serialNo: 'SD-2026-0001' },
  { key: 'gas', id: 'demo-gas-1', token: 'demo-gas-token-not-secret', type: 'gasSensor', name: '燃气探测器（厨房）', serialNo: 'GS-2026-0001' },
  { key: 'water', id: 'demo-water-1', token: 'demo-water-token-not-secret', type: 'waterLeakSensor', name: '水浸探测器（地下室）', serialNo: 'WL-2026-0001' },
];

/** What the rules of the devices' profiles say, read from the profiles (so the stories follow the configured numbers). */
export interface DemoRuleNumbers {
  /** the door's inactivity rule (24 h by default) */
  doorAfterSec: number;
  /** the wristband's low heart-rate threshold (45) and how long it must hold (120 s) */
  heartLow: number;
  heartForSec: number;
}

export interface PlannedReading { device: DemoDeviceKey; at: Date; payload: ReadingPayload }

/** A story's instants: when the alarm is due (the clock is run to it), and what people did after. */
export interface DemoStory {
  kind: 'doorInactivity' | 'heartRateLow';
  device: DemoDeviceKey;
  /** the alarm's instant: the readings before it are stored, then the rules' deadlines are fired at it */
  raiseAt: Date;
}

export interface DemoReadingsPlan {
  installedAt: Date;
  readings: PlannedReading[];
  stories: DemoStory[];
  /** the water-leak sensor's last reading: it is offline since an hour later */
  silentFrom: Date;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;
/** midnight (Asia/Shanghai) of the day holding t */
const midnight = (t: number) => Math.floor((t + SHANGHAI) / DAY) * DAY - SHANGHAI;

export function planDemoReadings(seed: number, now: Date, rules: DemoRuleNumbers, days = 21): DemoReadingsPlan {
  const r = new Random(seed).fork('devices');
  const end = now.getTime();
  const firstDay = midnight(end) - days * DAY;
  const installedAt = new Date(firstDay + 10 * HOUR);
  const start = installedAt.getTime() + 15 * MIN;
  const readings: PlannedReading[] = [];
  const add = (device: DemoDeviceKey, at: number, payload: Omit<ReadingPayload, 'ts'>) => {
    if (at >= start && at < end) readings.push({ device, at: new Date(at), payload: { ts: new Date(at).toISOString(), ...payload } });
  };

  // the stories' days: the door story nine days ago, the heart-rate one four nights ago (at 02:10)
  const doorDay = midnight(end) - 9 * DAY;
  const lastDoorBefore = doorDay + 8 * HOUR + 40 * MIN; // she came back from the market at 08:40, then nothing
  const doorRaise = lastDoorBefore + rules.doorAfterSec * 1000;
  const arrival = doorRaise + 24 * MIN; // the grid worker opens the door with her daughter
  const heartStart = midnight(end) - 4 * DAY + 2 * HOUR + 10 * MIN;
  const heartEnd = heartStart + rules.heartForSec * 1000 + 2 * MIN;
  const silentFrom = end - 50 * HOUR;

  // keep-alives with the battery (the wristband's heart-rate samples do instead)
  const battery: Record<DemoDeviceKey, number> = { door: 92, band: 80, smoke: 97, gas: 95, water: 34 };
  // (the door magnet's offline rule is an hour; the battery sensors' a day, so they report every four hours)
  for (const device of ['door', 'smoke', 'gas', 'water'] as const) {
    const every = device === 'door' ? 30 * MIN : 4 * HOUR;
    const drain = ((device === 'water' ? 30 : 4) / (days * DAY)) * every;
    let level = battery[device];
    for (let t = start + r.int(0, 29) * MIN; t < end; t += every) {
      if (device === 'water' && t > silentFrom) break;
      level -= drain;
      add(device, t, { kind: 'keepalive', battery: Math.max(1, Math.round(level)) });
    }
  }

  // the old woman's door: out to the market in the morning, a walk in the afternoon, the evening; never a day without
  for (let day = midnight(start); day < end; day += DAY) {
    const opens = [
      day + r.int(6 * 60 + 30, 8 * 60) * MIN, day + r.int(8 * 60 + 10, 9 * 60 + 30) * MIN,
      day + r.int(15 * 60, 16 * 60) * MIN, day + r.int(16 * 60 + 10, 17 * 60 + 30) * MIN,
      ...(r.chance(0.5) ? [day + r.int(18 * 60, 20 * 60) * MIN] : []),
    ];
    for (const t of opens) {
      if (day === doorDay && t > lastDoorBefore) continue;
      if (day === doorDay + DAY && t < arrival) continue;
      add('door', t, { kind: 'event', key: 'door', value: 'open' });
    }
    if (day === doorDay) add('door', lastDoorBefore, { kind: 'event', key: 'door', value: 'open' });
    if (day === doorDay + DAY) add('door', arrival, { kind: 'event', key: 'door', value: 'open' });
  }

  // the wristband: a sample every ten minutes, lower at night; one night, minutes under the limit
  for (let t = start; t < end; t += 10 * MIN) {
    if (t >= heartStart && t < heartEnd) continue;
    const hour = Math.floor(((t + SHANGHAI) % DAY) / HOUR);
    const night = hour < 6 || hour >= 23;
    const value = night ? r.int(54, 64) : r.int(64, 86);
    add('band', t, { kind: 'event', key: 'heartRate', value, ...(t % (6 * HOUR) < 10 * MIN ? { battery: Math.max(5, Math.round(80 - ((t - start) / DAY) * 2.5)) } : {}) });
  }
  for (let t = heartStart, i = 0; t < heartEnd; t += 30_000, i++) {
    add('band', t, { kind: 'event', key: 'heartRate', value: Math.max(30, rules.heartLow - 3 - (i % 4)) });
  }

  readings.sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    installedAt, readings, silentFrom: new Date(silentFrom),
    stories: [
      { kind: 'doorInactivity', device: 'door', raiseAt: new Date(doorRaise) },
      { kind: 'heartRateLow', device: 'band', raiseAt: new Date(heartEnd) },
    ].filter((s) => s.raiseAt.getTime() > start && s.raiseAt.getTime() < end - HOUR) as DemoStory[],
  };
}
