import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp, type App } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/platform/config.ts';
import type { Db } from '../../src/server/platform/db/db.ts';
import { migrate } from '../../src/server/platform/db/migrate.ts';
import { countHit, deleteEndedWindows } from '../../src/server/platform/rate-limit-store.ts';
import { openTestDb } from '../support/test-app.ts';

// Two API nodes on one database: a limit counted on one holds on the other.
let db: Db;
let closeDb: () => Promise<void>;
let dataDir: string;
let nodes: App[];

beforeAll(async () => {
  ({ db, close: closeDb } = await openTestDb());
  await migrate(db);
  dataDir = mkdtempSync(path.join(tmpdir(), 'zhizhi-rate-'));
  const config = { ...loadConfig({ DATA_DIR: dataDir }), webDist: '/nonexistent' };
  const log = { stream: { write: () => undefined } };
  nodes = [await buildApp({ db, config, log }), await buildApp({ db, config, log })];
  for (const n of nodes) await n.ready();
});

afterAll(async () => {
  for (const n of nodes ?? []) await n.close();
  await closeDb?.();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('rate limits shared by the nodes', () => {
  it('counts an address\'s public reports on every node: the 11th in 10 minutes is refused wherever it lands', async () => {
    const post = (i: number) => nodes[i % 2]!.inject({ method: 'POST', url: '/api/public/cases', payload: {}, remoteAddress: '10.9.0.1' });
    for (let i = 0; i < 10; i++) expect((await post(i)).statusCode).toBe(400); // counted before the body is checked
    const refused = await post(10);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(500);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(600);
    expect((await post(11)).statusCode).toBe(429);
    // another address, and another route of the same address, have their own counts
    expect((await nodes[1]!.inject({ method: 'POST', url: '/api/public/cases', payload: {}, remoteAddress: '10.9.0.2' })).statusCode).toBe(400);
    expect((await nodes[0]!.inject({ method: 'GET', url: '/api/public/matters', remoteAddress: '10.9.0.1' })).statusCode).not.toBe(429);
  });

  it('counts requests sent at once to both nodes without losing one', async () => {
    const sent = await Promise.all(Array.from({ length: 16 }, (_, i) =>
      nodes[i % 2]!.inject({ method: 'POST', url: '/api/public/cases', payload: {}, remoteAddress: '10.9.0.3' })));
    expect(sent.filter((r) => r.statusCode === 429)).toHaveLength(6);
  });

  it('starts a window afresh once it ended, and deletes the windows that ended', async () => {
    expect(await countHit(db, 'test-key', 60_000, 2, false)).toMatchObject({ hits: 1 });
    expect(await countHit(db, 'test-key', 60_000, 2, false)).toMatchObject({ hits: 2 });
    const third = await countHit(db, 'test-key', 60_000, 2, false);
    expect(third.hits).toBe(3);
    expect(third.ttlMs).toBeGreaterThan(0);
    expect(third.ttlMs).toBeLessThanOrEqual(60_000);
    await db.query(`update rate_limit_hits set resets_at = now() - interval '1 second' where key = 'test-key'`);
    expect(await countHit(db, 'test-key', 60_000, 2, false)).toMatchObject({ hits: 1, ttlMs: expect.any(Number) });
    await db.query(`update rate_limit_hits set resets_at = now() - interval '1 second' where key = 'test-key'`);
    expect(await deleteEndedWindows(db, 1000)).toBeGreaterThanOrEqual(1);
    expect((await db.query(`select 1 from rate_limit_hits where key = 'test-key'`)).rows).toHaveLength(0);
  });

  it('holds a sign-in throttle across nodes: failures on one node lock the account name on the other', async () => {
    // the throttle lives in the database (login_failures, under advisory locks): an account name need not exist
    const login = (i: number) => nodes[i % 2]!.inject({
      method: 'POST', url: '/api/auth/login', payload: { username: 'someone', password: 'wrong-pass' }, remoteAddress: '10.9.1.1',
    });
    for (let i = 0; i < 5; i++) expect((await login(i)).statusCode).toBe(401);
    expect((await login(5)).statusCode).toBe(429);
    expect((await login(6)).statusCode).toBe(429);
  });
});
