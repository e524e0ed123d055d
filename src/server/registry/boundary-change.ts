// A boundary change (勘界) as the registry sees it: which grids are redrawn, what they were, and what the change moves.
// Shared by the preview and the boundary save, which runs it in its own transaction after writing the boundaries.
import type { MultiPolygon, Polygon } from 'geojson';
import type { Tx } from '../platform/db/db.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { asShape, checkGridImport, type CommunityShape, type Shape } from '../../domain/org/grid-import.ts';
import { boundaryMoves, type BoundaryOutcome, type MovingKind, type PlacedRecord } from '../../domain/registry/boundary-moves.ts';
import { isGridLike } from '../../domain/org/unit-admin.ts';
import { boundaryNotHere, unitRetired } from '../org/unit-admin-errors.ts';
import { systemReason } from '../../shared/system-reasons.ts';
import { listOpenCasesInReach, listPlacedRecords, listTownGrids, lockGridsByCodes, lockGridsToRedraw, moveRecords, type BoundaryGridRow, type ChangeStamp, type LockedGridRow } from './boundary-store.ts';

export interface RedrawnUnit { id: string; geometry: unknown }
type LockedGrid = LockedGridRow;

/** The units a body names: `units`, and the unit of the path with `geometry`; the unit of the path must be one of them. */
export function redrawnUnits(id: string, body: { geometry?: unknown; units?: readonly RedrawnUnit[] }): RedrawnUnit[] {
  const units = [...(body.geometry !== undefined ? [{ id, geometry: body.geometry }] : []), ...(body.units ?? [])];
  const ids = units.map((u) => u.id);
  if (!ids.includes(id) || new Set(ids).size !== ids.length) {
    throw new AppError('VALIDATION_FAILED', 'Give the new boundary of this unit (geometry, or an entry of units), each unit once.',
      '请提供本单位的新边界（geometry，或 units 中的一项），每个单位只能出现一次。');
  }
  return units;
}

/** The redrawn grids, locked, in the caller's scope, in use, of one town; 404 when one is outside the scope. */
export async function lockRedrawn(tx: Tx, units: readonly RedrawnUnit[], scopePath: string): Promise<LockedGrid[]> {
  const rows = await lockGridsToRedraw(tx, units.map((u) => u.id), scopePath);
  if (rows.length !== units.length) throw notFound('organisation unit');
  if (rows.some((r) => r.retired)) throw unitRetired();
  if (rows.some((r) => !isGridLike(r.level))) throw boundaryNotHere();
  if (new Set(rows.map((r) => r.town_id)).size > 1) {
    throw new AppError('VALIDATION_FAILED', 'Grids of one town are redrawn together, not of several.', '一次只能调整同一镇街内网格的边界。');
  }
  return rows;
}

/** The import's checks on the new boundaries (shape, inside the community, no overlap with the town's grids), without writing. */
export function checkRedrawn(locked: readonly LockedGrid[], units: readonly RedrawnUnit[], townGrids: readonly BoundaryGridRow[]): void {
  const byId = new Map(locked.map((r) => [r.id, r]));
  const communities = new Map<string, CommunityShape>(locked.map((r) => [r.parent_code, { code: r.parent_code, geometry: asShape(r.parent_geometry) }]));
  const redrawn = new Set(units.map((u) => u.id));
  const kept = townGrids.filter((g) => !redrawn.has(g.id)).flatMap((g) => {
    const shape = asShape(g.geometry);
    return shape ? [{ code: g.code, geometry: shape as Shape }] : [];
  });
  const checked = checkGridImport(units.map((u) => {
    const r = byId.get(u.id)!;
    return { code: r.code, name: r.name, communityCode: r.parent_code, geometry: u.geometry };
  }), communities, kept);
  if (!checked.ok) {
    throw new AppError('GEOMETRY_REJECTED', `${checked.rejections.length} grid(s) refused; nothing was changed.`,
      `${checked.rejections.length} 个网格不合格，未作修改。`, checked.rejections);
  }
}

export interface BoundaryPlan {
  grids: ReadonlyMap<string, BoundaryGridRow>;
  outcome: BoundaryOutcome;
}

/**
 * What the change moves. `locked` holds the grids as they were (their boundary before), `units` their new boundaries;
 * the town's other grids are read as they are. Works before the write (the preview) and after it (the save). Only
 * records and cases inside the caller's scope are read and moved.
 */
export async function planBoundaryChange(tx: Tx, locked: readonly LockedGrid[], units: readonly RedrawnUnit[], scopePath: string): Promise<BoundaryPlan> {
  const newShape = new Map(units.map((u) => [u.id, asShape(u.geometry)]));
  const townGrids = await listTownGrids(tx, locked[0]!.town_id);
  const grids = new Map(townGrids.map((g) => [g.id, g]));
  const areas = townGrids.flatMap((g) => {
    const geometry = newShape.get(g.id) ?? asShape(g.geometry);
    return geometry ? [{ id: g.id, level: g.level, code: g.code, geometry }] : [];
  });
  const shapes = [...newShape.values()].filter((s): s is Polygon | MultiPolygon => s !== null);
  const reach = { gridIds: locked.map((r) => r.id), box: boxOf(shapes), scopePath };
  const [rows, cases] = await Promise.all([listPlacedRecords(tx, reach), listOpenCasesInReach(tx, reach)]);
  const records: PlacedRecord[] = rows.map((r) => ({
    kind: r.kind, id: r.id, name: r.name, gridId: r.grid_id,
    point: r.lng !== null && r.lat !== null ? { lng: r.lng, lat: r.lat } : null,
    follows: r.follows_kind && r.follows_id ? { kind: r.follows_kind, id: r.follows_id } : null,
  }));
  const outcome = boundaryMoves({
    grids: areas,
    changed: locked.map((r) => ({ id: r.id, before: asShape(r.geometry) })),
    records,
    openCases: cases.map((c) => ({ id: c.id, number: c.number, gridId: c.grid_id, point: { lng: c.lng, lat: c.lat } })),
  });
  return { grids, outcome };
}

function boxOf(shapes: readonly (Polygon | MultiPolygon)[]): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const s of shapes) {
    const rings = s.type === 'Polygon' ? [s.coordinates[0]!] : s.coordinates.map((p) => p[0]!);
    for (const ring of rings) for (const [x, y] of ring) {
      minX = Math.min(minX, x!); minY = Math.min(minY, y!); maxX = Math.max(maxX, x!); maxY = Math.max(maxY, y!);
    }
  }
  return shapes.length ? [minX, minY, maxX, maxY] : [0, 0, -1, -1];
}

const COUNT_KINDS: readonly MovingKind[] = ['building', 'household', 'resident', 'place', 'thing', 'hazard'];
export const countsByKind = (items: readonly { kind: MovingKind }[]): Record<MovingKind, number> =>
  Object.fromEntries(COUNT_KINDS.map((k) => [k, items.filter((i) => i.kind === k).length])) as Record<MovingKind, number>;

export const strandsRecords = (plan: BoundaryPlan) => new AppError('BOUNDARY_STRANDS_RECORDS',
  `${plan.outcome.outside.length} registry record(s) would lie in no grid; draw the boundaries so that a grid holds them. Nothing was changed.`,
  `有 ${plan.outcome.outside.length} 条网格台账记录将不属于任何网格，请调整边界使其落在某个网格内。未作修改。`,
  { outside: plan.outcome.outside.slice(0, 200).map((r) => ({ kind: r.kind, id: r.id, gridId: r.gridId })), counts: countsByKind(plan.outcome.outside) });

export const reasonRequired = (plan: BoundaryPlan) => new AppError('BOUNDARY_REASON_REQUIRED',
  `${plan.outcome.moves.length} registry record(s) change grid: give the reason for the change.`,
  `有 ${plan.outcome.moves.length} 条网格台账记录将调整所属网格，请填写调整原因。`, { counts: countsByKind(plan.outcome.moves) });

/** Writes the moves the plan found (grid, path and town of each record, and its history row). */
export async function applyPlan(tx: Tx, plan: BoundaryPlan, stamp: ChangeStamp): Promise<void> {
  const grid = (id: string) => plan.grids.get(id)!;
  await moveRecords(tx, plan.outcome.moves.map((m) => ({
    kind: m.kind, id: m.id,
    from: { gridId: m.fromGridId, gridName: grid(m.fromGridId)?.name ?? '' },
    to: { gridId: m.toGridId, gridName: grid(m.toGridId).name, path: grid(m.toGridId).path, townId: grid(m.toGridId).town_id },
  })), stamp);
}

/** The reason a GeoJSON import (or a grid created on the map) records on the records it moves: a code the history renders. */
export const IMPORT_REASON = systemReason('registry.gridImport');

/** Before an import writes: its grids that exist, locked, with the boundaries they have now. */
export const gridsBeforeImport = (tx: Tx, codes: readonly string[]) => lockGridsByCodes(tx, codes);

/**
 * After an import wrote its grids: the registry follows, town by town, as for a boundary save (a record the new
 * boundaries leave in no grid refuses the import; the others move with a history row whose reason is IMPORT_REASON).
 * A grid new to the tree had no boundary before: it takes in only records lying in no grid of their own.
 */
export async function registryFollowsImport(tx: Tx, before: readonly LockedGrid[], codes: readonly string[], scopePath: string, stamp: Omit<ChangeStamp, 'reason'>): Promise<Record<MovingKind, number> | null> {
  const was = new Map(before.map((r) => [r.id, r.geometry]));
  const after = await lockGridsByCodes(tx, codes);
  const towns = new Map<string, LockedGrid[]>();
  for (const r of after) towns.set(r.town_id, [...(towns.get(r.town_id) ?? []), { ...r, geometry: was.get(r.id) ?? null }]);
  const moves: BoundaryPlan['outcome']['moves'] = [];
  for (const locked of towns.values()) {
    const units = locked.map((r) => ({ id: r.id, geometry: after.find((a) => a.id === r.id)!.geometry }));
    const plan = await planBoundaryChange(tx, locked, units, scopePath);
    if (plan.outcome.outside.length > 0) throw strandsRecords(plan);
    await applyPlan(tx, plan, { ...stamp, reason: IMPORT_REASON });
    moves.push(...plan.outcome.moves);
  }
  return moves.length ? countsByKind(moves) : null;
}
