// COPY of the big history tables with a leaner text encoder than the context's `copy`: values are escaped only when
// they hold a character COPY's text format reserves (most hold none), and rows go out in ~1 MB chunks. The rows of a
// batch are drawn before they are written, so the next batch is drawn while PostgreSQL takes this one in.
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

/** One value in COPY's text format (the same encoding as context.ts copyText). */
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

/** COPY table (columns) FROM STDIN of lines already encoded; answers the number of lines. */
export async function copyLines(pool: pg.Pool, table: string, columns: readonly string[], lines: readonly string[]): Promise<number> {
  if (lines.length === 0) return 0;
  const client = await pool.connect();
  try {
    const sink = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
    const chunks = function* () {
      let chunk = '';
      for (const l of lines) {
        chunk += l;
        if (chunk.length > 1 << 20) {
          yield chunk;
          chunk = '';
        }
      }
      if (chunk) yield chunk;
    };
    await pipeline(Readable.from(chunks()), sink);
  } finally {
    client.release();
  }
  return lines.length;
}
