// Readings over MQTT into the database through the real ingest and device check: the embedded broker (the service as
// main.ts starts it, on an ephemeral port) and, when MQTT_URL is set (Mosquitto in CI), the subscriber to that broker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID } from '../support/places.ts';
import { mqttService } from '../../src/server/devices/mqtt/mqtt-service.ts';

let t: TestApp;
const logLines: string[] = [];
const clients: MqttClient[] = [];
const services: { stop: () => Promise<void> }[] = [];
const DOOR = `mqtt-door-${randomUUID().slice(0, 8)}`;
const OTHER = `mqtt-other-${randomUUID().slice(0, 8)}`;
const TOKEN = 'door-token-0123456789';

/** A door magnet in the demo grid, written as the create command would leave it (token hash, profile, place). */
async function insertDevice(id: string, token: string): Promise<void> {
  const grid = (await t.db.query<{ id: string; path: string; town: string }>(
    `select g.id, g.path, t.id as town from org_units g join org_units t on g.path like t.path || '%' and t.level = 'town' where g.code = $1`, [DEMO_GRID])).rows[0]!;
  await t.db.query(
    `insert into devices (id, town_id, grid_id, org_path, device_type, profile_id, name, binding_kind, binding_id, token_hash, created_at, updated_at)
     values ($1, $2, $3, $4, 'doorMagnet', 'platform-door-magnet', '测试门磁', 'household', 'h-1', $5, $6, $6)`,
    [id, grid.town, grid.id, grid.path, createHash('sha256').update(token).digest('hex'), t.clock.now]);
}

const readingsOf = async (id: string) => (await t.db.query<{ key: string; text_value: string | null }>(
  `select key, text_value from device_readings where device_id = $1 order by at`, [id])).rows;

beforeAll(async () => {
  t = await createTestApp();
  await insertDevice(DOOR, TOKEN);
  await insertDevice(OTHER, 'other-token-0123456789');
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.endAsync(true)));
  for (const s of services) await s.stop();
  await t.close();
});

describe('the embedded broker over the real ingest', () => {
  let port = 0;
  beforeAll(async () => {
    const service = mqttService({ db: t.db, config: { ...t.config, host: '127.0.0.1', env: { MQTT_PORT: '0' } }, clock: () => t.clock.now }, { log: (l) => logLines.push(l) });
    await service.start();
    services.push(service);
    port = service.port()!;
  });

  const connect = async (username: string, password: string) => {
    const c = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { username, password, reconnectPeriod: 0 });
    clients.push(c);
    return c;
  };

  it('keeps the node up, saying MQTT is off, when its port is taken', async () => {
    const second = mqttService({ db: t.db, config: { ...t.config, host: '127.0.0.1', env: { MQTT_PORT: String(port) } } }, { log: (l) => logLines.push(l) });
    await second.start();
    expect(second.port()).toBeNull();
    expect(logLines.some((l) => l.includes(`port ${port} is in use: readings over MQTT are OFF`))).toBe(true);
    await second.stop();
  });

  it('refuses a wrong token', async () => {
    await expect(mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { username: DOOR, password: 'wrong', reconnectPeriod: 0 }))
      .rejects.toThrow(/Bad username or password/i);
  });

  it('has the reading in the database when the PUBACK arrives, and stores a retried message id once', async () => {
    const c = await connect(DOOR, TOKEN);
    await c.publishAsync(`devices/${DOOR}/readings`, JSON.stringify({ messageId: 'door-1', key: 'door', value: 'open' }), { qos: 1 });
    expect(await readingsOf(DOOR)).toEqual([{ key: 'door', text_value: 'open' }]);
    const seen = (await t.db.query<{ last_event_at: Date | null }>(`select last_event_at from devices where id = $1`, [DOOR])).rows[0]!;
    expect(seen.last_event_at).not.toBeNull();
    // the device did not hear the PUBACK and sends the message again (a new packet id, the same message id)
    await c.publishAsync(`devices/${DOOR}/readings`, JSON.stringify({ messageId: 'door-1', key: 'door', value: 'open' }), { qos: 1 });
    expect(await readingsOf(DOOR)).toHaveLength(1);
  });

  it("refuses a publish to another device's topic and stores nothing there", async () => {
    const c = await connect(DOOR, TOKEN);
    const closed = new Promise<void>((r) => c.once('close', () => r()));
    void c.publishAsync(`devices/${OTHER}/readings`, JSON.stringify({ messageId: 'x', key: 'door', value: 'open' }), { qos: 1 }).catch(() => undefined);
    await closed;
    expect(await readingsOf(OTHER)).toHaveLength(0);
  });

  it('acknowledges and drops a reading the ingest refuses, with a log line', async () => {
    const c = await connect(OTHER, 'other-token-0123456789');
    await c.publishAsync(`devices/${OTHER}/readings`, JSON.stringify({ key: 'door', value: 'open' }), { qos: 1 });
    expect(await readingsOf(OTHER)).toHaveLength(0);
    expect(logLines.some((l) => l.includes(`dropped a message of device ${OTHER}`) && l.includes('neither ts nor messageId'))).toBe(true);
  });
});

describe.skipIf(!process.env.MQTT_URL)('the subscriber to MQTT_URL over the real ingest', () => {
  it('stores what a device publishes to the external broker, once, however often it is sent', async () => {
    const service = mqttService({
      db: t.db, clock: () => t.clock.now,
      config: { ...t.config, env: { MQTT_URL: process.env.MQTT_URL!, MQTT_CLIENT_ID: `zhizhi-test-${randomUUID().slice(0, 8)}`,
        // a group of its own, so this file's subscriber never takes another test file's messages on the same broker
        MQTT_SHARE_GROUP: `test-${randomUUID().slice(0, 8)}`, MQTT_CONNECTIONS: '2' } },
    }, { log: (l) => logLines.push(l) });
    await service.start();
    services.push(service);
    const device = await mqtt.connectAsync(process.env.MQTT_URL!, { clientId: `device-${randomUUID().slice(0, 8)}` });
    clients.push(device);
    for (let i = 0; i < 3; i++) {
      await device.publishAsync(`devices/${OTHER}/readings`, JSON.stringify({ messageId: 'ext-1', key: 'door', value: 'closed' }), { qos: 1 });
    }
    const until = Date.now() + 8000;
    while ((await readingsOf(OTHER)).length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300));
    expect(await readingsOf(OTHER)).toEqual([{ key: 'door', text_value: 'closed' }]);
  });
});
