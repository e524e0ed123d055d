import type { Tx } from '../platform/db/db.ts';
import { indicatorValues, definitionsFor } from '../indicators/values.ts';
import { measureSums } from '../indicators/values.ts';
import { rankUnits } from '../rankings/rank-units.ts';
import { addDays, shanghaiDay, periodOf } from '../../domain/indicators/periods.ts';
import { MEASURES, type MeasureCode } from '../../shared/indicators.ts';
import { RANK_BY_STARS, type RatingLevel } from '../../shared/ratings.ts';
import { SCREEN_WINDOWS } from '../../shared/screen.ts';
import type { OrgLevel } from '../../shared/org-levels.ts';
import type { ScreenSummary } from './screen-schemas.ts';

/*
 * The screen's figures from the indicators' roll-ups (H1's indicatorValues / measureSums) and the 赛马比拼 board (H4's
 * rankUnits). Nothing is counted here from the live tables: the roll-ups are what every page and report agrees on.
 */

/** Today's figures on the wall, in this order (the standard catalog's codes; a town's own target applies). */
export const TODAY_CODES = ['casesAccepted', 'closeRate', 'onTimeCloseRate', 'acceptIn5MinRate', 'satisfiedRate', 'overdueOpenCases', 'alarmResponseRate'] as const;
/** The trend lines: daily counts of these measures over SCREEN_WINDOWS.trendDays days. */
export const TREND_MEASURES = ['casesReported', 'casesClosed', 'alarmsRaised'] as const satisfies readonly MeasureCode[];
/** The board ranks children by their published stars this month; when none are published, by 结案率. */
export const RANKING_FALLBACK = 'closeRate';

/** The level of the units a board under a unit of this level ranks: its children (rated levels only). */
export function childLevel(level: OrgLevel): RatingLevel | null {
  return level === 'district' ? 'town' : level === 'town' ? 'community' : level === 'community' ? 'grid' : null;
}

export async function todayFigures(tx: Tx, unitId: string, townId: string | null, now: Date): Promise<ScreenSummary['today']> {
  const day = shanghaiDay(now);
  const defs = new Map((await definitionsFor(tx, townId)).map((d) => [d.code, d] as const));
  const codes = TODAY_CODES.filter((c) => defs.has(c));
  if (codes.length === 0) return [];
  const values = await indicatorValues(tx, { codes: [...codes], orgUnitIds: [unitId], period: day, ...(townId ? { townId } : {}) });
  const byCode = new Map(values.map((v) => [v.code, v] as const));
  return codes.map((code) => {
    const d = defs.get(code)!;
    const v = byCode.get(code);
    return { code, name: d.nameZh, unit: d.unit, value: v?.value ?? null, target: v?.target ?? d.target, light: v?.light ?? 'none' };
  });
}

export async function trends(tx: Tx, unitId: string, now: Date): Promise<ScreenSummary['trends']> {
  const today = shanghaiDay(now);
  const days = Array.from({ length: SCREEN_WINDOWS.trendDays }, (_, i) => addDays(today, i - SCREEN_WINDOWS.trendDays + 1));
  const sums = (await measureSums(tx, { orgUnitIds: [unitId], periods: days, measures: [...TREND_MEASURES] })).get(unitId);
  return {
    days,
    series: TREND_MEASURES.map((m) => ({ code: m, name: MEASURES[m].zh, values: days.map((d) => sums?.get(d)?.[m] ?? 0) })),
  };
}

/** The children's board by stars of this month (published ratings), else by 结案率 of this month. */
export async function ranking(tx: Tx, unitId: string, level: OrgLevel, now: Date): Promise<{ indicator: string; rows: ScreenSummary['ranking'] }> {
  const of = childLevel(level);
  if (!of) return { indicator: RANKING_FALLBACK, rows: [] };
  const period = periodOf('month', now);
  const byStars = await rankUnits(tx, { parentId: unitId, level: of, indicator: RANK_BY_STARS, period });
  if (byStars.some((r) => r.value !== null)) return { indicator: RANK_BY_STARS, rows: byStars.slice(0, SCREEN_WINDOWS.ranking) };
  const byRate = await rankUnits(tx, { parentId: unitId, level: of, indicator: RANKING_FALLBACK, period });
  return { indicator: RANKING_FALLBACK, rows: byRate.slice(0, SCREEN_WINDOWS.ranking) };
}
