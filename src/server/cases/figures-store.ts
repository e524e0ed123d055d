import type { Tx } from '../platform/db/db.ts';
import type { TimeWindow } from '../../domain/cases/list-window.ts';
import { visibleOutsideScope, visibleTo, type Viewer } from './store.ts';
import { OPEN_COUNTS_UNDER, rolledUpUnder } from './open-counts-store.ts';
import { likePrefix } from '../platform/db/sql.ts';

export interface FiguresRow {
  reported_today: number; accepted_today: number; closed_today: number;
  open: number; escalated: number; green: number; yellow: number; red: number; none: number;
  avg_accept_minutes: number | null;
}

export interface Figures {
  totals: FiguresRow;
  byCategory: { code: string; name: string; count: number }[];
  byBoard: { board_id: string | null; name: string | null; count: number }[];
}

const OPEN = `c.status not in ('closed','rejected')`;

/**
 * The figures of the cases the viewer may see: open ones by the light of their worst running clock, escalated, by
 * category and by the board of the post they are with; and those reported, accepted and closed in `day`.
 * The open counts of a scope at a town or above come from the roll-ups (open-counts-store.ts), plus the few cases the
 * viewer sees outside the scope (posts, departments, own); below a town, and without a scope, from the cases. Either
 * way the open cases are counted under the same keys (`case_open_keys`), so both give the same figures.
 * The day's counts read the day's rows through the indexes on created_at, closed_at and the timeline's `at`.
 */
export async function caseFigures(tx: Tx, viewer: Viewer, day: Required<TimeWindow>): Promise<Figures> {
  const v = visibleTo(viewer, 3);
  const today = await tx.query<Pick<FiguresRow, 'reported_today' | 'accepted_today' | 'closed_today' | 'avg_accept_minutes'>>(
    `select (select count(*)::int from cases c where c.created_at >= $1 and c.created_at < $2 and ${v.sql}) as reported_today,
            (select count(*)::int from cases c where c.status = 'closed' and c.closed_at >= $1 and c.closed_at < $2 and ${v.sql}) as closed_today,
            a.n as accepted_today, a.avg_minutes as avg_accept_minutes
       from (select count(*)::int as n, (avg(extract(epoch from e.at - c.created_at)) / 60)::float8 as avg_minutes
               from case_events e join cases c on c.id = e.case_id
              where e.action = 'accept' and e.at >= $1 and e.at < $2 and ${v.sql}) a`,
    [day.from, day.before, ...v.params]);

  const rows = await openRows(tx, viewer);
  const sum = (f: (r: { kind: string; a: string; b: string }) => boolean) =>
    rows.rows.reduce((n, r) => (f(r) ? n + r.n : n), 0);
  const light = (rank: string) => sum((r) => r.kind === 'light' && r.a === rank);
  const totals: FiguresRow = {
    ...today.rows[0]!,
    open: sum((r) => r.kind === 'light'), escalated: sum((r) => r.kind === 'light' && r.b === 'true'),
    green: light('1'), yellow: light('2'), red: light('3'), none: light('0'),
  };
  const matters = rows.rows.filter((r) => r.kind === 'matter' && r.n !== 0);
  const posts = rows.rows.filter((r) => r.kind === 'post' && r.n !== 0);
  const byCategory = await tx.query<{ code: string; name: string; count: number }>(
    `select x.code, m.name, sum(x.n)::int as count from unnest($1::text[], $2::text[], $3::int[]) x(code, matter_id, n)
       join matters m on m.id = x.matter_id group by x.code, m.name having sum(x.n) > 0 order by count desc, code`,
    [matters.map((r) => r.a), matters.map((r) => r.b), matters.map((r) => r.n)]);
  const byBoard = await tx.query<{ board_id: string | null; name: string | null; count: number }>(
    `select b.id as board_id, b.name, sum(x.n)::int as count from unnest($1::text[], $2::int[]) x(post_id, n)
       left join posts p on p.id = nullif(x.post_id, '') left join boards b on b.id = p.board_id
      group by b.id, b.name, b.sort having sum(x.n) > 0 order by count desc, b.sort nulls last`,
    [posts.map((r) => r.a), posts.map((r) => r.n)]);
  return { totals, byCategory: byCategory.rows, byBoard: byBoard.rows };
}

/** The viewer's open cases counted under their keys (kind, a, b): roll-ups plus the rest, or the cases alone. */
async function openRows(tx: Tx, viewer: Viewer) {
  const keyed = (where: string) =>
    `select k.kind, k.a, k.b, count(*)::int as n from cases c cross join lateral case_open_keys(c) k where ${OPEN} and ${where} group by 1, 2, 3`;
  if (viewer.scopePath !== null && (await rolledUpUnder(tx, viewer.scopePath))) {
    const out = visibleOutsideScope({ ...viewer, scopePath: viewer.scopePath }, 2);
    return tx.query<{ kind: string; a: string; b: string; n: number }>(
      `select kind, a, b, sum(n)::int as n from ${OPEN_COUNTS_UNDER('$1')} r group by 1, 2, 3
       union all ${keyed(out.sql)}`,
      [likePrefix(viewer.scopePath), ...out.params]);
  }
  const w = visibleTo(viewer, 1);
  return tx.query<{ kind: string; a: string; b: string; n: number }>(keyed(w.sql), w.params);
}
