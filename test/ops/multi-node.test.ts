import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import mqtt from 'mqtt';
import { PgBoss } from 'pg-boss';
import { openPostgres, type Db } from '../../src/server/platform/db/db.ts';
import { DEMO_PASSWORD } from '../../src/server/platform/seed/seed-demo.ts';
import { DEMO_GRID } from '../support/places.ts';
import { client, makeStore, seededGridCentre, sleep, type Child, type Store } from '../faults/harness.ts';
import {
  brokerAvailable, eventually, forgetSessions, openLive, startApiNode, startBroker, startWorker,
  type ApiNode, type Broker, type LiveReader,
} from './support/cluster.ts';

/**
 * Several nodes on one PostgreSQL (issue 18): two API nodes and a worker, real child processes on loopback, one
 * database, one data folder, one MQTT broker (TEST_MQTT_URL, Mosquitto in CI; else a Mosquitto of this test's own).
 * All three work the job queue, so every job below is competed for by three processes. Proved through the API and
 * the store:
 *  - an action on node A reaches a live stream (/api/events) on node B; a device reading published to the broker is
 *    taken by one node only (the shared subscription) and its alarm reaches the streams of both nodes;
 *  - a node whose LISTEN connection is cut tells its streams to read again (`resync`) and hears changes again;
 *  - an SLA sweep and a day's task generation, sent many times at once, have their effects once;
 *  - a login throttle and a public rate limit hold across nodes;
 *  - a node killed (SIGKILL) amid reports loses none it acknowledged, and their retries on the other node with the
 *    same Idempotency-Key answer the first case.
 * PostgreSQL only (a PGlite store belongs to one process).
 */

const here = seededGridCentre(DEMO_GRID);
const run = randomUUID().slice(0, 8);
const runBroker = Boolean(process.env.TEST_DATABASE_URL) && brokerAvailable();

describe.skipIf(!runBroker)('two API nodes and a worker on one PostgreSQL', () => {
  let store: Store;
  let broker: Broker;
  let db: Db;
  let a: ApiNode;
  let b: ApiNode;
  let worker: Child;
  const streams: LiveReader[] = [];
  const clientIds: string[] = [];
  const tokens = { a: {} as Record<string, string>, b: {} as Record<string, string> };

  const nodeEnv = (name: string) => {
    clientIds.push(...[0, 1].map((i) => `zhizhi-${run}-${name}-${i}`));
    return {
      DATABASE_URL: `${store.databaseUrl}?application_name=zhizhi-${name}`,
      DATA_DIR: store.dataDir,
      DATABASE_POOL_SIZE: '6',
      MQTT_URL: broker.url,
      // a group and client ids of this run's own: sessions left on a shared broker by other tests take no share
      MQTT_SHARE_GROUP: `zhizhi-${run}`,
      MQTT_CLIENT_ID: `zhizhi-${run}-${name}`,
      MQTT_CONNECTIONS: '2',
      LIVE_PROBE_MS: '500',
    };
  };
  const api = (n: ApiNode) => client(n.base);
  const login = async (n: ApiNode, username: string) => {
    const r = await api(n)('POST', '/api/auth/login', { body: { username, password: DEMO_PASSWORD } });
    if (r.status !== 200) throw new Error(`login ${username} on ${n.name}: ${r.status} ${r.text}`);
    return r.json.token as string;
  };
  const live = async (n: ApiNode, token: string) => {
    const s = await openLive(n.base, token);
    streams.push(s);
    return s;
  };
  const report = (n: ApiNode, description: string, key: string = randomUUID()) => api(n)('POST', '/api/cases', {
    token: tokens[n === a ? 'a' : 'b'].gridworker!, headers: { 'idempotency-key': key },
    body: { categoryCode: 'C0101', description, location: here, address: '春晖路1号' },
  });

  beforeAll(async () => {
    const started = Date.now();
    [store, broker] = await Promise.all([makeStore('postgres', 'multinode'), startBroker()]);
    db = await openPostgres(store.databaseUrl!, 2);
    // all three at once, as an orchestrator starts them on a fresh database
    [a, b, worker] = await Promise.all([startApiNode('a', nodeEnv('a')), startApiNode('b', nodeEnv('b')), startWorker(nodeEnv('w'))]);
    await Promise.all(['gridworker', 'dispatcher', 'leader'].flatMap((u) => [
      login(a, u).then((t) => { tokens.a[u] = t; }),
      login(b, u).then((t) => { tokens.b[u] = t; }),
    ]));
    console.log(`[multi-node] broker ${process.env.TEST_MQTT_URL ? 'TEST_MQTT_URL' : 'own mosquitto'}; nodes up in ${Date.now() - started} ms`);
  }, 150_000);

  afterAll(async () => {
    if (process.env.MULTI_NODE_LOGS) {
      for (const [name, child] of [['a', a?.child], ['b', b?.child], ['worker', worker]] as const) {
        if (child) writeFileSync(path.join(process.env.MULTI_NODE_LOGS, `${name}.log`), child.log());
      }
    }
    for (const s of streams) s.close();
    await Promise.all([a?.child.kill(), b?.child.kill(), worker?.kill()]);
    await db?.close();
    if (broker) {
      await forgetSessions(broker.url, clientIds);
      await broker.stop();
    }
    await store?.dispose();
  }, 60_000);

  it('carries an action on node A to a live stream on node B', async () => {
    const onB = await live(b, tokens.b.dispatcher!);
    const r = await report(a, `跨节点 ${run}`);
    expect(r.status, r.text).toBe(201);
    const id = r.json.id as string;
    await onB.waitFor((e) => e.event === 'case' && e.data.caseId === id && e.data.action === 'report', 10_000, 'the report on B');
    const accepted = await api(a)('POST', `/api/cases/${id}/actions/accept`, { token: tokens.a.dispatcher!, body: { version: r.json.version } });
    expect(accepted.status, accepted.text).toBe(200);
    await onB.waitFor((e) => e.event === 'case' && e.data.caseId === id && e.data.action === 'accept', 10_000, 'the accept on B');
  });

  it('tells the streams of a node whose LISTEN connection was cut to read again, and hears changes again', async () => {
    const before = await live(b, tokens.b.dispatcher!);
    const cut = await db.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name = 'zhizhi-b' and query like 'listen %'`);
    expect(cut.rowCount, 'node B\'s LISTEN connections').toBeGreaterThan(0);
    const missed = await report(a, `断线期间 ${run}`);
    expect(missed.status, missed.text).toBe(201);
    const resync = await before.waitFor((e) => e.event === 'resync', 15_000, 'a resync on B');
    expect(resync.data).toEqual({ reason: 'changesMissed' });
    await before.waitEnded(5000);
    expect(b.child.log()).toContain('stopped hearing');

    const after = await live(b, tokens.b.dispatcher!);
    const r = await report(a, `重连之后 ${run}`);
    expect(r.status, r.text).toBe(201);
    await after.waitFor((e) => e.event === 'case' && e.data.caseId === r.json.id, 10_000, 'the report on B after the resync');
  });

  it('takes a reading from the broker on one node only, and its alarm reaches both nodes\' streams', async () => {
    const device = `smoke-${run}`;
    const grid = (await db.query<{ id: string; path: string; town: string }>(
      `select g.id, g.path, t.id as town from org_units g join org_units t on t.level = 'town' and g.path like t.path || '%' where g.code = $1`, [DEMO_GRID])).rows[0]!;
    await db.query(
      `insert into devices (id, town_id, grid_id, org_path, device_type, profile_id, name, binding_kind, binding_id, lng, lat, token_hash, created_at, updated_at)
       values ($1, $2, $3, $4, 'smokeDetector', 'platform-smoke-detector', '小吃店烟感', 'place', 'p-1', $5, $6, 'x', now(), now())`,
      [device, grid.town, grid.id, grid.path, here.lng, here.lat]);
    const onA = await live(a, tokens.a.leader!);
    const onB = await live(b, tokens.b.leader!);

    const publisher = await mqtt.connectAsync(broker.url, { clientId: `test-device-${run}`, reconnectPeriod: 0 });
    try {
      await publisher.publishAsync(`devices/${device}/readings`, JSON.stringify({ messageId: 'smoke-1', key: 'smoke', value: 1 }), { qos: 1 });
      const raised = (e: { event: string; data: any }) => e.event === 'alarm' && e.data.action === 'raised' && e.data.type === 'smoke';
      const [heardA, heardB] = await Promise.all([onA.waitFor(raised, 15_000, 'the alarm on A'), onB.waitFor(raised, 15_000, 'the alarm on B')]);
      expect(heardA.data.id).toBe(heardB.data.id);
      const alarms = (await db.query<{ id: string }>(`select id from alarms where device_id = $1`, [device])).rows;
      expect(alarms.map((x) => x.id)).toEqual([heardA.data.id]);
      expect((await db.query(`select 1 from device_readings where device_id = $1`, [device])).rowCount).toBe(1);

      // handled once, not once per node: a message no node can store is logged by the one node that took it
      const junk = Array.from({ length: 12 }, (_, i) => `junk-${run}-${i}`);
      for (const d of junk) await publisher.publishAsync(`devices/${d}/readings`, 'not json', { qos: 1 });
      const logs = () => [a.child.log(), b.child.log(), worker.log()];
      const takers = (d: string) => logs().map((l) => l.split(`dropped a message of device ${d}:`).length - 1);
      await eventually(async () => (junk.every((d) => takers(d).reduce((s, n) => s + n, 0) >= 1) ? true : undefined), 10_000, 'every junk message logged');
      await sleep(500); // a second node's copy would have come by now
      const byNode = [0, 1, 2].map((i) => junk.filter((d) => takers(d)[i]! > 0).length);
      console.log(`[multi-node] the 12 messages were taken by A ${byNode[0]}, B ${byNode[1]}, the worker ${byNode[2]}`);
      for (const d of junk) expect(takers(d).reduce((s, n) => s + n, 0), `${d} taken once`).toBe(1);
    } finally {
      await publisher.endAsync(true);
    }
  });

  it('runs an SLA sweep and a day\'s task generation once, however many of them the three processes compete for', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await report(b, `超时 ${run}-${i}`);
      expect(r.status, r.text).toBe(201);
      ids.push(r.json.id);
    }
    // their clocks ran out an hour ago
    await db.query(
      `update cases set next_check_at = now() - interval '1 minute',
         clocks = (select jsonb_object_agg(k, v || jsonb_build_object('startedAt', s, 'due', s + 3600000))
                     from jsonb_each(clocks) as e(k, v), (select (extract(epoch from now()) * 1000)::bigint - 7200000 as s) t)
       where id = any($1)`, [ids]);

    // the day not generated yet (the runs each node queued at its start are undone), so the runs sent below find work
    await db.query(`delete from tasks`);
    await db.query(`delete from task_generation_runs`);

    const boss = new PgBoss({ connectionString: store.databaseUrl!, schema: 'jobs', supervise: false, schedule: false });
    boss.on('error', () => undefined);
    await boss.start();
    try {
      const send = async (name: string, n: number) => (await Promise.all(Array.from({ length: n }, () => boss.send(name, {})))).filter((x): x is string => x !== null);
      const sent = [...await send('sla-sweep', 6), ...await send('task-generation', 4)];
      await eventually(async () => {
        const r = await db.query<{ n: number }>(`select count(*)::int as n from jobs.job where id = any($1) and state in ('created', 'retry', 'active')`, [sent]);
        return r.rows[0]!.n === 0 ? true : undefined;
      }, 30_000, 'the sent jobs done');
      const failed = (await db.query(`select name, output from jobs.job where id = any($1) and state = 'failed'`, [sent])).rows;
      expect(failed).toEqual([]);
    } finally {
      await boss.stop({ graceful: false, timeout: 2000 });
    }

    const overdue = (await db.query<{ case_id: string; n: number }>(
      `select c.id as case_id, count(e.id)::int as n from cases c left join case_events e on e.case_id = c.id and e.action = 'overdue'
        where c.id = any($1) group by c.id order by c.id`, [ids])).rows;
    expect(overdue.map((o) => o.n), 'one overdue entry per case').toEqual(ids.map(() => 1));

    const runs = (await db.query<{ town_id: string; runs: number; created: number; tasks: number }>(
      `select r.town_id, r.runs, r.created, (select count(*)::int from tasks t where t.town_id = r.town_id) as tasks
         from task_generation_runs r where r.day = (now() at time zone 'Asia/Shanghai')::date order by r.town_id`)).rows;
    expect(runs.length).toBeGreaterThan(0);
    for (const r of runs) expect({ runs: r.runs, created: r.created }, `town ${r.town_id}`).toEqual({ runs: 1, created: r.tasks });
    const perWorker = (await db.query<{ n: number }>(
      `select count(*)::int as n from tasks where assignee_id is not null group by assignee_id, dedupe_key having count(*) > 1`)).rows;
    expect(perWorker).toEqual([]);
    expect(runs.reduce((s, r) => s + r.tasks, 0), 'the grid workers have their day\'s tasks').toBeGreaterThan(0);
  });

  it('holds a login throttle across nodes', async () => {
    const wrong = (n: ApiNode) => api(n)('POST', '/api/auth/login', { body: { username: 'community', password: 'wrong-password' } });
    for (const n of [a, b, a, b, a]) expect((await wrong(n)).status).toBe(401);
    const right = await api(b)('POST', '/api/auth/login', { body: { username: 'community', password: DEMO_PASSWORD } });
    expect(right.status, 'five failures on two nodes lock the account on either').toBe(429);
  });

  it('holds a public rate limit across nodes', async () => {
    // 60 an address in 10 minutes, counted in the database: 30 on each node, and the next is refused on either
    const matters = (n: ApiNode) => api(n)('GET', `/api/public/matters?lng=${here.lng}&lat=${here.lat}`);
    for (let i = 0; i < 30; i++) {
      const [onA, onB] = await Promise.all([matters(a), matters(b)]);
      expect([onA.status, onB.status], `request ${i + 1} on each node`).toEqual([200, 200]);
    }
    for (const n of [a, b]) {
      const r = await matters(n);
      expect(r.status, `the 61st on ${n.name}`).toBe(429);
      expect(r.json.error.code).toBe('RATE_LIMITED');
    }
  });

  it('loses no report node A acknowledged before it was killed, and answers their retries on node B with the first case', async () => {
    interface Sent { key: string; description: string; outcome: 'pending' | 'created' | 'lost'; id?: string }
    const sent: Sent[] = [];
    let killed = false;
    let created = 0;
    const loop = async (c: number) => {
      for (let n = 0; !killed; n++) {
        const s: Sent = { key: `kill-${run}-${c}-${n}`, description: `宕机 ${run} ${c}-${n}`, outcome: 'pending' };
        sent.push(s);
        try {
          const r = await report(a, s.description, s.key);
          expect(r.status, r.text).toBe(201);
          s.outcome = 'created';
          s.id = r.json.id;
          created++;
        } catch (err) {
          // fetch failed (reset, refused) or timed out: the request died with the node
          if (!(err instanceof TypeError) && !/Abort|Timeout/.test((err as Error).name ?? '')) throw err;
          s.outcome = 'lost';
          return;
        }
      }
    };
    const loops = Array.from({ length: 6 }, (_, c) => loop(c));
    await eventually(async () => (created >= 15 ? true : undefined), 30_000, '15 reports acknowledged');
    await a.child.kill();
    killed = true;
    await Promise.all(loops);
    const acked = sent.filter((s) => s.outcome === 'created');
    console.log(`[multi-node] node A killed after ${acked.length} acknowledged reports, ${sent.length - acked.length} in flight`);

    for (const s of acked) {
      const r = await api(b)('GET', `/api/cases/${s.id}`, { token: tokens.b.dispatcher! });
      expect(r.status, r.text).toBe(200);
      expect(r.json.description).toBe(s.description);
      expect(r.json.timeline.map((e: { action: string }) => e.action)).toContain('report');
    }
    // every report retried on B with its key: the acknowledged ones answer their case, the lost ones are made at most once
    for (const s of sent) {
      const r = await report(b, s.description, s.key);
      expect([200, 201], r.text).toContain(r.status);
      if (s.outcome === 'created') expect({ status: r.status, id: r.json.id }).toEqual({ status: 200, id: s.id });
    }
    const counts = (await db.query<{ description: string; n: number }>(
      `select description, count(*)::int as n from cases where description like $1 group by description`, [`宕机 ${run} %`])).rows;
    expect(counts.length).toBe(sent.length);
    expect(counts.filter((c) => c.n !== 1)).toEqual([]);
  });
});
