import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { openPglite, openPostgres, type Db } from './db.ts';
import { commitReachesDisk } from './pglite-fsync.ts';

/**
 * PostgreSQL when DATABASE_URL is set (with a replica, PgBouncer and a direct URL as config.database says), else the embedded PGlite under DATA_DIR/pglite. A PGlite whose commits do not
 * reach the disk (they would not survive a power cut) is refused in production and shouted about otherwise.
 */
export async function openDatabase(config: Config): Promise<Db> {
  if (config.databaseUrl) {
    const { poolSize, pgbouncer, directUrl, replicaUrl } = config.database;
    return openPostgres(config.databaseUrl, poolSize, { pgbouncer, directUrl, replicaUrl });
  }
  const dir = path.join(config.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const db = await openPglite(dir);
  if ('pglite' in db.raw && !(await commitReachesDisk(db.raw.pglite))) {
    const why = `the embedded database (${dir}) does not flush commits to the disk: acknowledged writes would not survive a power cut or an OS crash`;
    if (config.production) {
      await db.close();
      throw new Error(`Refusing to start in production: ${why}. Set DATABASE_URL to a PostgreSQL server.`);
    }
    console.warn(`\n!!! WARNING: ${why}. Do not use this data folder for real work. !!!\n`);
  }
  return db;
}
