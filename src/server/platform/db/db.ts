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
  /** LISTEN on a channel; NOTIFY payloads arrive after the notifying transaction commits, on every node */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** the engine underneath, for libraries with their own adapters (the job queue) */
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
    listen: (channel, onPayload) => lite.listen(channel, onPayload),
    transaction: (fn) => lite.transaction((tx) => fn(pgliteTx(tx))),
    close: () => lite.close(),
  };
}

// int8 and numeric come back as numbers: counts and sums here stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

// Each distinct statement text becomes a named prepared statement on the connections that run it, so PostgreSQL
// parses and plans it once per connection instead of on every call.
const statementNames = new Map<string, string>();
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = `zz${statementNames.size}`;
    statementNames.set(sql, name);
  }
  return name;
}

function pgTx(client: pg.Pool | pg.PoolClient): Tx {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await client.query({ name: statementName(sql), text: sql, values: params as unknown[] });
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(sql) {
      await client.query(sql);
    },
  };
}

export async function openPostgres(connectionString: string, max = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max });
  pool.on('error', () => {
    /* an idle client lost its connection; the pool replaces it */
  });
  await pool.query('select 1');
  return {
    kind: 'postgres',
    raw: { pool, connectionString },
    ...pgTx(pool),
    async listen(channel, onPayload) {
      // a dedicated connection: LISTEN is per session, and a pooled client would be handed to others
      const client = new pg.Client({ connectionString });
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
        const result = await fn(pgTx(client));
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
