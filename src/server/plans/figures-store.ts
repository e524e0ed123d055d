import type { Tx } from '../platform/db/db.ts';
import { likePrefix, inOrHoldingScope } from '../platform/db/sql.ts';
import type { Hazard, PlanLevel, StepState } from '../../shared/plans.ts';

export interface FiguresFilter {
  /** the caller's scope, and the unit asked for inside it (both apply) */
  scopePath: string;
  unitPath: string | null;
  from: Date;
  to: Date;
  /** drills and real incidents are never counted together */
  drill: boolean;
}

export interface FigureIncidentRow {
  id: string;
  hazard: Hazard;
  /** the current level and every level it was moved to */
  levels: PlanLevel[];
  activated_at: Date;
  stood_down_at: Date | null;
  /** each step with its effective completion (a handled or closed work order finishes an open step) */
  steps: { dueAt: string; completedAt: string | null; state: StepState }[];
}

/**
 * The incidents started in [from, to) of the towns in the scope or holding it (a community's staff count their town's, as
 * they read them), and of the unit asked for (a town inside it, or the town holding a community asked for), drills or
 * real ones, with their steps' times.
 */
export async function listIncidentsForFigures(tx: Tx, f: FiguresFilter): Promise<FigureIncidentRow[]> {
  return (await tx.query<FigureIncidentRow>(
    `select i.id, i.hazard, i.activated_at, i.stood_down_at,
            array[i.level] || coalesce((select array_agg(e.data->>'to') from incident_events e
                                         where e.incident_id = i.id and e.action = 'level_changed'), '{}'::text[]) as levels,
            coalesce((select json_agg(json_build_object(
                       'dueAt', s.due_at,
                       'completedAt', coalesce(s.completed_at, case when s.state = 'open' and c.status in ('handled', 'closed') then d.at end),
                       'state', case when s.state = 'open' and c.status in ('handled', 'closed') and d.at is not null then 'done' else s.state end)
                       order by s.seq)
                        from incident_steps s
                        join cases c on c.id = s.case_id
                        left join lateral (select min(e.at) as at from case_events e
                                            where e.case_id = s.case_id and e.case_created_at = c.created_at and e.action in ('report_done', 'resolve_on_spot')) d on true
                       where s.incident_id = i.id), '[]'::json) as steps
       from incidents i
      where ${inOrHoldingScope('i.org_path', '$6', '$1')} and ($2::text is null or ${inOrHoldingScope('i.org_path', '$7', '$2')}) and i.drill = $3
        and i.activated_at >= $4 and i.activated_at < $5
      order by i.activated_at`,
    [likePrefix(f.scopePath), f.unitPath ? likePrefix(f.unitPath) : null, f.drill, f.from, f.to, f.scopePath, f.unitPath])).rows;
}
