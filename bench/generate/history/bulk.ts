// Bulk loading: a table's secondary indexes are dropped before millions of rows are copied in and built again after
// (one sort per index instead of millions of random inserts). Indexes that back a constraint (primary key, unique)
// stay: they keep the rows honest while they come in.
import type pg from 'pg';

/** Drops the plain indexes of `tables` and answers a function that builds them again with the same definitions. */
export async function deferIndexes(pool: pg.Pool, tables: readonly string[]): Promise<() => Promise<void>> {
  const r = await pool.query<{ name: string; def: string }>(
    `select ic.relname as name, pg_get_indexdef(i.indexrelid) as def
       from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_class t on t.oid = i.indrelid
       join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = current_schema() and t.relname = any($1::text[])
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
      order by 1`,
    [tables],
  );
  for (const ix of r.rows) await pool.query(`drop index if exists "${ix.name}"`);
  return async () => {
    // two at a time: the machine's cores, each build sorting its own column
    const queue = [...r.rows];
    const worker = async () => {
      for (let ix = queue.shift(); ix; ix = queue.shift()) {
        const client = await pool.connect();
        try {
          await client.query(`set maintenance_work_mem = '512MB'`);
          // a partitioned table's index is printed ON ONLY the parent; built on the whole table it reaches every partition
          await client.query(ix.def.replace(' ON ONLY ', ' ON '));
        } finally {
          client.release();
        }
      }
    };
    await Promise.all([worker(), worker()]);
  };
}
