// COPY in its text format, for every generator step: values are escaped only when they hold a character the format
// reserves (most hold none), and rows go out in ~1 MB chunks. The history steps draw a batch's rows before they write
// them, so the next batch is drawn while PostgreSQL takes this one in.
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';

const SPECIAL = /[\\\n\r\t]/;

function escape(s: string): string {
  return SPECIAL.test(s) ? s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t') : s;
}

function arrayLiteral(items: readonly unknown[]): string {
  let out = '{';
  for (let i = 0; i < items.length; i++) {
    const x = items[i];
    if (i > 0) out += ',';
    out += x === null ? 'NULL' : `"${String(x).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  }
  return `${out}}`;
}

/** One value in COPY's text format. */
export function field(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  switch (typeof v) {
    case 'string':
      return escape(v);
    case 'number':
      return String(v);
    case 'boolean':
      return v ? 't' : 'f';
    default:
      if (v instanceof Date) return v.toISOString();
      if (Array.isArray(v)) return escape(arrayLiteral(v));
      return escape(JSON.stringify(v));
  }
}

/** A row as one line of COPY text. */
export function line(row: readonly unknown[]): string {
  let out = field(row[0]);
  for (let i = 1; i < row.length; i++) out += `\t${field(row[i])}`;
  return `${out}\n`;
}

/** COPY table (columns) FROM STDIN of lines already encoded, on one connection; answers the number of lines. */
async function copyInto(client: pg.PoolClient, table: string, columns: readonly string[], lines: Iterable<string>): Promise<number> {
  let n = 0;
  const chunks = function* () {
    let chunk = '';
    for (const l of lines) {
      chunk += l;
      n++;
      if (chunk.length > 1 << 20) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  };
  await pipeline(Readable.from(chunks()), client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`)));
  return n;
}

/** COPY table (columns) FROM STDIN of lines already encoded; answers the number of lines. */
export async function copyLines(pool: pg.Pool, table: string, columns: readonly string[], lines: Iterable<string>): Promise<number> {
  if (Array.isArray(lines) && lines.length === 0) return 0;
  const client = await pool.connect();
  try {
    return await copyInto(client, table, columns, lines);
  } finally {
    client.release();
  }
}

/** Several COPYs in one transaction on one connection (keys and checks deferred to commit see every table's rows). */
export async function copyTogether(pool: pg.Pool, parts: readonly { table: string; columns: readonly string[]; lines: Iterable<string> }[]): Promise<number> {
  const client = await pool.connect();
  let n = 0;
  try {
    await client.query('begin');
    for (const p of parts) n += await copyInto(client, p.table, p.columns, p.lines);
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  return n;
}

/** Rows of values (null, string, number, boolean, Date, array → text[], object → json) as COPY lines. */
export function* linesOf(rows: Iterable<readonly unknown[]>): Generator<string> {
  for (const row of rows) yield line(row);
}

/** COPY rows of values (null, string, number, boolean, Date, array → text[], object → json); answers the row count. */
export function copyRows(pool: pg.Pool, table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>): Promise<number> {
  return copyLines(pool, table, columns, linesOf(rows));
}
