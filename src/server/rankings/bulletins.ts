import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { parsePeriod } from '../../domain/indicators/periods.ts';
import { boardHighlights } from '../../domain/rankings/rank.ts';
import { RANK_BY_STARS, type RatingLevel } from '../../shared/ratings.ts';
import { rankIndicator, rankUnits, townOf } from './rank-units.ts';
import type { BoardUnit } from './scope.ts';
import type { BulletinSnapshotT, BulletinViewT } from './schemas.ts';

/*
 * 线上通报 (issue 17): a bulletin of one level's boards under one unit for one period — for each board the first and
 * last three, the biggest risers and fallers, and across the boards the units whose light is red. What it said is kept
 * as a snapshot, so an issued bulletin never changes when the figures behind it are recounted.
 */

/** The boards a bulletin covers, in this order: the published stars (when there are any), then these indicators. */
export const BULLETIN_INDICATORS = ['closeRate', 'onTimeCloseRate', 'onTimeHandleRate', 'satisfiedRate', 'taskCompletionRate', 'gridWorkerActivity', 'disputeResolveRate'] as const;

export const LEVEL_NAMES: Record<RatingLevel, string> = { grid: '网格', community: '社区', town: '街道' };

/** A period as a bulletin writes it: 2026年11月, 2026年第四季度, 2026年度, 2026年12月3日. */
export function periodName(period: string): string {
  const p = parsePeriod(period);
  if (!p) return period;
  const [y, m, d] = period.split(/[-Q]/);
  if (p.kind === 'day') return `${y}年${Number(m)}月${Number(d)}日`;
  if (p.kind === 'month') return `${y}年${Number(m)}月`;
  if (p.kind === 'quarter') return `${y}年第${['一', '二', '三', '四'][Number(period.slice(5)) - 1]}季度`;
  return `${y}年度`;
}

export const bulletinTitle = (parentName: string, level: RatingLevel, period: string) =>
  `${parentName}${periodName(period)}${LEVEL_NAMES[level]}赛马比拼通报`;

/** The snapshot of the boards as they stand now. */
export async function buildSnapshot(tx: Tx, parent: BoardUnit, level: RatingLevel, period: string): Promise<BulletinSnapshotT> {
  const town = await townOf(tx, parent.path);
  const codes: string[] = [];
  if (parsePeriod(period)?.kind === 'month') codes.push(RANK_BY_STARS);
  const known = await tx.query<{ code: string }>(
    `select code from indicator_definitions where code = any($1::text[]) and archived_at is null`, [[...BULLETIN_INDICATORS]]);
  const have = new Set(known.rows.map((r) => r.code));
  codes.push(...BULLETIN_INDICATORS.filter((c) => have.has(c)));
  const boards: BulletinSnapshotT['boards'] = [];
  const reds: BulletinSnapshotT['reds'] = [];
  for (const code of codes) {
    const indicator = await rankIndicator(tx, code, town?.path ?? null);
    const rows = await rankUnits(tx, { parentId: parent.id, level, indicator: code, period });
    const ranked = rows.filter((r) => r.rank !== null);
    if (ranked.length === 0) continue;
    const h = boardHighlights(rows);
    boards.push({
      indicator: { code, name: indicator.nameZh, unit: indicator.unit, direction: indicator.direction },
      top: h.top, bottom: h.bottom, risers: h.risers, fallers: h.fallers, units: ranked.length,
    });
    for (const r of h.red) reds.push({ orgUnitId: r.orgUnitId, unitName: r.name, indicatorCode: code, indicatorName: indicator.nameZh, value: r.value, unit: indicator.unit });
  }
  return { parentName: parent.name, levelName: LEVEL_NAMES[level], periodName: periodName(period), boards, reds };
}

interface BulletinRow {
  id: string;
  title: string;
  parent_id: string;
  parent_name: string;
  level: RatingLevel;
  period: string;
  snapshot: BulletinSnapshotT;
  generated_at: Date;
  generated_by_name: string | null;
}

const SELECT = `select b.id, b.title, b.parent_id, u.name as parent_name, b.level, b.period, b.snapshot, b.generated_at, b.generated_by_name
  from ranking_bulletins b join org_units u on u.id = b.parent_id`;

const present = (b: BulletinRow): BulletinViewT => ({
  id: b.id, title: b.title, parentId: b.parent_id, parentName: b.parent_name, level: b.level, period: b.period,
  generatedAt: new Date(b.generated_at).toISOString(), generatedByName: b.generated_by_name, snapshot: b.snapshot,
});

export interface Generator {
  accountId: string;
  name: string;
  ip: string | null;
  at: Date;
}

/**
 * Generates and keeps a bulletin, audited (rankings.bulletin.generate) in the same transaction. `key`: the caller's
 * Idempotency-Key scoped to their account; a retry answers the bulletin the first request made.
 */
export async function generateBulletin(tx: Tx, parent: BoardUnit, level: RatingLevel, period: string, by: Generator, key: string | null): Promise<BulletinViewT> {
  if (key) {
    const again = await tx.query<BulletinRow>(`${SELECT} where b.idempotency_key = $1`, [key]);
    if (again.rows[0]) return present(again.rows[0]);
  }
  const snapshot = await buildSnapshot(tx, parent, level, period);
  const title = bulletinTitle(parent.name, level, period);
  const r = await tx.query<{ id: string }>(
    `insert into ranking_bulletins (parent_id, parent_path, level, period, title, snapshot, generated_by, generated_by_name, generated_at, idempotency_key)
     values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10) on conflict (idempotency_key) do nothing returning id`,
    [parent.id, parent.path, level, period, title, JSON.stringify(snapshot), by.accountId, by.name, by.at, key]);
  if (!r.rows[0]) {
    // a retry with the same key ran at the same time and committed first: answer its bulletin
    const first = await tx.query<BulletinRow>(`${SELECT} where b.idempotency_key = $1`, [key]);
    return present(first.rows[0]!);
  }
  const id = r.rows[0].id;
  await appendAudit(tx, {
    at: by.at, actorId: by.accountId, actorName: by.name, ip: by.ip, action: 'rankings.bulletin.generate',
    targetType: 'ranking_bulletin', targetId: id, success: true,
    detail: { parentId: parent.id, level, period, boards: snapshot.boards.length, reds: snapshot.reds.length },
  });
  return (await findBulletin(tx, id, parent.path))!;
}

/** The bulletins of units within `reachPath` (and of `parentPath` under it when asked), newest first. */
export async function listBulletins(tx: Tx, reachPath: string, limit: number): Promise<BulletinViewT[]> {
  const r = await tx.query<BulletinRow>(`${SELECT} where b.parent_path like $1 order by b.generated_at desc, b.id limit $2`, [likePrefix(reachPath), limit]);
  return r.rows.map(present);
}

/** One bulletin, when its unit lies within `reachPath`. */
export async function findBulletin(tx: Tx, id: string, reachPath: string): Promise<BulletinViewT | null> {
  const r = await tx.query<BulletinRow>(`${SELECT} where b.id = $1 and b.parent_path like $2`, [id, likePrefix(reachPath)]);
  return r.rows[0] ? present(r.rows[0]) : null;
}
