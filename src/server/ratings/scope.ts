import type { Principal } from '../platform/auth.ts';
import type { Tx } from '../platform/db/db.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { holdsAnyRole } from '../../shared/roles.ts';
import { INDICATOR_READERS } from '../../shared/indicators.ts';
import { DEPARTMENT_EVALUATORS, RATING_APPEALERS, RATING_JUDGES } from '../../shared/ratings.ts';

/*
 * Who reaches which ratings, always as a condition inside the SQL:
 *   - judges (RATING_JUDGES with a scope): every rating whose unit lies in their scope, computed or published;
 *   - territorial readers (INDICATOR_READERS but department, with a scope): the published ratings of their scope, and
 *     the published ratings of their peers — every rating of the town their scope lies in (赛马比拼 is meant to be
 *     seen inside the town);
 *   - a department account: no rating of a territory (it reads only its own reverse evaluations);
 *   - appeals: those whose rated unit lies in the caller's scope (the rated unit's staff and the judges above it),
 *     never a peer's.
 * Appeal: RATING_APPEALERS whose own unit is the rated one (the grid they work — scope or team —, their community,
 * their town). Answer: judges whose scope holds the rated unit and is not the rated unit itself.
 */

const TERRITORIAL = INDICATOR_READERS.filter((r) => r !== 'department');
export const isJudge = (p: Principal): boolean => p.scopePath !== null && holdsAnyRole(p.roles, RATING_JUDGES);
export const isTerritorialReader = (p: Principal): boolean => p.scopePath !== null && holdsAnyRole(p.roles, TERRITORIAL);
export const isEvaluator = (p: Principal): boolean => p.scopePath !== null && holdsAnyRole(p.roles, DEPARTMENT_EVALUATORS);
export const isDepartmentMember = (p: Principal): boolean => p.roles.includes('department') && p.departmentIds.length > 0;

/** The read condition on the rating alias `r` (its params pushed onto `params`); 'false' when the caller reaches none. */
export function ratingReadSql(p: Principal, r: string, params: unknown[]): string {
  if (!isTerritorialReader(p)) return 'false';
  params.push(likePrefix(p.scopePath!));
  const like = `$${params.length}`;
  params.push(p.scopePath);
  const raw = `$${params.length}`;
  const peers = `(${r}.status = 'published' and (${r}.org_path like ${like}
      or exists (select 1 from org_units tt where tt.id = ${r}.town_id and left(${raw}, length(tt.path)) = tt.path)))`;
  return isJudge(p) ? `(${r}.org_path like ${like} or ${peers})` : peers;
}

/** Appeals the caller reaches: those of units in their scope. */
export function appealReadSql(p: Principal, a: string, params: unknown[]): string {
  if (!isTerritorialReader(p)) return 'false';
  params.push(likePrefix(p.scopePath!));
  return `${a}.org_path like $${params.length}`;
}

/** Whether the caller's own unit is the rated one (the grid they work, their community, their town). */
export function ownsUnit(p: Principal, orgUnitId: string): boolean {
  if (!holdsAnyRole(p.roles, RATING_APPEALERS)) return false;
  return p.scopeOrgUnitId === orgUnitId || p.grids.some((g) => g.grid_id === orgUnitId);
}

/** Whether the caller judges the rated unit: a judge whose scope holds it, not the unit's own staff. */
export function judges(p: Principal, rating: { orgPath: string; orgUnitId: string }): boolean {
  return isJudge(p) && rating.orgPath.startsWith(p.scopePath!) && p.scopeOrgUnitId !== rating.orgUnitId;
}

/** Whether the path lies in the caller's scope. */
export const inScope = (p: Principal, path: string): boolean => p.scopePath !== null && path.startsWith(p.scopePath);

export interface Town { id: string; name: string; path: string }

/**
 * The towns a judge or evaluator acts on: `townId` when given (a town in or holding… no: in their scope, else 404),
 * else the town their scope lies in, or every town under their scope when it is above the towns.
 */
export async function townsFor(tx: Tx, p: Principal, townId: string | undefined): Promise<Town[]> {
  if (p.scopePath === null) throw notFound('town');
  if (townId !== undefined) {
    const { rows } = await tx.query<Town>(`select id, name, path from org_units where id = $1 and level = 'town'`, [townId]);
    const t = rows[0];
    if (!t || !(t.path.startsWith(p.scopePath) || p.scopePath.startsWith(t.path))) throw notFound('town');
    return [t];
  }
  const { rows } = await tx.query<Town>(
    `select id, name, path from org_units where level = 'town' and (path like $1 or left($2, length(path)) = path) order by path`,
    [likePrefix(p.scopePath), p.scopePath]);
  return rows;
}

/**
 * The towns a judge or evaluator may change things of (rules, computing, publishing, reviews): only towns inside their
 * scope — a leader scoped below a town reads it but does not rule it. A town's own rating (`level` town) is made from
 * above: the town's own leader may not set its rule, compute or publish it (403).
 */
export async function townsToChange(tx: Tx, p: Principal, townId: string | undefined, level?: string): Promise<Town[]> {
  if (p.scopePath === null) throw notFound('town');
  const { rows } = await tx.query<Town>(
    `select id, name, path from org_units where level = 'town' and path like $1 and ($2::text is null or id = $2) order by path`,
    [likePrefix(p.scopePath), townId ?? null]);
  if (townId !== undefined && rows.length === 0) throw notFound('town');
  if (level !== 'town') return rows;
  const fromAbove = rows.filter((t) => t.path !== p.scopePath);
  if (townId !== undefined && fromAbove.length === 0) {
    throw new AppError('FORBIDDEN', 'A town is rated from above: its own leaders cannot set its rule, compute or publish its rating.',
      '街道的星级由上级评定：本街道不能设定、计算或发布本街道的评定。');
  }
  return fromAbove;
}

/** The town a caller's scope lies in or is (for reviews); 422 when the scope is above the towns and none was named. */
export async function oneTown(tx: Tx, p: Principal, townId: string | undefined): Promise<Town> {
  const towns = await townsToChange(tx, p, townId);
  if (towns.length !== 1) {
    throw new AppError('VALIDATION_FAILED', 'Choose a town (townId).', '请选择街道（townId）。');
  }
  return towns[0]!;
}
