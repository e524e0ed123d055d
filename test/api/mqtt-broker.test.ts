// The embedded MQTT broker's contract with devices, with a stand-in ingest whose answers the test holds: who may sign
// in and publish where, and that a QoS 1 PUBACK is written only after the ingest has stored the message (and never for
// a message it failed to store). The same broker over the real ingest and database: test/api/mqtt-ingest.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import { startEmbeddedBroker, type EmbeddedBroker } from '../../src/server/devices/mqtt/embedded-broker.ts';
import type { IngestOutcome } from '../../src/server/devices/ingest.ts';
import { AppError } from '../../src/server/platform/errors.ts';

const TOKENS: Record<string, string> = { 'dev-a': 'token-a', 'dev-b': 'token-b' };
const verifier = { verify: async (id: string, token: string) => TOKENS[id] === token };

/** An ingest whose every submit waits until the test says how it ends. */
class HeldSink {
  calls: { deviceId: string; payloads: readonly unknown[]; resolve: (o: IngestOutcome) => void; reject: (e: Error) => void }[] = [];
  stored: { deviceId: string; payloads: readonly unknown[] }[] = [];
  hold = true;
  submit(deviceId: string, payloads: readonly unknown[]): Promise<IngestOutcome> {
    const bad = payloads.find((p) => typeof p !== 'object' || p === null || !('ts' in p || 'messageId' in p));
    if (bad !== undefined) return Promise.reject(new AppError('READING_INVALID', 'a reading needs ts or messageId', '读数缺少时间或消息编号'));
    if (!this.hold) {
      this.stored.push({ deviceId, payloads });
      return Promise.resolve({ stored: payloads.length, duplicates: 0, alarmIds: [] });
    }
    return new Promise((resolve, reject) => this.calls.push({
      deviceId, payloads,
      resolve: (o) => { this.stored.push({ deviceId, payloads }); resolve(o); },
      reject,
    }));
  }
}

const sink = new HeldSink();
const logLines: string[] = [];
let broker: EmbeddedBroker;
const clients: MqttClient[] = [];

beforeAll(async () => {
  broker = await startEmbeddedBroker({ port: 0, host: '127.0.0.1', sink, verifier, log: (l) => logLines.push(l) });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.endAsync(true)));
  await broker.close();
});

async function connect(username: string, password: string, o: mqtt.IClientOptions = {}): Promise<MqttClient> {
  const c = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, { username, password, reconnectPeriod: 0, ...o });
  clients.push(c);
  return c;
}

const waitFor = async (cond: () => boolean, ms = 3000) => {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('signing in', () => {
  it('refuses a wrong token, an unknown device and a missing password with CONNACK 4', async () => {
    for (const [u, p] of [['dev-a', 'token-b'], ['nobody', 'token-a'], ['dev-a', '']] as const) {
      await expect(mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, { username: u, password: p, reconnectPeriod: 0 }))
        .rejects.toThrow(/Bad username or password|Not authorized/i);
    }
  });

  it('refuses every subscription of a device (SUBACK 128)', async () => {
    const c = await connect('dev-a', 'token-a');
    // mqtt.js turns a SUBACK of 128 into a refused promise
    await expect(c.subscribeAsync('devices/dev-b/readings', { qos: 1 })).rejects.toThrow(/Subscribe error/);
    await expect(c.subscribeAsync('#', { qos: 0 })).rejects.toThrow(/Subscribe error/);
  });
});

describe('publishing', () => {
  it('acknowledges a QoS 1 reading only after the ingest has stored it', async () => {
    sink.hold = true;
    const c = await connect('dev-a', 'token-a');
    let acked = false;
    const publishing = c.publishAsync('devices/dev-a/readings', JSON.stringify({ messageId: 'm1', key: 'door', value: 'open' }), { qos: 1 })
      .then(() => { acked = true; });
    await waitFor(() => sink.calls.length === 1);
    // the broker holds the PUBACK while the store is in progress
    await new Promise((r) => setTimeout(r, 200));
    expect(acked).toBe(false);
    expect(sink.stored).toHaveLength(0);
    sink.calls.shift()!.resolve({ stored: 1, duplicates: 0, alarmIds: [] });
    await publishing;
    expect(acked).toBe(true);
    expect(sink.stored).toEqual([{ deviceId: 'dev-a', payloads: [{ messageId: 'm1', key: 'door', value: 'open' }] }]);
  });

  it('never acknowledges a message it failed to store: the connection drops and the device sends it again', async () => {
    sink.hold = true;
    sink.stored = [];
    const c = await connect('dev-a', 'token-a', { reconnectPeriod: 100, clean: true });
    let acked = false;
    const publishing = c.publishAsync('devices/dev-a/readings', JSON.stringify({ messageId: 'm2', key: 'door', value: 'open' }), { qos: 1 })
      .then(() => { acked = true; });
    await waitFor(() => sink.calls.length === 1);
    sink.calls.shift()!.reject(new Error('database unavailable'));
    await waitFor(() => logLines.some((l) => l.includes('database unavailable')));
    expect(acked).toBe(false);
    expect(sink.stored).toHaveLength(0);
    // mqtt.js resends its unacknowledged message on reconnect; this time the store succeeds
    await waitFor(() => sink.calls.length === 1, 5000);
    sink.calls.shift()!.resolve({ stored: 1, duplicates: 0, alarmIds: [] });
    await publishing;
    expect(acked).toBe(true);
    expect(sink.stored.map((s) => s.payloads)).toEqual([[{ messageId: 'm2', key: 'door', value: 'open' }]]);
  });

  it('takes a batch as { readings: [...] } in one submit', async () => {
    sink.hold = false;
    sink.stored = [];
    const c = await connect('dev-b', 'token-b');
    await c.publishAsync('devices/dev-b/readings', JSON.stringify({ readings: [{ ts: 1, key: 'smoke', value: 1 }, { ts: 2, key: 'smoke', value: 1 }] }), { qos: 1 });
    expect(sink.stored).toEqual([{ deviceId: 'dev-b', payloads: [{ ts: 1, key: 'smoke', value: 1 }, { ts: 2, key: 'smoke', value: 1 }] }]);
  });

  it('acknowledges and drops what no retry can fix (not JSON, a refused reading), with a log line', async () => {
    sink.hold = false;
    sink.stored = [];
    const c = await connect('dev-b', 'token-b');
    await c.publishAsync('devices/dev-b/readings', 'not json', { qos: 1 });
    await c.publishAsync('devices/dev-b/readings', JSON.stringify({ key: 'smoke' }), { qos: 1 });
    // larger than an HTTP body may be (256 kB)
    await c.publishAsync('devices/dev-b/readings', JSON.stringify({ messageId: 'big', key: 'x'.repeat(300_000) }), { qos: 1 });
    expect(sink.stored).toHaveLength(0);
    expect(logLines.some((l) => l.includes('dropped a message of device dev-b') && l.includes('bytes (300'))).toBe(true);
    expect(logLines.some((l) => l.includes('dropped a message of device dev-b: not a JSON reading'))).toBe(true);
    expect(logLines.some((l) => l.includes('dropped a message of device dev-b: a reading needs ts or messageId'))).toBe(true);
    // the connection is still open
    await c.publishAsync('devices/dev-b/readings', JSON.stringify({ messageId: 'ok' }), { qos: 1 });
    expect(sink.stored).toHaveLength(1);
  });

  it("closes the connection of a device publishing to another device's topic, or outside devices/, and stores nothing", async () => {
    sink.hold = false;
    sink.stored = [];
    for (const topic of ['devices/dev-b/readings', 'devices/dev-a/commands', '$SYS/broker/x', 'anything']) {
      const c = await connect('dev-a', 'token-a');
      const closed = new Promise<void>((r) => c.once('close', () => r()));
      let acked = false;
      void c.publishAsync(topic, JSON.stringify({ messageId: 'x' }), { qos: 1 }).then(() => { acked = true; }, () => undefined);
      await closed;
      expect(acked).toBe(false);
    }
    expect(sink.stored).toHaveLength(0);
  });

  it('stops taking readings from a device whose token stopped being valid while it was connected', async () => {
    sink.hold = false;
    sink.stored = [];
    TOKENS['dev-c'] = 'token-c';
    const c = await connect('dev-c', 'token-c');
    await c.publishAsync('devices/dev-c/readings', JSON.stringify({ messageId: 'c1' }), { qos: 1 });
    delete TOKENS['dev-c'];
    const closed = new Promise<void>((r) => c.once('close', () => r()));
    void c.publishAsync('devices/dev-c/readings', JSON.stringify({ messageId: 'c2' }), { qos: 1 }).catch(() => undefined);
    await closed;
    expect(sink.stored.map((s) => s.payloads)).toEqual([[{ messageId: 'c1' }]]);
  });
});
