// The subscriber to an external broker (MQTT_URL; Mosquitto in CI, started by .ci/run): readings acknowledged to the
// broker only after they are stored, a failed store sent again by the broker, and the shared subscription handing each
// message to one node. Skipped when MQTT_URL is unset.
import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { startBrokerSubscriber, type BrokerSubscriber } from '../../src/server/devices/mqtt/broker-subscriber.ts';
import type { IngestOutcome } from '../../src/server/devices/ingest.ts';

const url = process.env.MQTT_URL;
const run = randomUUID().slice(0, 8);
// a shared-subscription group of this run's own: another test file's subscribers on the same broker never share it
const group = `test-${run}`;
const opened: (BrokerSubscriber | MqttClient)[] = [];

afterAll(async () => {
  for (const o of opened) await ('endAsync' in o ? o.endAsync(true) : o.close({ leave: true }));
});

/** Stores in memory; fails the next `failures` submits. */
class MemorySink {
  stored: { deviceId: string; payloads: readonly unknown[]; by: string }[] = [];
  calls = 0;
  failures = 0;
  private readonly name: string;
  constructor(name: string) {
    this.name = name;
  }
  async submit(deviceId: string, payloads: readonly unknown[]): Promise<IngestOutcome> {
    this.calls++;
    await new Promise((r) => setTimeout(r, 5));
    if (this.failures > 0) {
      this.failures--;
      throw new Error('database unavailable');
    }
    this.stored.push({ deviceId, payloads, by: this.name });
    return { stored: payloads.length, duplicates: 0, alarmIds: [] };
  }
}

const waitFor = async (cond: () => boolean, ms = 8000) => {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe.skipIf(!url)('subscriber to the broker at MQTT_URL', () => {
  const logLines: string[] = [];
  const log = (l: string) => logLines.push(l);

  async function publisher(): Promise<MqttClient> {
    const c = await mqtt.connectAsync(url!, { clientId: `test-device-${run}-${opened.length}` });
    opened.push(c);
    return c;
  }

  it('stores each reading and acknowledges it; a failed store is not acknowledged, and the broker sends it again', async () => {
    const sink = new MemorySink('a');
    sink.failures = 1;
    const sub = await startBrokerSubscriber({ url: url!, shared: true, group, connections: 2, clientId: `zhizhi-test-${run}-a`, sink, log });
    opened.push(sub);
    const device = await publisher();
    await device.publishAsync(`devices/dev-${run}/readings`, JSON.stringify({ messageId: 'r1', key: 'door', value: 'open' }), { qos: 1 });
    await waitFor(() => sink.stored.length === 1);
    expect(sink.calls).toBe(2);
    expect(sink.stored[0]).toEqual({ deviceId: `dev-${run}`, payloads: [{ messageId: 'r1', key: 'door', value: 'open' }], by: 'a' });
    expect(logLines.some((l) => l.includes('not acknowledged') && l.includes('database unavailable'))).toBe(true);
    await sub.close({ leave: true });
    opened.splice(opened.indexOf(sub), 1);
  });

  it('hands each message of the shared subscription to one node only', async () => {
    const a = new MemorySink('a');
    const b = new MemorySink('b');
    const subA = await startBrokerSubscriber({ url: url!, shared: true, group, connections: 2, clientId: `zhizhi-test-${run}-na`, sink: a, log });
    const subB = await startBrokerSubscriber({ url: url!, shared: true, group, connections: 2, clientId: `zhizhi-test-${run}-nb`, sink: b, log });
    opened.push(subA, subB);
    const device = await publisher();
    for (let i = 0; i < 40; i++) {
      await device.publishAsync(`devices/shared-${run}/readings`, JSON.stringify({ messageId: `s${i}`, key: 'heartRate', value: 70 }), { qos: 1 });
    }
    await waitFor(() => a.stored.length + b.stored.length >= 40);
    await new Promise((r) => setTimeout(r, 300));
    const ids = [...a.stored, ...b.stored].map((s) => (s.payloads[0] as { messageId: string }).messageId).sort();
    expect(ids).toEqual(Array.from({ length: 40 }, (_, i) => `s${i}`).sort());
    expect(a.stored.length).toBeGreaterThan(0);
    expect(b.stored.length).toBeGreaterThan(0);
    for (const s of [subA, subB]) {
      await s.close({ leave: true });
      opened.splice(opened.indexOf(s), 1);
    }
  });

  it('acknowledges and drops a message that is not a reading', async () => {
    const sink = new MemorySink('c');
    const sub = await startBrokerSubscriber({ url: url!, shared: true, group, connections: 1, clientId: `zhizhi-test-${run}-c`, sink, log });
    opened.push(sub);
    const device = await publisher();
    await device.publishAsync(`devices/junk-${run}/readings`, 'not json', { qos: 1 });
    await device.publishAsync(`devices/junk-${run}/readings`, JSON.stringify({ messageId: 'after' }), { qos: 1 });
    await waitFor(() => sink.stored.length === 1);
    expect(sink.stored[0]!.payloads).toEqual([{ messageId: 'after' }]);
    expect(logLines.some((l) => l.includes(`dropped a message of device junk-${run}`))).toBe(true);
  });
});
