// Where a map opens for someone placing a report: a resident's home grid, a grid worker's grid, a community's or a
// town's staff their unit, inside the community (or town) around it; anyone else the default town. The marker
// starts at a point inside a grid in the middle of that focus.
import type { Tx } from '../platform/db/db.ts';
import { boundsOf, containsPoint, labelPoint, snapInside, type LngLat } from '../../shared/geometry.ts';
import { listFeatures, type FeatureRow } from '../org/store.ts';
import { findDefaultTown, findHolding, findMapUnit, type MapUnitRow } from './store.ts';

export interface Who { scopeOrgUnitId: string | null; homeOrgUnitId: string | null }

async function focusOf(tx: Tx, who: Who | null): Promise<MapUnitRow | null> {
  const own = who?.scopeOrgUnitId ?? who?.homeOrgUnitId ?? null;
  const unit = own ? await findMapUnit(tx, own) : null;
  if (!unit) return findDefaultTown(tx);
  // a micro-grid has no outline: its grid has
  return unit.level === 'microGrid' ? (await findHolding(tx, unit.path, 'grid')) ?? unit : unit;
}

const GRID_LEVELS = new Set(['grid', 'dedicatedGrid']);

export async function mapAreaOf(tx: Tx, who: Who | null) {
  const focus = await focusOf(tx, who);
  if (!focus) return { focus: null, units: [] as FeatureRow[] };
  const area = GRID_LEVELS.has(focus.level) ? (await findHolding(tx, focus.path, 'community')) ?? focus : focus;
  const units = await listFeatures(tx, area.path, area.path, ['community', 'grid', 'dedicatedGrid']);
  const own = units.find((u) => u.id === focus.id);
  const bounds = boundsOf(own ? [own.geometry] : units.map((u) => u.geometry));
  if (!bounds) return { focus: null, units };
  const grids = units.filter((u) => GRID_LEVELS.has(u.level));
  const middle = own ? labelPoint(own.geometry) : [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2] as const;
  let at: LngLat = { lng: middle![0], lat: middle![1] };
  if (grids.length && !grids.some((g) => containsPoint(g.geometry, at))) at = snapInside(at, grids.map((g) => ({ area: g.id, geometry: g.geometry })))?.at ?? at;
  return { focus: { id: focus.id, name: focus.name, level: focus.level, at, bounds: [...bounds] }, units };
}
