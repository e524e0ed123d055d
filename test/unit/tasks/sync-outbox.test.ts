// The outbox's rules of sending, against a small server written here (the real server's run is
// test/api/task-sync.test.ts): order, photos before the write, a visit's case after the visit, refusals kept for the
// user, 401 keeps everything, backoff after a network error.
// idb checks what it wraps against the IndexedDB classes, which fake-indexeddb/auto puts on the global object
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { addItem, itemsOf, openOutboxDb, type NewOutboxItem } from '../../../src/web/features/tasks/offline/outbox-db.ts';
import { dismissItem, syncOutbox, type SyncDeps } from '../../../src/web/features/tasks/offline/sync.ts';

interface Seen { path: string; key: string | null; body: unknown }

function fakeServer(answer: (path: string, body: unknown) => { status: number; body: unknown }) {
  const seen: Seen[] = [];
  let next = 0;
  const fetch: typeof globalThis.fetch = (async (url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    const isJson = headers['content-type'] === 'application/json';
    const body = isJson ? JSON.parse(init.body as string) : init.body;
    seen.push({ path: url, key: headers['idempotency-key'] ?? null, body });
    if (url === '/api/files') return new Response(JSON.stringify({ hash: `h${(next += 1)}` }), { status: 201 });
    const a = answer(url, body);
    return new Response(JSON.stringify(a.body), { status: a.status });
  }) as unknown as typeof globalThis.fetch;
  return { seen, fetch };
}

async function setup(fetch: typeof globalThis.fetch, clock = { t: 0 }) {
  const db = await openOutboxDb(new IDBFactory());
  const deps: SyncDeps = { db, fetch, session: () => ({ accountId: 'a1', token: 'tok' }), now: () => clock.t };
  const add = (item: Partial<NewOutboxItem> & Pick<NewOutboxItem, 'path'>) =>
    addItem(db, { key: `k${item.path}`, accountId: 'a1', kind: 'complete', body: {}, photos: [], subject: 's', ...item }, new Date(0));
  return { db, deps, add, clock };
}

describe('the outbox', () => {
  it('sends in order, photos first, and the visit\'s case with the visit\'s server id', async () => {
    const server = fakeServer((path) => ({ status: 201, body: path === '/api/visits' ? { id: 'v-server', far: true } : { id: 'x' } }));
    const { db, deps, add } = await setup(server.fetch);
    await add({ path: '/api/tasks/t1/complete', body: { note: 'ok' }, photos: [{ localId: 'p', blob: new Blob(['jpeg'], { type: 'image/jpeg' }) }] });
    await add({ path: '/api/visits', kind: 'visit', produces: 'visit1', body: { findings: 'f' } });
    await add({ path: '/api/visits/{ref:visit1}/case', kind: 'visitCase', needs: ['visit1'], body: { categoryCode: 'C1' } });
    expect(await syncOutbox(deps)).toEqual({ kind: 'done', sent: 3 });
    expect(server.seen.map((s) => s.path)).toEqual(['/api/files', '/api/tasks/t1/complete', '/api/visits', '/api/visits/v-server/case']);
    expect(server.seen[1]).toMatchObject({ key: 'k/api/tasks/t1/complete', body: { note: 'ok', photos: ['h1'] } });
    expect(await itemsOf(db, 'a1')).toEqual([]);
  });

  it('keeps a refusal with the server\'s reason, holds what depends on it, and lets the user dismiss it', async () => {
    const server = fakeServer((path) => path === '/api/visits'
      ? { status: 404, body: { error: { code: 'NOT_FOUND', message: 'Not found', messageZh: '不存在' } } }
      : path === '/api/tasks/t2/complete'
        ? { status: 409, body: { error: { code: 'TASK_CONFLICT', message: 'Reassigned', messageZh: '已改派' } } }
        : { status: 200, body: { id: 'x' } });
    const { db, deps, add } = await setup(server.fetch);
    await add({ path: '/api/tasks/t2/complete' });
    await add({ path: '/api/visits', produces: 'v', kind: 'visit' });
    await add({ path: '/api/visits/{ref:v}/case', needs: ['v'], kind: 'visitCase' });
    await add({ path: '/api/tasks/t3/complete' });
    expect(await syncOutbox(deps)).toEqual({ kind: 'done', sent: 1 });
    const left = await itemsOf(db, 'a1');
    expect(left.map((i) => [i.path, i.state, i.problem?.code])).toEqual([
      ['/api/tasks/t2/complete', 'attention', 'TASK_CONFLICT'],
      ['/api/visits', 'attention', 'NOT_FOUND'],
      ['/api/visits/{ref:v}/case', 'attention', 'OUTBOX_DEPENDS_ON_REFUSED'],
    ]);
    expect(left[0]!.problem).toEqual({ status: 409, code: 'TASK_CONFLICT', message: 'Reassigned', messageZh: '已改派' });
    // a second pass sends nothing again
    server.seen.length = 0;
    expect(await syncOutbox(deps)).toEqual({ kind: 'done', sent: 0 });
    expect(server.seen).toEqual([]);
    await dismissItem(db, left[0]!);
    expect((await itemsOf(db, 'a1')).length).toBe(2);
  });

  it('stops at a network error or a 5xx, keeps the order and the key, and waits out the backoff', async () => {
    let fail = 2;
    const server = fakeServer(() => (fail-- > 0 ? { status: 503, body: {} } : { status: 201, body: { id: 'x' } }));
    const { db, deps, add, clock } = await setup(server.fetch);
    await add({ path: '/api/tasks/a/complete' });
    await add({ path: '/api/tasks/b/complete' });
    expect(await syncOutbox(deps)).toEqual({ kind: 'offline', sent: 0, retryAt: 1_000 });
    expect(await syncOutbox(deps)).toEqual({ kind: 'offline', sent: 0, retryAt: 1_000 }); // too early: nothing sent
    clock.t = 1_000;
    expect(await syncOutbox(deps)).toEqual({ kind: 'offline', sent: 0, retryAt: 3_000 });
    // the network is back (or the user pressed "send now"): tried at once, whatever the backoff says
    expect(await syncOutbox({ ...deps, ignoreBackoff: true })).toEqual({ kind: 'done', sent: 2 });
    expect(server.seen.map((s) => `${s.path} ${s.key}`)).toEqual([
      '/api/tasks/a/complete k/api/tasks/a/complete', '/api/tasks/a/complete k/api/tasks/a/complete',
      '/api/tasks/a/complete k/api/tasks/a/complete', '/api/tasks/b/complete k/api/tasks/b/complete',
    ]);
    expect(await itemsOf(db, 'a1')).toEqual([]);
  });

  it('keeps everything on 401, and sends only the signed-in account\'s writes', async () => {
    const server = fakeServer(() => ({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } }));
    const { db, deps, add } = await setup(server.fetch);
    await add({ path: '/api/tasks/a/complete' });
    await addItem(db, { key: 'other', accountId: 'a2', kind: 'complete', path: '/api/tasks/z/complete', body: {}, photos: [], subject: 's' }, new Date(0));
    expect(await syncOutbox(deps)).toEqual({ kind: 'signedOut', sent: 0 });
    expect((await itemsOf(db, 'a1')).map((i) => i.state)).toEqual(['waiting']);
    expect(server.seen.map((s) => s.path)).toEqual(['/api/tasks/a/complete']);
    expect(await syncOutbox({ ...deps, session: () => null })).toEqual({ kind: 'signedOut', sent: 0 });
  });
});
