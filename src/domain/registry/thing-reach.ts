import type { ThingKind } from '../../shared/registry.ts';
import { distanceM, type Point } from '../cases/duplicates.ts';

/**
 * Which registered things a report may be made at (在部件处上报). Those who read the registry pick a thing of their
 * territory near the report; everyone else (residents, anonymous 随手拍, staff who do not read the registry) cannot list
 * the registry, so a thing they name (e.g. from the code on a manhole cover) counts only when it stands close to where
 * they report.
 */
export const NEAR_REACH_M = 30;
/** a registry reader's report at a thing of their territory: the thing is at most this far from the report's point */
export const TERRITORY_REACH_M = 200;
/** intake's suggestion: the nearest thing of a kind matching the category, this close to the point */
export const SUGGEST_WITHIN_M = 5;

export type ThingReach =
  /** the registry's reach: records under the scope path, and of these grids only when named (a grid worker's teams) */
  | { kind: 'territory'; scopePath: string; gridIds: readonly string[] | null; radiusM: number }
  | { kind: 'near'; radiusM: number };

/** The reach of a reporter by the registry records it reads (null: it reads none — a resident, anonymous, a handler). */
export function thingReach(registry: { scopePath: string; gridIds: readonly string[] | null } | null): ThingReach {
  return registry
    ? { kind: 'territory', scopePath: registry.scopePath, gridIds: registry.gridIds, radiusM: TERRITORY_REACH_M }
    : { kind: 'near', radiusM: NEAR_REACH_M };
}

export interface ThingAt {
  id: string;
  kind: ThingKind;
  orgPath: string;
  gridId: string;
  townId: string;
  location: Point;
  retired: boolean;
}

export type ThingRefusal = 'unknown' | 'retired' | 'otherTown' | 'outOfReach';

/**
 * Whether a report of a town at a point may name the thing. Refusals other than `unknown` are told only to those who
 * could see the thing anyway; the route answers every refusal alike (CASE_THING_INVALID).
 */
export function checkThingForReport(thing: ThingAt | null, reach: ThingReach, townId: string, at: Point): ThingRefusal | null {
  if (!thing) return 'unknown';
  if (reach.kind === 'territory' && !(thing.orgPath.startsWith(reach.scopePath) && (reach.gridIds === null || reach.gridIds.includes(thing.gridId)))) {
    return 'unknown';
  }
  if (thing.retired) return 'retired';
  if (thing.townId !== townId) return 'otherTown';
  return distanceM(thing.location, at) <= reach.radiusM ? null : 'outOfReach';
}

/**
 * The kinds of thing a category of the catalog is about (部件 categories of GB/T 30428 and the town's risk points):
 * a report of a broken manhole cover is at a manhole. Categories not listed are not about a registered thing.
 */
const KINDS_BY_CATEGORY: Readonly<Record<string, readonly ThingKind[]>> = {
  C0101: ['manhole'], // 井盖破损缺失
  C0102: ['manhole'], // 下水道堵塞外溢
  C0501: ['facade'], // 外墙瓷砖脱落隐患
  C0502: ['retainingWall', 'slope'], // 堡坎挡墙裂缝垮塌风险
  E0402: ['hydrant'], // 占用堵塞消防通道
  S0303: ['slope', 'retainingWall'], // 地质灾害隐患
};

export function kindsForCategory(categoryCode: string | null | undefined): readonly ThingKind[] {
  return (categoryCode && KINDS_BY_CATEGORY[categoryCode]) || [];
}

export interface NearThing { id: string; kind: ThingKind; location: Point }

/** Things within `radiusM` of the point, nearest first (ties by id), each with its distance rounded to 0.1 m. */
export function thingsNear<T extends NearThing>(things: readonly T[], at: Point, radiusM: number): (T & { distanceM: number })[] {
  return things
    .map((t) => ({ ...t, distanceM: Math.round(distanceM(t.location, at) * 10) / 10 }))
    .filter((t) => t.distanceM <= radiusM)
    .sort((a, b) => a.distanceM - b.distanceM || a.id.localeCompare(b.id));
}

/** The thing intake suggests for a report: the nearest of a kind the category is about, within SUGGEST_WITHIN_M. */
export function suggestThing(things: readonly NearThing[], categoryCode: string | null | undefined, at: Point): string | null {
  const kinds = kindsForCategory(categoryCode);
  if (kinds.length === 0) return null;
  return thingsNear(things.filter((t) => kinds.includes(t.kind)), at, SUGGEST_WITHIN_M)[0]?.id ?? null;
}

