import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createFsyncingPglite } from './pglite-fsync.ts';

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

/** What store functions get: a connection or a transaction, the same for PGlite and PostgreSQL. */
export interface Tx {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** several statements without parameters (migrations, seeds) */
  exec(sql: string): Promise<void>;
}

export interface Db extends Tx {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Where read-only lists and figures that may lag a moment go: the replica (DATABASE_REPLICA_URL) when one is set,
   * else this database itself. Never for a read that must see the caller's own write just made (docs/operations.md,
   * "Several nodes").
   */
  readonly reader: Tx;
  /** LISTEN on a channel; NOTIFY payloads arrive after the notifying transaction commits, on every node */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * The engine underneath, for libraries with their own adapters (the job queue). On PostgreSQL `connectionString`
   * is the one that keeps a session (DATABASE_DIRECT_URL when set, past PgBouncer; else DATABASE_URL): session
   * advisory locks, LISTEN and the job queue connect there.
   */
  readonly raw: { pglite: PGlite } | { pool: pg.Pool; connectionString: string };
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

function pgliteTx(q: Pick<PGlite, 'query' | 'exec'>): Tx {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await q.query<T>(sql, params as unknown[]);
      return { rows: r.rows, rowCount: Math.max(r.affectedRows ?? 0, r.rows.length) };
    },
    async exec(sql) {
      await q.exec(sql);
    },
  };
}

/**
 * PGlite in memory (no dataDir: tests), or on disk with every commit flushed to the disk before it returns
 * (pglite-fsync.ts; `commitReachesDisk` checks it).
 */
export async function openPglite(dataDir: string | undefined): Promise<Db> {
  return pgliteDb(dataDir ? await createFsyncingPglite(dataDir) : await PGlite.create());
}

/** a Db over an open PGlite */
export function pgliteDb(lite: PGlite): Db {
  return {
    kind: 'pglite',
    raw: { pglite: lite },
    ...pgliteTx(lite),
    reader: pgliteTx(lite),
    listen: (channel, onPayload) => lite.listen(channel, onPayload),
    transaction: (fn) => lite.transaction((tx) => fn(pgliteTx(tx))),
    close: () => lite.close(),
  };
}

// int8 and numeric come back as numbers: counts and sums here stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

// Each distinct statement text becomes a named prepared statement on the connections that run it, so PostgreSQL
// parses and plans it once per connection instead of on every call. Behind PgBouncer in transaction mode (before
// 1.21, or without max_prepared_statements) a statement prepared on one server connection is missing on the next:
// there every statement goes unnamed (DATABASE_PGBOUNCER=1), parsed each time. A name is a hash of the text, so
// the same name means the same statement in every process: should a pooler nobody announced hand one node's
// statement to another's call, the same statement runs, and the error that follows switches naming off.
const statementNames = new Map<string, string>();
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = `zz_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
    statementNames.set(sql, name);
  }
  return name;
}

/** Whether statements are named: false behind a pooler in transaction mode, set once at open or when detected. */
interface Naming { named: boolean }

/**
 * PgBouncer in transaction mode gave a named statement to a server connection that does not know it (26000) or
 * already holds one of that name from another client (42P05): either way nothing ran.
 */
function preparedStatementLost(err: unknown, name: string): boolean {
  const e = err as { code?: string; message?: string };
  return (e.code === '26000' || e.code === '42P05') && typeof e.message === 'string' && e.message.includes(`"${name}"`);
}

function pgTx(client: pg.Pool | pg.PoolClient, naming: Naming, inTransaction: boolean): Tx {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const values = params as unknown[];
      const result = (r: pg.QueryResult) => ({ rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length });
      if (!naming.named) return result(await client.query({ text: sql, values }));
      const name = statementName(sql);
      try {
        return result(await client.query({ name, text: sql, values }));
      } catch (err) {
        if (!preparedStatementLost(err, name)) throw err;
        // a pooler in transaction mode that DATABASE_PGBOUNCER did not announce: unnamed from now on. A single
        // statement is sent again (it did not run); inside a transaction the transaction is already aborted.
        if (naming.named) console.warn('database: named prepared statements are lost between calls (PgBouncer in transaction mode?); '
          + 'using unnamed statements from now on. Set DATABASE_PGBOUNCER=1 to say so at start.');
        naming.named = false;
        if (inTransaction) throw err;
        return result(await client.query({ text: sql, values }));
      }
    },
    async exec(sql) {
      await client.query(sql);
    },
  };
}

export interface PostgresOptions {
  /** PgBouncer in transaction mode (DATABASE_PGBOUNCER=1): unnamed statements only */
  pgbouncer?: boolean;
  /** a connection string that keeps a session (DATABASE_DIRECT_URL), for LISTEN, session locks and the job queue */
  directUrl?: string | null;
  /** a read replica (DATABASE_REPLICA_URL) for `reader` */
  replicaUrl?: string | null;
  /** connections of the replica pool (default: as many as the primary's) */
  replicaMax?: number;
}

function newPool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max });
  pool.on('error', () => {
    /* an idle client lost its connection; the pool replaces it */
  });
  return pool;
}

export async function openPostgres(connectionString: string, max = 10, o: PostgresOptions = {}): Promise<Db> {
  const naming: Naming = { named: !o.pgbouncer };
  const sessionUrl = o.directUrl || connectionString;
  const pool = newPool(connectionString, max);
  const replica = o.replicaUrl ? newPool(o.replicaUrl, o.replicaMax ?? max) : null;
  try {
    await pool.query('select 1');
    await replica?.query('select 1');
  } catch (err) {
    await pool.end().catch(() => undefined);
    await replica?.end().catch(() => undefined);
    throw err;
  }
  const primary = pgTx(pool, naming, false);
  return {
    kind: 'postgres',
    raw: { pool, connectionString: sessionUrl },
    ...primary,
    // a replica has its own connections: its statements are named unless the primary's are not (same pooler)
    reader: replica ? pgTx(replica, naming, false) : primary,
    async listen(channel, onPayload) {
      // a dedicated connection: LISTEN is per session, and a pooled client would be handed to others
      const client = new pg.Client({ connectionString: sessionUrl });
      client.on('error', () => undefined);
      await client.connect();
      client.on('notification', (n) => {
        if (n.channel === channel && n.payload !== undefined) onPayload(n.payload);
      });
      await client.query(`listen "${channel.replace(/"/g, '')}"`);
      return async () => {
        await client.end().catch(() => undefined);
      };
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(pgTx(client, naming, true));
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: async () => {
      await Promise.all([pool.end(), replica?.end()]);
    },
  };
}
