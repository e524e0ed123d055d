import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import type { PointCount } from '../../domain/analytics/ranking.ts';
import type { IdeaCategory } from '../../shared/participation.ts';

/*
 * The counts behind the hot spots, each one statement over the two spans at once ([before, from) the previous span,
 * [from, until) the span), scoped by the unit's path: cases by category; cases by place (coordinates rounded to 4
 * places, about 10 m, with their category and grid: the cells are made of these in the domain); ideas by category.
 */

export interface Window { path: string; before: Date; from: Date; until: Date }

const args = (w: Window) => [likePrefix(w.path), w.before, w.from, w.until];
const CUR = (a: string) => `count(*) filter (where ${a}.created_at >= $3)::int`;
const PREV = (a: string) => `count(*) filter (where ${a}.created_at < $3)::int`;

export interface CategoryCount { code: string; name: string; current: number; previous: number }

export async function caseCategories(tx: Tx, w: Window): Promise<CategoryCount[]> {
  const r = await tx.query<CategoryCount>(
    `select c.category_code as code, min(m.name) as name, ${CUR('c')} as current, ${PREV('c')} as previous
       from cases c join matters m on m.id = c.matter_id
      where c.org_path like $1 and c.created_at >= $2 and c.created_at < $4
      group by c.category_code`, args(w));
  return r.rows;
}

export async function casePoints(tx: Tx, w: Window): Promise<{ current: PointCount[]; previous: PointCount[] }> {
  const r = await tx.query<{ lng: number; lat: number; category: string; grid_id: string; current: number; previous: number }>(
    `select round(c.lng::numeric, 4)::float8 as lng, round(c.lat::numeric, 4)::float8 as lat, c.category_code as category, c.grid_id,
            ${CUR('c')} as current, ${PREV('c')} as previous
       from cases c
      where c.org_path like $1 and c.created_at >= $2 and c.created_at < $4
      group by 1, 2, 3, 4`, args(w));
  const of = (k: 'current' | 'previous') => r.rows.filter((x) => x[k] > 0)
    .map((x) => ({ lng: Number(x.lng), lat: Number(x.lat), category: x.category, gridId: x.grid_id, count: x[k] }));
  return { current: of('current'), previous: of('previous') };
}

export async function ideaCategories(tx: Tx, w: Window): Promise<{ category: IdeaCategory; current: number; previous: number }[]> {
  const r = await tx.query<{ category: IdeaCategory; current: number; previous: number }>(
    `select coalesce(i.category, 'other') as category, ${CUR('i')} as current, ${PREV('i')} as previous
       from ideas i
      where i.org_path like $1 and i.created_at >= $2 and i.created_at < $4
      group by 1`, args(w));
  return r.rows;
}

export interface GridRow { id: string; name: string; community_id: string | null; community_name: string | null }

/** Grids by id with the community holding each (their parent when it is one). */
export async function gridsOf(tx: Tx, ids: string[]): Promise<Map<string, GridRow>> {
  const r = await tx.query<GridRow>(
    `select g.id, g.name, case when u.level = 'community' then u.id end as community_id, case when u.level = 'community' then u.name end as community_name
       from org_units g left join org_units u on u.id = g.parent_id where g.id = any($1::text[])`, [ids]);
  return new Map(r.rows.map((x) => [x.id, x]));
}

/** Category names by code (the current matter's name of any town). */
export async function categoryNames(tx: Tx, codes: string[]): Promise<Map<string, string>> {
  const r = await tx.query<{ code: string; name: string }>(
    'select code, min(name) as name from matters where code = any($1::text[]) and current group by code', [codes]);
  return new Map(r.rows.map((x) => [x.code, x.name]));
}
