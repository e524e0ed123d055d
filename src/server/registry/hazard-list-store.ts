import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { reachSql, type Reach } from './reach.ts';
import type { HazardRow } from './place-thing-store.ts';

/* SQL of the grids' hazard ledger: the caller's reach in the query, open entries first, the most urgent check first. */

export interface HazardFilter { status?: 'open' | 'resolved' | undefined; unitPath: string | null; overdue: boolean; today: string }

function conditions(reach: Reach, f: HazardFilter, params: unknown[]): string {
  const where = [reachSql(reach, 'z', params)];
  if (f.unitPath) { params.push(likePrefix(f.unitPath)); where.push(`z.org_path like $${params.length}`); }
  if (f.status) { params.push(f.status); where.push(`z.status = $${params.length}`); }
  if (f.overdue) { params.push(f.today); where.push(`z.status = 'open' and z.next_check_on < $${params.length}::date`); }
  return where.join(' and ');
}

export async function listHazardLedger(tx: Tx, reach: Reach, f: HazardFilter, limit: number, offset: number): Promise<{ rows: HazardRow[]; total: number; overdue: number }> {
  const params: unknown[] = [];
  const where = conditions(reach, f, params);
  params.push(f.today);
  const counts = await tx.query<{ total: string; overdue: string }>(
    `select count(*) as total, count(*) filter (where z.status = 'open' and z.next_check_on < $${params.length}::date) as overdue
       from registry_hazards z where ${where}`, params);
  const p2: unknown[] = [];
  const where2 = conditions(reach, f, p2);
  p2.push(limit, offset);
  const r = await tx.query<HazardRow & { found_day: string; next_check_day: string | null }>(
    `select z.*, to_char(z.found_on, 'YYYY-MM-DD') as found_day, to_char(z.next_check_on, 'YYYY-MM-DD') as next_check_day,
            g.name as grid_name, t.name as thing_name, b.name as building_name, a.name as created_by_name
       from registry_hazards z join org_units g on g.id = z.grid_id
       left join registry_things t on t.id = z.thing_id left join registry_buildings b on b.id = z.building_id
       left join accounts a on a.id = z.created_by
      where ${where2}
      order by (z.status = 'resolved'), z.next_check_on nulls last, z.found_on desc, z.id
      limit $${p2.length - 1} offset $${p2.length}`, p2);
  return {
    rows: r.rows.map((z) => ({ ...z, found_on: z.found_day, next_check_on: z.next_check_day ?? null })),
    total: Number(counts.rows[0]?.total ?? 0), overdue: Number(counts.rows[0]?.overdue ?? 0),
  };
}
