import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openPglite, openPostgres, type Db } from '../../src/server/platform/db/db.ts';
import { DEMO_PASSWORD } from '../../src/server/platform/seed/seed-demo.ts';
import { DEMO_GRID } from '../support/places.ts';
import { makeJpeg } from '../support/images.ts';
import { client, freePort, makeStore, seededGridCentre, sleep, startServer, type Child, type Store } from './harness.ts';

/**
 * Crash safety of intake and the lifecycle, against the real server process.
 *
 * Six clients report cases (each with an Idempotency-Key, some with a photo uploaded moments before) and
 * accept and dispatch the cases they created, all at once. Mid-load the server gets SIGKILL: no shutdown
 * hook runs, requests in flight die with the connection. The server is started again on the same data
 * folder or database, and then:
 *  - every request answered with a 2xx is there, complete: the case with its 'report' entry, the fields
 *    and photos it was sent with; every acknowledged action in the timeline, the case at least that far;
 *  - a case is at most one step past what its client saw acknowledged, and only when its last request
 *    died in flight (that step committed, its answer was lost);
 *  - the same Idempotency-Key returns the same case, never a second one, also for reports whose answer
 *    was lost in the crash;
 *  - nothing half-written, read from the store itself: for every case version = number of its events
 *    (each action bumps the version and appends one event, in one transaction; JOBS=off, so no sweep
 *    events), exactly one 'report' event and it comes first, photo rows only on existing events and files.
 * Runs on PGlite (the default store) always, and on PostgreSQL when TEST_DATABASE_URL is set.
 *
 * What this does not cover: losing the machine (OS crash, power cut). A killed process leaves everything it
 * wrote in the kernel's page cache, so SIGKILL tests process-crash safety only. PGlite in particular never
 * reaches the disk on its own: it starts PostgreSQL with -F (`show fsync` → off), and its Node filesystem
 * (Emscripten NODEFS) writes with fs.writeSync and has no fsync at all, whatever `relaxedDurability` says
 * (that option only affects the browser filesystems; ours passes none). Photo files are written and renamed
 * without fsync too.
 */

const here = seededGridCentre(DEMO_GRID);
const CLIENTS = 6;
/** load runs at least this long before the kill, and until enough has been acknowledged to prove something */
const MIN_LOAD_MS = 1500;
const MIN_CREATED = 12;

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const STATUS_RANK: Record<string, number> = { reported: 0, accepted: 1, dispatched: 2 };

interface Report {
  key: string;
  body: { categoryCode: string; description: string; location: { lng: number; lat: number }; address: string; photos?: string[] };
  /** created: 201 seen; lost: the request died with the server; refused: any other status (a bug) */
  outcome: 'pending' | 'created' | 'lost' | 'refused';
  id?: string;
  detail?: string;
}

interface Tracked {
  id: string;
  report: Report;
  /** actions answered 2xx, in order, with the version and status the answer carried */
  acked: { action: string; version: number; status: string }[];
  /** the action whose request died with the server, if any */
  lostAction: string | null;
}

const backends = (['pglite', 'postgres'] as const).filter((k) => k === 'pglite' || process.env.TEST_DATABASE_URL);

describe.each(backends)('SIGKILL under load, %s', (kind) => {
  let store: Store;
  let server: Child | null = null;
  let api: ReturnType<typeof client>;
  let base = '';
  const reports: Report[] = [];
  const tracked = new Map<string, Tracked>();
  /** photos whose upload was answered 201 */
  const uploaded = new Map<string, Buffer>();
  const refusedActions: string[] = [];
  let killedAfterMs = 0;

  const login = async (username: string) => {
    const r = await api('POST', '/api/auth/login', { body: { username, password: DEMO_PASSWORD } });
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
    return r.json.token as string;
  };
  const serve = async () => {
    const port = await freePort(); // a new port each start: no keep-alive socket of the old process is reused
    base = `http://127.0.0.1:${port}`;
    api = client(base);
    server = await startServer(store, port);
  };

  beforeAll(async () => {
    store = await makeStore(kind, `crash-${kind}`);
    await serve();
  }, 150_000);

  afterAll(async () => {
    await server?.kill();
    await store?.dispose();
  });

  it('drives concurrent reports and actions, and kills the server mid-load', async () => {
    const gridworker = await login('gridworker');
    const dispatcher = await login('dispatcher');
    // one photo every client may use, and a pool of distinct ones uploaded during the load
    const shared = await makeJpeg(64, 48, '#884422');
    const up = await api('POST', '/api/files', { token: gridworker, raw: shared, type: 'image/jpeg' });
    expect(up.status, up.text).toBe(201);
    uploaded.set(up.json.hash, shared);
    const pool = await Promise.all(Array.from({ length: 60 }, (_, i) => makeJpeg(48, 32, `#${(0x101010 + i * 0x030507).toString(16).slice(-6)}`)));

    let stopped = false;
    let created = 0;
    const isNetworkError = (err: unknown) => err instanceof Error; // fetch failed, reset, refused, timeout: the server is gone

    const loop = async (c: number) => {
      for (let n = 1; !stopped; n++) {
        const key = `crash-${c}-${n}`;
        let photos: string[] | undefined;
        if (n % 4 === 1) {
          const jpeg = pool[(c * 10 + n) % pool.length]!;
          try {
            const u = await api('POST', '/api/files', { token: gridworker, raw: jpeg, type: 'image/jpeg' });
            if (u.status !== 201) { refusedActions.push(`upload: ${u.status} ${u.text}`); continue; }
            uploaded.set(u.json.hash, jpeg);
            photos = [u.json.hash];
          } catch (err) {
            if (isNetworkError(err)) return;
            throw err;
          }
        } else if (n % 2 === 0) {
          photos = [sha(shared)];
        }
        const report: Report = {
          key, outcome: 'pending',
          body: { categoryCode: 'C0101', description: `崩溃测试 ${c}-${n}：春晖路井盖缺失`, location: here, address: `春晖路${c}-${n}号`, ...(photos ? { photos } : {}) },
        };
        reports.push(report);
        let r;
        try {
          r = await api('POST', '/api/cases', { token: gridworker, body: report.body, headers: { 'idempotency-key': key } });
        } catch (err) {
          if (!isNetworkError(err)) throw err;
          report.outcome = 'lost';
          return;
        }
        if (r.status !== 201) {
          report.outcome = 'refused';
          report.detail = `${r.status} ${r.text}`;
          continue;
        }
        report.outcome = 'created';
        report.id = r.json.id;
        created++;
        const t: Tracked = { id: r.json.id, report, acked: [], lostAction: null };
        tracked.set(t.id, t);
        // two in three cases are accepted (with the version the client saw), one in three also dispatched
        const steps = n % 3 === 0 ? [] : n % 3 === 1 ? ['accept', 'dispatch'] : ['accept'];
        for (const action of steps) {
          const version = t.acked.at(-1)?.version ?? 1;
          let a;
          try {
            a = await api('POST', `/api/cases/${t.id}/actions/${action}`, { token: dispatcher, body: action === 'accept' ? { version } : {} });
          } catch (err) {
            if (!isNetworkError(err)) throw err;
            t.lostAction = action;
            return;
          }
          if (a.status !== 200) {
            refusedActions.push(`${action} ${t.id}: ${a.status} ${a.text}`);
            break;
          }
          t.acked.push({ action, version: a.json.version, status: a.json.status });
        }
      }
    };

    const started = Date.now();
    const loops = Array.from({ length: CLIENTS }, (_, c) => loop(c));
    while ((Date.now() - started < MIN_LOAD_MS || created < MIN_CREATED) && Date.now() - started < 30_000) await sleep(20);
    killedAfterMs = Date.now() - started;
    await server!.kill();
    server = null;
    stopped = true;
    await Promise.all(loops);

    const lost = reports.filter((r) => r.outcome === 'lost').length + [...tracked.values()].filter((t) => t.lostAction).length;
    console.log(`[${kind}] killed after ${killedAfterMs} ms: ${created} cases created, ${[...tracked.values()].reduce((s, t) => s + t.acked.length, 0)} actions acknowledged, ${uploaded.size} photos, ${lost} requests lost in flight`);
    expect(reports.filter((r) => r.outcome === 'refused').map((r) => r.detail), 'no report refused before the kill').toEqual([]);
    expect(refusedActions, 'no action or upload refused before the kill').toEqual([]);
    expect(created, 'enough was acknowledged before the kill').toBeGreaterThanOrEqual(MIN_CREATED);
  }, 90_000);

  it('after a restart every acknowledged case is there, complete, with every acknowledged action', async () => {
    await serve();
    const gridworker = await login('gridworker');
    const problems: string[] = [];
    let photosChecked = 0;
    let committedButLost = 0;
    for (const t of tracked.values()) {
      const r = await api('GET', `/api/cases/${t.id}`, { token: gridworker });
      if (r.status !== 200) { problems.push(`${t.report.key} → ${t.id}: ${r.status} (acknowledged with 201, gone after the crash)`); continue; }
      const c = r.json;
      const b = t.report.body;
      if (c.description !== b.description || c.address !== b.address || c.categoryCode !== b.categoryCode
        || c.location.lng !== b.location.lng || c.location.lat !== b.location.lat) {
        problems.push(`${t.id}: fields differ from what was sent: ${JSON.stringify({ description: c.description, address: c.address, location: c.location })}`);
      }
      const photoHashes = c.photos.map((p: { hash: string }) => p.hash).sort();
      if (JSON.stringify(photoHashes) !== JSON.stringify([...(b.photos ?? [])].sort())) problems.push(`${t.id}: photos ${photoHashes} ≠ sent ${b.photos ?? []}`);
      if (c.timeline[0]?.action !== 'report' || c.timeline[0]?.to !== 'reported') problems.push(`${t.id}: the timeline does not start with its report: ${c.timeline.map((e: { action: string }) => e.action)}`);
      const actions = c.timeline.map((e: { action: string }) => e.action);
      const ackedActions = ['report', ...t.acked.map((a) => a.action)];
      const last = t.acked.at(-1);
      const ackedVersion = last?.version ?? 1;
      // exactly what was acknowledged, or one step more when the last request died in flight after its commit
      const oneMore = t.lostAction !== null && c.version === ackedVersion + 1 && actions.length === ackedActions.length + 1 && actions.at(-1) === t.lostAction;
      if (oneMore) committedButLost++;
      if (!oneMore && (c.version !== ackedVersion || JSON.stringify(actions) !== JSON.stringify(ackedActions))) {
        problems.push(`${t.id}: version ${c.version}, timeline ${actions}; acknowledged version ${ackedVersion}, ${ackedActions}${t.lostAction ? ` (+ ${t.lostAction} lost)` : ''}`);
      }
      if (last && STATUS_RANK[c.status]! < STATUS_RANK[last.status]!) problems.push(`${t.id}: status ${c.status} behind the acknowledged ${last.status}`);
      // the photo itself, served from the data folder
      for (const p of c.photos as { hash: string; url: string }[]) {
        const f = await fetch(p.url.startsWith('http') ? p.url : `${base}${p.url}`, { signal: AbortSignal.timeout(10_000) });
        const bytes = Buffer.from(await f.arrayBuffer());
        if (f.status !== 200 || sha(bytes) !== p.hash) problems.push(`${t.id}: photo ${p.hash} served ${f.status}, ${bytes.length} bytes`);
        photosChecked++;
      }
    }
    console.log(`[${kind}] after the restart: ${tracked.size} acknowledged cases checked, ${photosChecked} photos served, ${committedButLost} actions committed whose answer was lost`);
    expect(problems).toEqual([]);
    expect(photosChecked).toBeGreaterThan(0);
  }, 90_000);

  it('the same Idempotency-Key returns the same case after the crash, also for a report whose answer was lost', async () => {
    const gridworker = await login('gridworker');
    for (const t of tracked.values()) {
      const again = await api('POST', '/api/cases', { token: gridworker, body: t.report.body, headers: { 'idempotency-key': t.report.key } });
      expect([again.status, again.json?.id], t.report.key).toEqual([200, t.id]);
    }
    let lostButCommitted = 0;
    for (const r of reports.filter((x) => x.outcome === 'lost')) {
      // committed or not is unknown to the client: the retry creates it (201) or finds it (200), once
      const first = await api('POST', '/api/cases', { token: gridworker, body: r.body, headers: { 'idempotency-key': r.key } });
      expect([200, 201], first.text).toContain(first.status);
      const second = await api('POST', '/api/cases', { token: gridworker, body: r.body, headers: { 'idempotency-key': r.key } });
      expect([second.status, second.json.id]).toEqual([200, first.json.id]);
      r.id = first.json.id;
      if (first.status === 200) lostButCommitted++;
    }
    console.log(`[${kind}] ${reports.filter((x) => x.outcome === 'lost').length} reports lost in flight, ${lostButCommitted} of them had committed (retry answered 200)`);
    // and the restarted server goes on numbering without colliding with numbers taken before the crash
    const fresh = await api('POST', '/api/cases', { token: gridworker, body: { categoryCode: 'C0101', description: '重启后上报', location: here }, headers: { 'idempotency-key': 'after-restart' } });
    expect(fresh.status, fresh.text).toBe(201);
    const dispatcher = await login('dispatcher');
    expect((await api('POST', `/api/cases/${fresh.json.id}/actions/accept`, { token: dispatcher, body: { version: 1 } })).status).toBe(200);
  }, 90_000);

  it('nothing half-written in the store', async () => {
    expect(await server!.stop(), server!.log()).toBe(0);
    server = null;
    const db: Db = store.databaseUrl ? await openPostgres(store.databaseUrl, 2) : await openPglite(path.join(store.dataDir, 'pglite'));
    try {
      const cases = (await db.query<{ id: string; key: string | null; number: string; version: number; events: number; reports: number; first_action: string | null }>(`
        select c.id, c.idempotency_key as key, c.number, c.version,
               (select count(*)::int from case_events e where e.case_id = c.id) as events,
               (select count(*)::int from case_events e where e.case_id = c.id and e.action = 'report') as reports,
               (select e.action from case_events e where e.case_id = c.id order by e.id limit 1) as first_action
        from cases c`)).rows;
      expect(cases.length).toBeGreaterThanOrEqual(tracked.size);
      const bad = cases.filter((c) => c.version !== c.events || c.reports !== 1 || c.first_action !== 'report');
      expect(bad, 'every case: version = its events, one report event, first').toEqual([]);
      expect(new Set(cases.map((c) => c.number)).size, 'case numbers unique').toBe(cases.length);
      // no case the clients did not ask for, and each key at most once
      const keys = new Set([...reports.map((r) => r.key), 'after-restart']);
      const gwId = (await db.query<{ id: string }>(`select id from accounts where username = 'gridworker'`)).rows[0]!.id;
      expect(cases.filter((c) => !c.key || !keys.has(c.key.slice(gwId.length + 1))).map((c) => c.key)).toEqual([]);
      for (const t of tracked.values()) expect(cases.some((c) => c.id === t.id), t.id).toBe(true);
      // photos: rows hang on the case's report event, and every acknowledged upload is in the store and on disk
      const orphanPhotos = (await db.query(`
        select p.case_id, p.hash from case_photos p
        left join case_events e on e.id = p.event_id and e.case_id = p.case_id
        left join files f on f.hash = p.hash
        where e.id is null or f.hash is null or e.action <> 'report'`)).rows;
      expect(orphanPhotos).toEqual([]);
      const files = new Set((await db.query<{ hash: string }>('select hash from files')).rows.map((f) => f.hash));
      for (const [hash, bytes] of uploaded) {
        expect(files.has(hash), `files row of acknowledged upload ${hash}`).toBe(true);
        const full = path.join(store.dataDir, 'files', hash.slice(0, 2), hash);
        expect(existsSync(full) && readFileSync(full).equals(bytes), `stored photo ${hash}`).toBe(true);
        expect(existsSync(`${full}.thumb.webp`), `thumbnail of ${hash}`).toBe(true);
      }
    } finally {
      await db.close();
    }
  }, 60_000);
});
