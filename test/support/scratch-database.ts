import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

/**
 * A throwaway database on the PostgreSQL server `serverUrl` points at (the role must be allowed to create
 * databases): its URL, and `drop()` to remove it again, connections and all.
 */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = async (run: (c: pg.Client) => Promise<void>) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try {
      await run(c);
    } finally {
      await c.end();
    }
  };
  await admin((c) => c.query(`create database ${name}`).then(() => undefined));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin((c) => dropDatabase(c, name)) };
}

/**
 * `drop database … with (force)` needs the right to signal every backend on the database, and an autovacuum
 * worker belongs to no role the test role is a member of. So the test role ends only its own connections;
 * a plain drop makes autovacuum give way by itself, and is retried while a connection is still closing.
 */
async function dropDatabase(c: pg.Client, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await c.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where datname = $1 and usename = current_user and pid <> pg_backend_pid()`,
      [name],
    );
    try {
      await c.query(`drop database if exists ${name}`);
      return;
    } catch (error) {
      const inUse = (error as { code?: string }).code === '55006';
      if (!inUse || attempt >= 20) throw error;
      await sleep(250);
    }
  }
}
