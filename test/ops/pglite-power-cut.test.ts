import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/server/platform/config.ts';
import { openDatabase } from '../../src/server/platform/db/open.ts';

/**
 * Start-up on the embedded store: production (NODE_ENV=production) without DATABASE_URL starts only on a PGlite whose
 * commits reach the disk; a store that does not flush them is refused there, and warned about loudly elsewhere.
 * The store that does not flush is stood in for by an in-memory PGlite (its commits reach no disk at all).
 */

const store = vi.hoisted(() => ({ flushes: true }));
vi.mock('../../src/server/platform/db/db.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/server/platform/db/db.ts')>();
  return { ...real, openPglite: (dir: string | undefined) => real.openPglite(store.flushes ? dir : undefined) };
});

const temps: string[] = [];
const config = (env: Record<string, string>) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhizhi-start-'));
  temps.push(dir);
  return loadConfig({ DATA_DIR: dir, ...env });
};
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});
afterEach(() => {
  store.flushes = true;
  vi.restoreAllMocks();
});

describe('opening the embedded store', () => {
  it('starts in production on the PGlite that flushes its commits, without a warning', async () => {
    const warn = vi.spyOn(console, 'warn');
    const db = await openDatabase(config({ NODE_ENV: 'production' }));
    try {
      expect(db.kind).toBe('pglite');
      expect((await db.query<{ fsync: string }>('show fsync')).rows[0]!.fsync).toBe('on');
      expect(warn).not.toHaveBeenCalled();
    } finally {
      await db.close();
    }
  });

  it('refuses to start in production on a store whose commits do not reach the disk', async () => {
    store.flushes = false;
    await expect(openDatabase(config({ NODE_ENV: 'production' }))).rejects.toThrow(/Refusing to start in production: .*power cut.*DATABASE_URL/);
  });

  it('outside production it starts on such a store, with a loud warning', async () => {
    store.flushes = false;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = await openDatabase(config({}));
    try {
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/WARNING: .*would not survive a power cut/));
    } finally {
      await db.close();
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('with DATABASE_URL, production opens PostgreSQL (its own fsync settings apply)', async () => {
    const db = await openDatabase(config({ NODE_ENV: 'production', DATABASE_URL: process.env.TEST_DATABASE_URL! }));
    try {
      expect(db.kind).toBe('postgres');
    } finally {
      await db.close();
    }
  });
});
