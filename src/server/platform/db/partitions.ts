import type { Tx } from './db.ts';

/**
 * Monthly range partitions of the time-partitioned tables (case_events by the case's creation, device_readings by the
 * reading's time). Months are Asia/Shanghai months, as everywhere else the app counts days and months (case numbers,
 * figures, readings since migration 029): a case reported at 07:00 on 1 March in Shanghai belongs to March. A month's
 * partition is `<table>_yYYYYmMM` and holds [that month's first instant, the next month's first instant); every
 * partitioned table also keeps a DEFAULT partition (`<table>_default`) as a safety net for a row outside the months
 * made so far.
 */

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const TABLE_RE = /^[a-z_][a-z0-9_]*$/;

/** The first instant (UTC) of the Asia/Shanghai month `offset` months from the one holding `at`. */
export function monthStart(at: Date, offset = 0): Date {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + offset, 1) - SHANGHAI_OFFSET_MS);
}

/** `case_events_y2026m03` for the Asia/Shanghai month holding `at`. */
export function monthPartitionName(table: string, at: Date): string {
  const local = new Date(monthStart(at).getTime() + SHANGHAI_OFFSET_MS);
  return `${table}_y${local.getUTCFullYear()}m${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The first instant of the month a partition named by `monthPartitionName` holds, or null for another name. */
export function monthOfPartition(table: string, name: string): Date | null {
  const m = /_y(\d{4})m(\d{2})$/.exec(name);
  if (!m || name !== `${table}_y${m[1]}m${m[2]}`) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1) - SHANGHAI_OFFSET_MS);
}

function checkedTable(table: string): string {
  if (!TABLE_RE.test(table)) throw new Error(`not a table name: ${table}`);
  return table;
}

/** Serialises partition changes of one table across transactions and nodes (the key migration 029's job used). */
async function lockPartitions(tx: Tx, table: string): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock(hashtext($1 || ' partitions'))`, [table]);
}

interface PartitionedTable {
  /** the partition key's column */
  column: string;
  /** the DEFAULT partition, if the table has one */
  defaultPartition: string | null;
  /** the names of its partitions */
  partitions: Set<string>;
}

async function describe(tx: Tx, table: string): Promise<PartitionedTable> {
  const r = await tx.query<{ key: string; def: string | null }>(
    `select pg_get_partkeydef(p.partrelid) as key, d.relname as def
       from pg_partitioned_table p join pg_class c on c.oid = p.partrelid
       left join pg_class d on d.oid = p.partdefid
      where c.oid = to_regclass($1)`,
    [table],
  );
  const row = r.rows[0];
  if (!row) throw new Error(`${table} is not a partitioned table`);
  const key = /^RANGE \(([a-z_][a-z0-9_]*)\)$/.exec(row.key);
  if (!key) throw new Error(`${table} is not partitioned by range of one column (${row.key})`);
  const parts = await tx.query<{ name: string }>(
    `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = to_regclass($1)`,
    [table],
  );
  return { column: key[1]!, defaultPartition: row.def, partitions: new Set(parts.rows.map((p) => p.name)) };
}

/**
 * Makes the missing monthly partitions of `table` for every Asia/Shanghai month from the one holding `from` to the one
 * holding `to` (both included); answers the names it made, in month order. Idempotent (a month already there is left
 * alone), and safe when several nodes run it at once: it takes a transaction-scoped advisory lock per table first, so
 * a second caller waits for the first to commit and then finds the months made. Rows of a new month already sitting in
 * the DEFAULT partition are moved into it (the table's triggers let this move through: see migration 039), so attaching
 * the month never fails on them. Call it in a short transaction of its own: the lock is held until that commits.
 */
export async function ensureMonthlyPartitions(tx: Tx, table: string, from: Date, to: Date): Promise<string[]> {
  checkedTable(table);
  await lockPartitions(tx, table);
  const t = await describe(tx, table);
  const made: string[] = [];
  for (let start = monthStart(from); start.getTime() <= to.getTime(); start = monthStart(start, 1)) {
    const name = monthPartitionName(table, start);
    if (t.partitions.has(name)) continue;
    const bounds = `for values from ('${start.toISOString()}') to ('${monthStart(start, 1).toISOString()}')`;
    // made detached, then attached: ATTACH takes only a SHARE UPDATE EXCLUSIVE lock on the table (CREATE TABLE …
    // PARTITION OF would take an ACCESS EXCLUSIVE one, and queue every read behind a long query); attaching adds the
    // table's indexes, foreign keys and triggers to the new month
    await tx.exec(`create table ${name} (like ${table} including defaults including constraints)`);
    if (t.defaultPartition && (await defaultHoldsMonth(tx, t, start))) {
      // the default partition's rows of that month move into it first (attaching checks that none is left behind)
      await tx.exec(`lock table ${t.defaultPartition} in access exclusive mode`);
      await tx.exec(`set local zhizhi.partition_move = 'on'`);
      await tx.query(
        `with moved as (delete from ${t.defaultPartition} where ${t.column} >= $1 and ${t.column} < $2 returning *)
         insert into ${name} select * from moved`,
        [start, monthStart(start, 1)],
      );
      await tx.exec(`set local zhizhi.partition_move = 'off'`);
    }
    await tx.exec(`alter table ${table} attach partition ${name} ${bounds}`);
    t.partitions.add(name);
    made.push(name);
  }
  return made;
}

async function defaultHoldsMonth(tx: Tx, t: PartitionedTable, start: Date): Promise<boolean> {
  const r = await tx.query(
    `select 1 from ${t.defaultPartition} where ${t.column} >= $1 and ${t.column} < $2 limit 1`,
    [start, monthStart(start, 1)],
  );
  return r.rows.length > 0;
}

/**
 * Detaches and drops every monthly partition of `table` whose month began before the month holding `before`, and
 * deletes the DEFAULT partition's rows older than that month: retention by dropping whole months (no row-by-row delete,
 * no bloat, no vacuum). Answers the names dropped. Same per-table lock as `ensureMonthlyPartitions`.
 */
export async function dropMonthlyPartitionsBefore(tx: Tx, table: string, before: Date): Promise<{ dropped: string[]; expired: number }> {
  checkedTable(table);
  await lockPartitions(tx, table);
  const t = await describe(tx, table);
  const keepFrom = monthStart(before);
  const dropped: string[] = [];
  for (const name of [...t.partitions].sort()) {
    const month = monthOfPartition(table, name);
    if (!month || month.getTime() >= keepFrom.getTime()) continue;
    await tx.exec(`alter table ${table} detach partition ${name}`);
    await tx.exec(`drop table ${name}`);
    dropped.push(name);
  }
  let expired = 0;
  if (t.defaultPartition) {
    const r = await tx.query(`delete from ${t.defaultPartition} where ${t.column} < $1`, [keepFrom]);
    expired = r.rowCount;
  }
  return { dropped, expired };
}

/** The public schema's tables partitioned by range (device_readings, case_events, …), by name. */
export async function partitionedTables(tx: Tx): Promise<string[]> {
  const r = await tx.query<{ name: string }>(
    `select c.relname as name from pg_partitioned_table p join pg_class c on c.oid = p.partrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and p.partstrat = 'r' and not c.relispartition
      order by 1`,
  );
  return r.rows.map((x) => x.name);
}
