// Readings over MQTT (issue 13): "readings per second through MQTT with rules active for 100,000 devices, against the
// bare broker-to-subscriber rate in the same run: target ≥ 50 % of bare; memory per 100,000 devices; alarm-to-order
// latency p95 < 1 s".
//
// 100,000 devices (door magnets, wristbands, smoke detectors on the platform's default profiles, every rule armed) are
// written to the database; a share of them connect (one mqtt.js connection each, in a worker thread: the devices are
// not the server) and publish ordinary readings at QoS 1, waiting for every PUBACK.
//   - bare: the same publishers to a plain aedes broker, a QoS 1 subscriber receiving every reading (no store);
//   - subject: the embedded broker (src/server/devices/mqtt/embedded-broker.ts) with the device check and the real
//     ReadingIngest — each reading stored, its rules evaluated and the PUBACK written after the commit.
// Memory: the broker process's live heap (after a full GC) per connected device, for 100,000; and the database's
// devices and rule states for 100,000. Latency: a wristband's SOS published → its alarm's care order opened by the
// alarm clock (kicked by the ingest), sampled one at a time.
//
// PostgreSQL with BENCH_DATABASE_URL (a role that may create databases), else the embedded PGlite.
import { Worker } from 'node:worker_threads';
import { createServer, type AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Aedes } from 'aedes';
import mqtt from 'mqtt';
import { openPglite, openPostgres, type Db } from '../src/server/platform/db/db.ts';
import { migrate } from '../src/server/platform/db/migrate.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { seedDemo } from '../src/server/platform/seed/seed-demo.ts';
import { ensureDefaultProfiles } from '../src/server/devices/setup.ts';
import { DEFAULT_PROFILES } from '../src/server/devices/default-profiles.ts';
import { armNewDevice } from '../src/domain/devices/rules.ts';
import { ReadingIngest, alarmsRaised } from '../src/server/devices/ingest.ts';
import { DeviceAuthenticator } from '../src/server/devices/device-auth.ts';
import { startEmbeddedBroker } from '../src/server/devices/mqtt/embedded-broker.ts';
import { alarmClockService } from '../src/server/alarms/alarm-clock.ts';
import { createScratchDatabase } from '../test/support/scratch-database.ts';
import { DEMO_GRID, gridCentre } from '../test/support/places.ts';
import { fmt, type BenchContext } from './harness.ts';
import type { PublisherAnswer, PublisherCommand } from './mqtt-publishers.ts';

export const name = 'mqtt-ingest';
export const description = 'readings over MQTT into the ingest with rules for 100,000 devices vs bare broker → subscriber; memory per 100,000 devices; alarm → care order p95';

const TYPES = [
  { type: 'doorMagnet', profile: 'platform-door-magnet' },
  { type: 'wristband', profile: 'platform-wristband' },
  { type: 'smokeDetector', profile: 'platform-smoke-detector' },
] as const;
const BARE = 'bare: broker → subscriber, QoS 1';
const SUBJECT = 'embedded broker → ingest with rules, PUBACK after commit';

/** The devices' thread: one command at a time, answered when done. */
function publishers(): { send: (c: PublisherCommand) => Promise<PublisherAnswer & { ok: true }>; close: () => Promise<void> } {
  const worker = new Worker(new URL('./mqtt-publishers.ts', import.meta.url));
  let chain: Promise<unknown> = Promise.resolve();
  const send = (c: PublisherCommand) => {
    const next = chain.then(() => new Promise<PublisherAnswer & { ok: true }>((resolve, reject) => {
      worker.once('message', (a: PublisherAnswer) => (a.ok ? resolve(a) : reject(new Error(`publishers: ${a.error}`))));
      worker.postMessage(c);
    }));
    chain = next.catch(() => undefined);
    return next;
  };
  return { send, close: async () => { await worker.terminate(); } };
}

function collect(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
const liveHeapMb = () => {
  collect();
  return process.memoryUsage().heapUsed / 1e6;
};

async function openDb(ctx: BenchContext): Promise<{ db: Db; close: () => Promise<void> }> {
  const server = ctx.env.BENCH_DATABASE_URL;
  if (!server) {
    const db = await openPglite(undefined);
    return { db, close: () => db.close() };
  }
  const scratch = await createScratchDatabase(server, 'zhizhi_bench');
  const db = await openPostgres(scratch.url, 10);
  return { db, close: async () => { await db.close(); await scratch.drop(); } };
}

/** `n` devices in the demo grid, a third of each type, every rule of their profile armed at `at`. */
async function loadDevices(db: Db, n: number, at: Date): Promise<void> {
  const grid = (await db.query<{ id: string; path: string; town: string }>(
    `select g.id, g.path, t.id as town from org_units g join org_units t on g.path like t.path || '%' and t.level = 'town' where g.code = $1`, [DEMO_GRID])).rows[0]!;
  const point = await gridCentre(db, DEMO_GRID);
  await db.query(
    `insert into devices (id, town_id, grid_id, org_path, device_type, profile_id, name, binding_kind, binding_id, lng, lat, address, token_hash, created_at, updated_at)
     select 'bench-dev-' || i, $1, $2, $3, ($4::text[])[i % 3 + 1], ($5::text[])[i % 3 + 1], '压测设备 ' || i, 'household', 'bench-household-' || i,
            $6, $7, '压测地址 ' || i, encode(sha256(convert_to('bench-token-' || i, 'UTF8')), 'hex'), $8, $8
       from generate_series(0, $9::int - 1) i`,
    [grid.town, grid.id, grid.path, TYPES.map((t) => t.type), TYPES.map((t) => t.profile), point.lng, point.lat, at, n]);
  const states = Object.fromEntries(DEFAULT_PROFILES.map((p) => [p.id, armNewDevice(p.rules, at.getTime())]));
  await db.query(
    `insert into device_rule_states (device_id, rule_id, state, deadline_at, updated_at)
     select d.id, s.key, s.value, to_timestamp((s.value->>'deadlineAt')::double precision / 1000), $2
       from devices d cross join lateral jsonb_each($1::jsonb -> d.profile_id) s
      where d.id like 'bench-dev-%'`,
    [JSON.stringify(states), at]);
  await db.exec('analyze devices; analyze device_rule_states');
}

export async function run(ctx: BenchContext): Promise<void> {
  const { db, close } = await openDb(ctx);
  const devicesN = Math.max(3000, Math.round(100_000 * ctx.scale));
  // on PGlite (one transaction at a time, on the broker's own thread) a third as many, to keep the entry near 2 minutes
  const connected = Math.max(150, Math.round((db.kind === 'postgres' ? 1500 : 500) * ctx.scale));
  const perDevice = 10;
  const total = connected * perDevice;
  const pub = publishers();
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    await migrate(db);
    await seedDemo(db);
    const t0 = Date.now();
    const armedAt = new Date();
    await ensureDefaultProfiles(db, armedAt);
    await loadDevices(db, devicesN, armedAt);
    const rules = (await db.query<{ n: string }>(`select count(*) as n from device_rule_states where device_id like 'bench-dev-%'`)).rows[0]!.n;
    ctx.log(`store: ${db.kind}; ${fmt(devicesN)} devices with ${fmt(Number(rules))} armed rule states loaded in ${fmt((Date.now() - t0) / 1000, 1)} s; `
      + `${fmt(connected)} of them connected (a thread of their own), ${perDevice} readings each a round = ${fmt(total)} readings`);
    const ids = Array.from({ length: connected }, (_, i) => `bench-dev-${i}`);
    let round = 0;
    const baseMs = armedAt.getTime() + 1000;

    // bare: the same publishers, a plain broker and one QoS 1 subscriber
    const bare = await Aedes.createBroker();
    const bareServer = createServer(bare.handle);
    await new Promise<void>((r) => bareServer.listen(0, '127.0.0.1', () => r()));
    cleanups.push(() => new Promise<void>((r) => { bare.close(() => bareServer.close(() => r())); }));
    const barePort = (bareServer.address() as AddressInfo).port;
    const subscriber = await mqtt.connectAsync(`mqtt://127.0.0.1:${barePort}`, { clientId: 'bench-subscriber', reconnectPeriod: 0 });
    cleanups.unshift(() => subscriber.endAsync(true));
    let received = 0;
    subscriber.on('message', () => { received++; });
    await subscriber.subscribeAsync('devices/+/readings', { qos: 1 });
    await pub.send({ cmd: 'connect', url: `mqtt://127.0.0.1:${barePort}`, devices: ids.map((id) => ({ id })) });
    await ctx.measure(BARE, { ops: total, unit: 'readings', rounds: 3 }, async () => {
      const expected = received + total;
      await pub.send({ cmd: 'publish', perDevice, round: round++, baseMs });
      while (received < expected) await new Promise((r) => setTimeout(r, 1));
    });
    await pub.send({ cmd: 'close' });

    // the subject: the embedded broker, the device check, the ingest with every rule
    const heapBefore = liveHeapMb();
    const ingest = new ReadingIngest(db, { clock: () => new Date(), onAlarms: (alarmIds) => alarmsRaised(db, alarmIds) });
    const dropped: string[] = [];
    const broker = await startEmbeddedBroker({ port: 0, host: '127.0.0.1', sink: ingest, verifier: new DeviceAuthenticator(db), log: (l) => dropped.push(l) });
    cleanups.unshift(() => ingest.close(), () => broker.close());
    const connectedIn = await pub.send({ cmd: 'connect', url: `mqtt://127.0.0.1:${broker.port}`, devices: ids.map((id, i) => ({ id, token: `bench-token-${i}` })) });
    ctx.log(`${fmt(connected)} devices signed in to the embedded broker in ${fmt(connectedIn.ms / 1000, 1)} s`);
    round = 0;
    await ctx.measure(SUBJECT, { ops: total, unit: 'readings', rounds: 3, vs: BARE }, async () => {
      await pub.send({ cmd: 'publish', perDevice, round: round++, baseMs });
    });
    ctx.compare('with rules ÷ bare broker', SUBJECT, BARE, { target: 0.5 });
    const stored = Number((await db.query<{ n: string }>(`select count(*) as n from device_readings where device_id like 'bench-dev-%'`)).rows[0]!.n);
    ctx.check('every acknowledged reading stored once', stored === round * total && dropped.length === 0,
      `${fmt(stored)} stored of ${fmt(round * total)} acknowledged${dropped.length ? `; ${dropped[0]}` : ''}`);

    // memory: the broker process per connected device (connections, sessions, the device check's cache), and the
    // database's rows of a device (the device and its rule states, with their indexes)
    const heapAfter = liveHeapMb();
    const perDeviceKb = ((heapAfter - heapBefore) * 1000) / connected;
    const dbBytes = Number((await db.query<{ b: string }>(
      `select pg_total_relation_size('devices') + pg_total_relation_size('device_rule_states') as b`)).rows[0]!.b);
    ctx.log(`memory per 100,000 devices: broker process live heap ${fmt((perDeviceKb * 100_000) / 1000)} MB if all connected `
      + `(${fmt(perDeviceKb, 1)} kB a connected device, ${fmt(heapAfter - heapBefore, 1)} MB for ${fmt(connected)}); `
      + `database: devices + rule states ${fmt((dbBytes / devicesN) * 100_000 / 1e6)} MB (${fmt(devicesN)} devices: ${fmt(dbBytes / 1e6)} MB)`);
    ctx.check('memory per 100,000 connected devices under 2 GB of heap', perDeviceKb * 100_000 < 2e6, `${fmt((perDeviceKb * 100_000) / 1000)} MB`);

    // alarm → care order: a wristband's SOS, its care order opened by the alarm clock the ingest kicks
    const clock = alarmClockService({ db, config: loadConfig({ DATA_DIR: '/tmp/zhizhi-bench' }) });
    await clock.start();
    cleanups.unshift(() => clock.stop());
    const samples: number[] = [];
    const wristbands = ids.map((_, i) => i).filter((i) => i % 3 === 1);
    const wanted = Math.max(10, Math.round(40 * ctx.scale));
    for (const i of wristbands.slice(0, wanted)) {
      const sent = await pub.send({ cmd: 'event', device: i, key: 'sos', messageId: `sos-${i}` });
      let opened: number | null = null;
      while (Date.now() - sent.at < 5000) {
        const r = await db.query<{ case_id: string | null }>(`select case_id from alarms where device_id = $1 and alarm_type = 'sos'`, [ids[i]]);
        if (r.rows[0]?.case_id) { opened = Date.now(); break; }
        await new Promise((r2) => setTimeout(r2, 2));
      }
      if (opened === null) break;
      samples.push(opened - sent.at);
    }
    if (samples.length < wanted) {
      ctx.skip('alarm → care order (SOS published → case opened)', `${samples.length} of ${wanted} alarms had a care order within 5 s: the alarm clock did not open them`);
    } else {
      ctx.latency('alarm → care order (SOS published → case opened)', samples, { targetP95Ms: 1000 });
    }
    await pub.send({ cmd: 'close' });
  } finally {
    for (const c of cleanups) await c().catch(() => undefined);
    await pub.close();
    await close();
  }
}
