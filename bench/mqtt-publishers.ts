// The devices of the mqtt-ingest benchmark, in a worker thread of their own: one mqtt.js connection per device, each
// publishing its readings at QoS 1 and waiting for every PUBACK. On its own thread (and V8 heap) so the broker's
// process measures only the broker and the ingest, in time and in memory, as with real devices elsewhere.
import { parentPort } from 'node:worker_threads';
import mqtt, { type MqttClient } from 'mqtt';

export type PublisherCommand =
  | { cmd: 'connect'; url: string; devices: { id: string; token?: string }[] }
  | { cmd: 'publish'; perDevice: number; round: number; baseMs: number }
  | { cmd: 'event'; device: number; key: string; messageId: string }
  | { cmd: 'close' };

export type PublisherAnswer = { ok: true; ms: number; sent: number; at: number } | { ok: false; error: string };

let clients: { id: string; client: MqttClient }[] = [];
const KEYS = ['door', 'heartRate', 'smoke'] as const;

async function handle(c: PublisherCommand): Promise<PublisherAnswer> {
  const t0 = performance.now();
  switch (c.cmd) {
    case 'connect': {
      for (const c2 of clients) await c2.client.endAsync(true);
      clients = [];
      // a few at a time: a real fleet does not connect in one instant either
      for (let i = 0; i < c.devices.length; i += 50) {
        clients.push(...await Promise.all(c.devices.slice(i, i + 50).map(async (d) => ({
          id: d.id,
          client: await mqtt.connectAsync(c.url, { username: d.token ? d.id : undefined, password: d.token, clientId: `bench-${d.id}`, reconnectPeriod: 0, clean: true }),
        }))));
      }
      return { ok: true, ms: performance.now() - t0, sent: 0, at: Date.now() };
    }
    case 'publish': {
      let sent = 0;
      await Promise.all(clients.map(async ({ id, client }, n) => {
        const pending: Promise<unknown>[] = [];
        for (let k = 0; k < c.perDevice; k++) {
          const seq = c.round * c.perDevice + k;
          // ordinary readings that raise nothing: a door opening, a resting heart rate, a smoke detector's keep-alive
          const kind = KEYS[n % KEYS.length]!;
          const body = kind === 'door' ? { key: 'door', value: seq % 2 ? 'open' : 'closed' }
            : kind === 'heartRate' ? { key: 'heartRate', value: 60 + (seq % 30) }
            : { kind: 'keepalive', battery: 90 };
          pending.push(client.publishAsync(`devices/${id}/readings`, JSON.stringify({ ts: c.baseMs + seq * 1000, messageId: `${id}-${seq}`, ...body }), { qos: 1 }));
          sent++;
        }
        await Promise.all(pending);
      }));
      return { ok: true, ms: performance.now() - t0, sent, at: Date.now() };
    }
    case 'event': {
      const { id, client } = clients[c.device]!;
      const at = Date.now();
      await client.publishAsync(`devices/${id}/readings`, JSON.stringify({ messageId: c.messageId, key: c.key, value: 1 }), { qos: 1 });
      return { ok: true, ms: performance.now() - t0, sent: 1, at };
    }
    case 'close': {
      await Promise.all(clients.map((x) => x.client.endAsync(true)));
      clients = [];
      return { ok: true, ms: performance.now() - t0, sent: 0, at: Date.now() };
    }
  }
}

parentPort?.on('message', (c: PublisherCommand) => {
  handle(c).then((a) => parentPort!.postMessage(a), (err: Error) => parentPort!.postMessage({ ok: false, error: err.message } satisfies PublisherAnswer));
});
