import type { Tx } from '../platform/db/db.ts';
import type { TimeWindow } from '../../domain/cases/list-window.ts';
import { visibleTo, type Viewer } from './store.ts';

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
 */
export async function caseFigures(tx: Tx, viewer: Viewer, day: Required<TimeWindow>): Promise<Figures> {
  const v = visibleTo(viewer, 3);
  const params = [day.from, day.before, ...v.params];
  const totals = await tx.query<FiguresRow>(
    `with seen as (select c.* from cases c where ${v.sql}),
     accepted as (select e.at - s.created_at as took from case_events e join seen s on s.id = e.case_id
                   where e.action = 'accept' and e.at >= $1 and e.at < $2),
     worst as (select (select max(case k.value->>'light' when 'red' then 3 when 'yellow' then 2 when 'green' then 1 end)
                         from jsonb_each(c.clocks) k where k.value->>'stoppedAt' is null) as rank,
                      c.escalated_at from seen c where ${OPEN})
     select (select count(*)::int from seen where created_at >= $1 and created_at < $2) as reported_today,
            (select count(*)::int from accepted) as accepted_today,
            (select count(*)::int from seen where status = 'closed' and closed_at >= $1 and closed_at < $2) as closed_today,
            (select count(*)::int from worst) as open,
            (select count(*)::int from worst where escalated_at is not null) as escalated,
            (select count(*)::int from worst where rank = 1) as green,
            (select count(*)::int from worst where rank = 2) as yellow,
            (select count(*)::int from worst where rank = 3) as red,
            (select count(*)::int from worst where rank is null) as none,
            (select (avg(extract(epoch from took)) / 60)::float8 from accepted) as avg_accept_minutes`, params);
  const w = visibleTo(viewer, 1);
  const byCategory = await tx.query<{ code: string; name: string; count: number }>(
    `select c.category_code as code, m.name, count(*)::int as count from cases c join matters m on m.id = c.matter_id
      where ${OPEN} and ${w.sql} group by c.category_code, m.name order by count desc, code`, w.params);
  const byBoard = await tx.query<{ board_id: string | null; name: string | null; count: number }>(
    `select b.id as board_id, b.name, count(*)::int as count from cases c
       left join posts p on p.id = c.assignee->>'postId' left join boards b on b.id = p.board_id
      where ${OPEN} and ${w.sql} group by b.id, b.name, b.sort order by count desc, b.sort nulls last`, w.params);
  return { totals: totals.rows[0]!, byCategory: byCategory.rows, byBoard: byBoard.rows };
}
