// The phone's outbox against the real server, over a network that fails a hundred times: requests lost before they reach
// the server, and answers lost after the server acted. Ticks, visits (some closing their task, some turned into a case)
// and case reports with photos are queued, then sent until the outbox is empty. The server ends with exactly what was
// queued: nothing missing, nothing twice (the same Idempotency-Key on every retry answers the first result).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { makeJpeg } from '../support/images.ts';
import { addItem, itemsOf, openOutboxDb, type NewOutboxItem, type OutboxDb } from '../../src/web/features/tasks/offline/outbox-db.ts';
import { syncOutbox } from '../../src/web/features/tasks/offline/sync.ts';

const TICKS = 12;
const VISITS = 8; // each closes a task of its own; every other one is turned into a case
const REPORTS = 6; // each with a photo of its own
const DROPS = 100;

let t: TestApp;
let gw: { id: string; token: string };
let centre: { lng: number; lat: number };
const taskIds: string[] = [];
const households: string[] = [];

async function call<T>(token: string, method: 'GET' | 'POST', url: string, payload?: unknown): Promise<T> {
  const res = await t.app.inject({ method, url, headers: bearer(token), ...(payload === undefined ? {} : { payload: payload as object }) });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json() as T;
}

/** fetch over app.inject: what the phone's fetch would do against the server. */
const serverFetch = (async (url: string, init: RequestInit) => {
  const body = init.body;
  const payload = typeof body === 'string' ? body : body instanceof Blob ? Buffer.from(await body.arrayBuffer()) : undefined;
  const res = await t.app.inject({ method: init.method as 'POST', url, headers: init.headers as Record<string, string>, ...(payload !== undefined ? { payload } : {}) });
  return new Response(res.statusCode === 204 ? null : new Uint8Array(res.rawPayload), { status: res.statusCode });
}) as unknown as typeof fetch;

/** A network that loses `drops` requests, chosen by a fixed sequence: half before the server sees them, half after it answered. */
function flakyFetch(drops: number) {
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const lost = { before: 0, after: 0, calls: 0 };
  const fetch = (async (url: string, init: RequestInit) => {
    lost.calls += 1;
    const dropping = lost.before + lost.after < drops && random() < 0.75;
    if (dropping && random() < 0.5) { lost.before += 1; throw new TypeError('Failed to fetch'); }
    const res = await serverFetch(url, init);
    if (dropping) { lost.after += 1; throw new TypeError('network connection lost'); }
    return res;
  }) as unknown as typeof globalThis.fetch;
  return { fetch, lost };
}

beforeAll(async () => {
  t = await createTestApp();
  const token = await t.login('gridworker');
  const me = await call<{ id: string }>(token, 'GET', '/api/me');
  gw = { id: me.id, token };
  const community = await t.login('community');
  const grid = (await t.db.query<{ id: string }>('select id from org_units where code = $1', [DEMO_GRID])).rows[0]!.id;
  centre = await gridCentre(t.db, DEMO_GRID);
  const { building } = await call<{ building: { id: string } }>(token, 'POST', '/api/registry/buildings', {
    name: '春晖苑 9 栋', address: '春晖路 20 号春晖苑 9 栋', location: centre, units: 2, floors: 6, roomsPerFloor: 2,
  });
  for (let i = 0; i < TICKS + VISITS; i += 1) {
    const { household } = await call<{ household: { id: string } }>(token, 'POST', '/api/registry/households', {
      buildingId: building.id, unitNo: 1 + (i % 2), floorNo: 1 + Math.floor(i / 4), roomNo: `${1 + Math.floor(i / 4)}0${1 + (i % 2)}${i % 4 < 2 ? '' : 'A'}`,
    });
    households.push(household.id);
    const task = await call<{ id: string }>(community, 'POST', '/api/tasks', {
      orgUnitId: grid, title: `上门核实第 ${i + 1} 户`, assigneeId: gw.id, dueOn: '2026-11-25', subject: { kind: 'household', id: household.id },
    });
    taskIds.push(task.id);
  }
});

afterAll(async () => {
  await t?.close();
});

async function queue(db: OutboxDb): Promise<{ cases: number }> {
  const at = new Date(t.clock.now.getTime() - 30 * 60_000).toISOString();
  const add = (item: Omit<NewOutboxItem, 'accountId' | 'key' | 'subject' | 'photos'> & Partial<Pick<NewOutboxItem, 'photos'>>) =>
    addItem(db, { key: crypto.randomUUID(), accountId: gw.id, subject: '-', photos: [], ...item }, new Date());
  for (let i = 0; i < TICKS; i += 1) {
    await add({ kind: 'complete', path: `/api/tasks/${taskIds[i]}/complete`, taskId: taskIds[i], body: { note: `第 ${i + 1} 户已核实`, expectedAssigneeId: gw.id } });
  }
  let cases = 0;
  for (let v = 0; v < VISITS; v += 1) {
    const i = TICKS + v;
    await add({
      kind: 'visit', path: '/api/visits', produces: `visit${v}`, taskId: taskIds[i],
      body: { subject: { kind: 'household', id: households[i] }, at, findings: v % 2 ? '' : `楼道堆放杂物 ${v}`, taskId: taskIds[i], location: centre },
    });
    if (v % 2 === 0) {
      cases += 1;
      await add({ kind: 'visitCase', path: `/api/visits/{ref:visit${v}}/case`, needs: [`visit${v}`], body: { categoryCode: 'C0101', description: `走访发现 ${v}` } });
    }
  }
  for (let r = 0; r < REPORTS; r += 1) {
    const photo = new Blob([new Uint8Array(await makeJpeg(64, 48, `#${(0x203040 + r * 0x111111).toString(16).slice(-6)}`))], { type: 'image/jpeg' });
    await add({
      kind: 'report', path: '/api/cases', photos: [{ localId: `p${r}`, blob: photo }],
      body: { categoryCode: 'C0101', description: `井盖破损 ${r}`, location: centre, address: `春晖路 ${r} 号` },
    });
  }
  return { cases };
}

describe('the outbox over a failing network', () => {
  it(`ends with the server holding exactly what was queued, after ${DROPS} lost requests and answers`, async () => {
    const db = await openOutboxDb(new IDBFactory());
    const { cases: visitCases } = await queue(db);
    const queued = (await itemsOf(db, gw.id)).length;
    expect(queued).toBe(TICKS + VISITS + visitCases + REPORTS);

    const net = flakyFetch(DROPS);
    let now = 0;
    let passes = 0;
    while ((await itemsOf(db, gw.id)).some((i) => i.state === 'waiting')) {
      passes += 1;
      expect(passes, 'the outbox never emptied').toBeLessThan(2_000);
      const outcome = await syncOutbox({ db, fetch: net.fetch, session: () => ({ accountId: gw.id, token: gw.token }), now: () => now });
      if (outcome.kind === 'offline') now = outcome.retryAt; // the test waits out the backoff without waiting
      expect(outcome.kind).not.toBe('signedOut');
    }
    // every drop happened, both kinds, and nothing was refused
    expect(net.lost.before + net.lost.after).toBe(DROPS);
    expect(net.lost.before).toBeGreaterThan(20);
    expect(net.lost.after).toBeGreaterThan(20);
    expect((await itemsOf(db, gw.id)).map((i) => [i.path, i.problem?.code])).toEqual([]);

    const count = async (sql: string, params: unknown[]) => Number((await t.db.query<{ n: string }>(sql, params)).rows[0]!.n);
    // ticks and visits closed their tasks, once each
    expect(await count(`select count(*) as n from tasks where id = any($1) and status = 'done'`, [taskIds])).toBe(TICKS + VISITS);
    expect(await count(`select count(*) as n from tasks where id = any($1) and status = 'done' and visit_id is not null`, [taskIds])).toBe(VISITS);
    // one visit per queued visit, one case per visit turned into one
    expect(await count('select count(*) as n from visits where visitor_id = $1', [gw.id])).toBe(VISITS);
    expect(await count('select count(distinct task_id) as n from visits where visitor_id = $1', [gw.id])).toBe(VISITS);
    expect(await count('select count(*) as n from visits where visitor_id = $1 and case_id is not null', [gw.id])).toBe(visitCases);
    // the cases: the reports and the visits' cases, no more; each report with its one photo
    const reported = await t.db.query<{ description: string }>(
      `select description from cases where description like '井盖破损 %' or description like '走访发现 %' order by description`, []);
    expect(reported.rows.map((r) => r.description)).toEqual([
      ...Array.from({ length: REPORTS }, (_, r) => `井盖破损 ${r}`),
      ...Array.from({ length: VISITS }, (_, v) => v).filter((v) => v % 2 === 0).map((v) => `走访发现 ${v}`),
    ].sort());
    const photos = await t.db.query<{ n: number }>(
      `select count(p.*)::int as n from cases c left join case_photos p on p.case_id = c.id where c.description like '井盖破损 %' group by c.id`, []);
    expect(photos.rows.map((r) => r.n)).toEqual(Array.from({ length: REPORTS }, () => 1));
    const lists = await call<{ items: { status: string }[] }>(gw.token, 'GET', '/api/tasks?assignee=me&date=today');
    expect(lists.items.filter((x) => x.status === 'done').length).toBe(TICKS + VISITS);
  });
});
