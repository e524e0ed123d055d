import type { Tx } from './db/db.ts';

export interface WindowCount {
  /** requests counted in the current window, this one included */
  hits: number;
  /** milliseconds until the window ends */
  ttlMs: number;
}

/**
 * Counts one request against `key` in one statement, on the database's clock (the same for every node): a window
 * that has ended starts again at 1; `restartWhenOver` starts it afresh on every request over `max` (the plugin's
 * continueExceeding). Concurrent requests from several nodes queue on the row, so none is lost.
 */
export async function countHit(tx: Tx, key: string, windowMs: number, max: number, restartWhenOver: boolean): Promise<WindowCount> {
  const r = await tx.query<{ hits: number; ttl_ms: number }>(
    `insert into rate_limit_hits as h (key, hits, resets_at) values ($1, 1, now() + make_interval(secs => $2::float8 / 1000))
     on conflict (key) do update set
       hits = case when h.resets_at <= now() then 1 else h.hits + 1 end,
       resets_at = case when h.resets_at <= now() or ($4::boolean and h.hits + 1 > $3::int) then excluded.resets_at else h.resets_at end
     returning hits, greatest(0, ceil(extract(epoch from resets_at - now()) * 1000))::float8 as ttl_ms`,
    [key, windowMs, max, restartWhenOver],
  );
  const row = r.rows[0]!;
  return { hits: row.hits, ttlMs: Number(row.ttl_ms) };
}

/** The current window of `key` without counting; nothing counted yet (or the window ended) reads as 0. */
export async function readHits(tx: Tx, key: string): Promise<WindowCount> {
  const r = await tx.query<{ hits: number; ttl_ms: number }>(
    `select hits, ceil(extract(epoch from resets_at - now()) * 1000)::float8 as ttl_ms
       from rate_limit_hits where key = $1 and resets_at > now()`,
    [key],
  );
  const row = r.rows[0];
  return row ? { hits: row.hits, ttlMs: Number(row.ttl_ms) } : { hits: 0, ttlMs: 0 };
}

/** Deletes up to `limit` windows that ended; rows another node is counting on are skipped. Returns how many went. */
export async function deleteEndedWindows(tx: Tx, limit: number): Promise<number> {
  const r = await tx.query(
    `delete from rate_limit_hits where key in (
       select key from rate_limit_hits where resets_at < now() order by resets_at limit $1 for update skip locked)`,
    [limit],
  );
  return r.rowCount;
}
