import pg from 'pg';
import type { Db } from './db.ts';

/**
 * Runs `fn` under a session advisory lock taken on a connection of its own (the session connection string: past a
 * pooler in transaction mode), released when that connection ends, also if the node dies. `wait` queues behind the
 * holder; `try` answers 'busy' at once when another session holds it. PGlite belongs to one process: `fn` just runs.
 */
export async function withSessionLock<T>(
  db: Db, key: readonly [number] | readonly [number, string], mode: 'wait' | 'try', fn: () => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  if (!('pool' in db.raw)) return { ran: true, value: await fn() };
  const session = new pg.Client({ connectionString: db.raw.connectionString });
  session.on('error', () => undefined);
  await session.connect();
  try {
    const args = key.length === 1 ? '$1' : '$1, hashtext($2)';
    if (mode === 'wait') await session.query(`select pg_advisory_lock(${args})`, [...key]);
    else if (!(await session.query<{ got: boolean }>(`select pg_try_advisory_lock(${args}) as got`, [...key])).rows[0]?.got) return { ran: false };
    return { ran: true, value: await fn() };
  } finally {
    await session.end().catch(() => undefined);
  }
}
