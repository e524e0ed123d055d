import type { Db } from './db/db.ts';
import { withSessionLock } from './db/session-lock.ts';

// its own key: 7_141_002 is the audit chain's, which the start-up writes take on another connection (the same key deadlocked them)
const START_LOCK = 7_141_004;

/**
 * Runs a node's start-up writes (the demo seed, the first admin, the capabilities' set-ups) one node at a time: several
 * nodes started at once on a fresh database would otherwise all find it empty and all insert the same rows, and all
 * but one would stop on a duplicate key. A session advisory lock on a connection of its own (past a pooler in
 * transaction mode: the session connection string), released when that connection ends, also if the node dies.
 * PGlite belongs to one process: nothing to wait for.
 */
export async function withStartLock<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const r = await withSessionLock(db, [START_LOCK], 'wait', fn);
  if (!r.ran) throw new Error('a lock waited for is always taken');
  return r.value;
}
