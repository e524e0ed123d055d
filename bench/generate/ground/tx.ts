import type pg from 'pg';
import type { Tx } from '../../../src/server/platform/db/db.ts';

/** One transaction on the generator's pool, as the app's store and seed functions take it (the Tx of db.ts). */
export async function inTransaction<T>(pool: pg.Pool, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const tx: Tx = {
    async query<R>(sql: string, params: readonly unknown[] = []) {
      const r = await client.query(sql, params as unknown[]);
      return { rows: r.rows as R[], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
  try {
    await client.query('begin');
    const result = await fn(tx);
    await client.query('commit');
    return result;
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Runs `fn` with the tables' secondary indexes dropped, then builds them again: one sort per index after a bulk load is
 * much cheaper than keeping them up to date row by row (GIN indexes above all). Primary keys and constraints stay.
 */
export async function withoutIndexes<T>(pool: pg.Pool, tables: readonly string[], fn: () => Promise<T>, log: (line: string) => void): Promise<T> {
  const r = await pool.query<{ name: string; def: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
       from pg_index i join pg_class t on t.oid = i.indrelid join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = 'public' and t.relname = any($1::text[])
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`, [tables]);
  for (const x of r.rows) await pool.query(`drop index ${x.name}`);
  const result = await fn();
  const t0 = performance.now();
  const client = await pool.connect();
  try {
    // a bigger sort memory than the default 64 MB for the builds of a city's indexes
    await client.query(`set maintenance_work_mem = '512MB'`);
    for (const x of r.rows) await client.query(x.def);
    await client.query('reset maintenance_work_mem');
  } finally {
    client.release();
  }
  log(`  ${r.rows.length} indexes of ${tables.join(', ')} built again in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return result;
}
