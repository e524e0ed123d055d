import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createScratchDatabase } from './scratch-database.ts';
import { openPglite, openPostgres, type Db } from '../../src/server/platform/db/db.ts';
import { migrate } from '../../src/server/platform/db/migrate.ts';
import { loadConfig, type Config } from '../../src/server/platform/config.ts';
import { buildApp, type App } from '../../src/server/app.ts';
import { seedDemo, DEMO_PASSWORD } from '../../src/server/platform/seed/seed-demo.ts';

/**
 * A database for one test file: in-memory PGlite by default, or a fresh database on the PostgreSQL
 * server named by TEST_DATABASE_URL (created here, dropped on close), so the same suite runs on both.
 */
export async function openTestDb(): Promise<{ db: Db; close: () => Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    const db = await openPglite(undefined);
    return { db, close: () => db.close() };
  }
  const scratch = await createScratchDatabase(server, 'zhizhi_test');
  const db = await openPostgres(scratch.url, 5);
  return {
    db,
    close: async () => {
      await db.close();
      await scratch.drop();
    },
  };
}

export interface TestApp {
  app: App;
  db: Db;
  config: Config;
  /** moves the app's clock; tests never wait for real time */
  clock: { now: Date; set(d: Date): void; advance(ms: number): void };
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export async function createTestApp(o: { seed?: boolean; webDist?: string; logLines?: string[]; env?: Record<string, string> } = {}): Promise<TestApp> {
  const { db, close } = await openTestDb();
  await migrate(db);
  if (o.seed ?? true) await seedDemo(db);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zhizhi-test-'));
  const config = { ...loadConfig({ ...o.env, DATA_DIR: dataDir }), webDist: o.webDist ? path.resolve(o.webDist) : '/nonexistent' };
  const clock = {
    now: new Date('2026-11-23T09:00:00+08:00'),
    set(d: Date) { this.now = d; },
    advance(ms: number) { this.now = new Date(this.now.getTime() + ms); },
  };
  // the server log (warnings and 5xx) is kept in `logLines` when asked for, else dropped
  const log = { stream: { write: (line: string) => { o.logLines?.push(line); } } };
  const app = await buildApp({ db, config, clock: () => clock.now, log });
  await app.ready();
  return {
    app, db, config, clock,
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      return res.json().token as string;
    },
    async close() {
      await app.close();
      await close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
