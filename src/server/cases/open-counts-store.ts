import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';

/*
 * The open-case roll-ups (migration 040): per town, the open cases by worst light and escalation, red by the screen's
 * test, by category (and Matter) and by the post they are with. Statement triggers on `cases` append each change's net
 * count to case_open_count_changes; `foldOpenCountChanges` moves them into case_open_counts. A reader sums both in one
 * statement, so the figures are exact at any moment, and a town's or the city's read touches only its towns' rows.
 */

/** One counted key: `light` (a = rank 0–3, b = escalated), `red`, `matter` (a = code, b = matter id), `post` (a = post id or ''). */
export interface OpenCountRow { kind: 'light' | 'red' | 'matter' | 'post'; a: string; b: string; n: number }

/** The rows of both tables whose town lies under `like` (a LIKE pattern), as one relation `(town_path, kind, a, b, n)`. */
export const OPEN_COUNTS_UNDER = (like: string) =>
  `(select town_path, kind, a, b, n from case_open_counts where town_path like ${like}
    union all select town_path, kind, a, b, n from case_open_count_changes where town_path like ${like})`;

/**
 * Whether the roll-ups can answer for everything under `scopePath`: a unit at a town or above it (some town lies under
 * it). Below a town (a community, a grid) the counts are read from the cases themselves, which are few there.
 */
export async function rolledUpUnder(tx: Tx, scopePath: string): Promise<boolean> {
  const r = await tx.query<{ ok: boolean }>(
    `select exists (select 1 from org_units where level = 'town' and path like $1) as ok`, [likePrefix(scopePath)]);
  return r.rows[0]!.ok;
}

/** Moves the appended changes into the counts (one statement; a fold running at the same time skips what this one took). */
export async function foldOpenCountChanges(tx: Tx): Promise<number> {
  const r = await tx.query(
    `with moved as (delete from case_open_count_changes returning town_path, kind, a, b, n)
     insert into case_open_counts (town_path, kind, a, b, n)
     select town_path, kind, a, b, sum(n) from moved group by 1, 2, 3, 4
     on conflict (town_path, kind, a, b) do update set n = case_open_counts.n + excluded.n`);
  await tx.query('delete from case_open_counts where n = 0');
  return r.rowCount ?? 0;
}

/** Counts everything afresh from the cases (after a bulk load; the triggers keep it from then on). */
export async function rebuildOpenCounts(tx: Tx): Promise<void> {
  await tx.exec(`delete from case_open_count_changes; delete from case_open_counts;`);
  await tx.query(
    `insert into case_open_counts (town_path, kind, a, b, n)
     select k.town_path, k.kind, k.a, k.b, count(*)
       from cases c cross join lateral case_open_keys(c) k
      where c.status not in ('closed','rejected')
      group by 1, 2, 3, 4`);
}
