import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { taskReachSql, type TaskReach } from './task-reach.ts';

/* Publicity campaigns (政策宣传) a town pushes to grids: SQL only. */

export interface CampaignRow {
  id: string;
  town_id: string;
  title: string;
  content: string;
  material: string[];
  grids: { id: string; name: string }[];
  starts_on: string;
  due_on: string;
  created_by_name: string;
  created_at: Date;
  total: number;
  done: number;
  overdue: number;
}

export interface NewCampaign {
  town_id: string;
  title: string;
  content: string;
  material: readonly string[];
  grid_ids: readonly string[];
  starts_on: string;
  due_on: string;
  created_by: string;
  created_by_name: string;
  request_key: string | null;
  created_at: Date;
}

export async function insertCampaign(tx: Tx, c: NewCampaign): Promise<string | null> {
  const keys = Object.keys(c) as (keyof NewCampaign)[];
  const r = await tx.query<{ id: string }>(
    `insert into task_campaigns (${keys.join(', ')}) values (${keys.map((_, i) => `$${i + 1}`).join(', ')})
     on conflict (created_by, request_key) where request_key is not null do nothing returning id`, keys.map((k) => c[k]));
  return r.rows[0]?.id ?? null;
}

export async function findCampaignIdByKey(tx: Tx, createdBy: string, key: string): Promise<string | null> {
  const r = await tx.query<{ id: string }>('select id from task_campaigns where created_by = $1 and request_key = $2', [createdBy, key]);
  return r.rows[0]?.id ?? null;
}

/**
 * Campaigns with a grid in the caller's reach (under `underPath` when given), newest first, each with the grids and the
 * done / total / overdue of its tasks that the caller reaches (in that unit) — counted in SQL.
 */
export async function listCampaigns(tx: Tx, reach: TaskReach, f: { underPath: string | null; ids?: readonly string[]; today: string }, limit: number, offset: number): Promise<{ rows: CampaignRow[]; total: number }> {
  const params: unknown[] = [];
  const gridCond = [taskReachSql(reach, 'g', params).replace(/g\.org_path/g, 'g.path').replace(/g\.grid_id/g, 'g.id')];
  if (f.underPath) { params.push(likePrefix(f.underPath)); gridCond.push(`g.path like $${params.length}`); }
  const where = [`exists (select 1 from org_units g where g.id = any(c.grid_ids) and ${gridCond.join(' and ')})`];
  if (f.ids) { params.push(f.ids); where.push(`c.id = any($${params.length}::text[])`); }
  const w = where.join(' and ');
  const counted = [...params];
  const taskCond = [taskReachSql(reach, 't', params)];
  if (f.underPath) { params.push(likePrefix(f.underPath)); taskCond[0] = `${taskCond[0]} and t.org_path like $${params.length}`; }
  params.push(f.today);
  const today = `$${params.length}::date`;
  const [rows, total] = await Promise.all([
    tx.query<CampaignRow>(
      `select c.id, c.town_id, c.title, c.content, c.material, c.starts_on::text as starts_on, c.due_on::text as due_on,
              c.created_by_name, c.created_at,
              coalesce((select jsonb_agg(jsonb_build_object('id', g.id, 'name', g.name) order by g.sort, g.name) from org_units g
                 where g.id = any(c.grid_ids) and ${gridCond.join(' and ')}), '[]'::jsonb) as grids,
              (select count(*) from tasks t where t.campaign_id = c.id and t.status <> 'cancelled' and ${taskCond[0]})::int as total,
              (select count(*) from tasks t where t.campaign_id = c.id and t.status = 'done' and ${taskCond[0]})::int as done,
              (select count(*) from tasks t where t.campaign_id = c.id and t.status = 'open' and t.due_on < ${today} and ${taskCond[0]})::int as overdue
         from task_campaigns c where ${w}
        order by c.starts_on desc, c.created_at desc, c.id limit $${params.length + 1} offset $${params.length + 2}`, [...params, limit, offset]),
    tx.query<{ n: number }>(`select count(*)::int as n from task_campaigns c where ${w}`, counted),
  ]);
  return { rows: rows.rows, total: total.rows[0]!.n };
}
