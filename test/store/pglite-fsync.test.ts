import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openPglite, type Db } from '../../src/server/platform/db/db.ts';
import { commitReachesDisk, FsyncingNodeFS } from '../../src/server/platform/db/pglite-fsync.ts';

/**
 * The on-disk PGlite flushes each commit: fsync(2) of the WAL runs before the commit returns. A power cut cannot be
 * simulated here, so this checks the call at the boundary to the operating system (node:fs), where PGlite as shipped
 * makes none. (Linux: the fsynced descriptors are named through /proc/self/fd.)
 */

const temps: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(tmpdir(), 'zhizhi-fsync-'));
  temps.push(d);
  return d;
};
afterAll(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});
afterEach(() => vi.restoreAllMocks());

/** the files that fsync(2) is called on, from now on */
function watchFsync(): string[] {
  const synced: string[] = [];
  const real = fs.fsyncSync;
  vi.spyOn(fs, 'fsyncSync').mockImplementation((fd: number) => {
    synced.push(fs.readlinkSync(`/proc/self/fd/${fd}`));
    real(fd);
  });
  return synced;
}

const inWal = (dir: string) => (p: string) => p.startsWith(path.join(fs.realpathSync(dir), 'pg_wal') + path.sep);

describe('PGlite on disk', () => {
  it('fsyncs the WAL before a commit returns, and every file of the data folder when it opens', async () => {
    const dir = tempDir();
    const synced = watchFsync();
    const db: Db = await openPglite(dir);
    try {
      const real = fs.realpathSync(dir);
      expect(synced).toContain(path.join(real, 'PG_VERSION'));
      expect(synced).toContain(path.join(real, 'global', 'pg_control'));
      expect(synced).toContain(real);

      const settings = await db.query<{ fsync: string }>('show fsync');
      expect(settings.rows[0]!.fsync).toBe('on');
      await db.exec('create table t (id int primary key)');
      for (let i = 0; i < 3; i++) {
        await db.transaction(async (tx) => {
          await tx.query('insert into t values ($1)', [i]);
          synced.length = 0; // only what the commit itself does
        });
        expect(synced.filter(inWal(dir)).length).toBeGreaterThanOrEqual(1);
      }
      const pglite = (db.raw as { pglite: PGlite }).pglite;
      expect(await commitReachesDisk(pglite)).toBe(true);

      // the probe sees a commit that does not wait for the disk
      await db.exec('set synchronous_commit = off');
      expect(await commitReachesDisk(pglite)).toBe(false);
    } finally {
      await db.close();
    }
  });

  it('as PGlite ships (fsync off), a commit reaches no fsync, and the probe says so', async () => {
    const dir = tempDir();
    const lite = await PGlite.create({ dataDir: dir, fs: new FsyncingNodeFS(dir) });
    try {
      const synced = watchFsync();
      await lite.exec('create table t (id int primary key)');
      await lite.transaction(async (tx) => { await tx.query('insert into t values (1)'); });
      expect(synced.filter(inWal(dir))).toEqual([]);
      expect(await commitReachesDisk(lite)).toBe(false);
    } finally {
      await lite.close();
    }
  });
});
