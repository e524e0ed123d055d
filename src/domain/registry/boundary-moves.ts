// What a boundary change (勘界) does to the grid registry: which buildings, households, residents, places, things and
// hazards change grid, which would be left outside every grid (the change is then refused), and which open cases lie
// on ground that changes grid. Plain data in, plain data out.
import inside from 'point-in-polygon-hao';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { buildLocator, locatingOrder } from '../org/locator.ts';
import type { OrgLevel } from '../../shared/org-levels.ts';

export const MOVING_KINDS = ['building', 'household', 'resident', 'place', 'thing', 'hazard'] as const;
export type MovingKind = (typeof MOVING_KINDS)[number];

/** A grid or dedicated grid as it will be after the change (the changed ones with their new boundary). */
export interface GridArea {
  id: string;
  level: OrgLevel;
  code: string;
  geometry: Polygon | MultiPolygon;
}

export interface Point { lng: number; lat: number }

/**
 * A registry record: placed by its own point, or following another record (a household its building, a resident its
 * household, a hazard its thing or building). A record with neither stays where it is.
 */
export interface PlacedRecord {
  kind: MovingKind;
  id: string;
  name: string;
  gridId: string;
  point?: Point | null;
  follows?: { kind: MovingKind; id: string } | null;
}

export interface OpenCaseAt { id: string; number: string; gridId: string; point: Point }

export interface BoundaryChange {
  /** every live grid of the town(s), as it will be */
  grids: readonly GridArea[];
  /** the grids whose boundary changes, with the boundary they have now (null when they have none) */
  changed: readonly { id: string; before: Polygon | MultiPolygon | null }[];
  records: readonly PlacedRecord[];
  openCases: readonly OpenCaseAt[];
}

export interface RecordMove { kind: MovingKind; id: string; name: string; fromGridId: string; toGridId: string }
export interface Stranded { kind: MovingKind; id: string; name: string; gridId: string }
export interface CaseCrossing { id: string; number: string; fromGridId: string; toGridId: string | null }

export interface BoundaryOutcome {
  moves: RecordMove[];
  /** records that would lie in no grid: a change that leaves any is refused with this list */
  outside: Stranded[];
  /** open cases on ground that changes grid: listed, not moved (their routing, clocks and assignee stay) */
  openCases: CaseCrossing[];
}

const key = (kind: MovingKind, id: string) => `${kind}:${id}`;

function holds(geometry: Polygon | MultiPolygon, p: Point): boolean {
  const polygons: Position[][][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some((rings) => inside([p.lng, p.lat], rings) !== false);
}

/**
 * Where each record ends up. A record placed by its point is looked at when its grid changes or a changed grid now
 * holds its point (a record whose point lay outside its changed grid already is not the change's doing): it stays in its own grid while that still holds it (a shared edge never moves anything), else it
 * goes to the grid that holds the point (the locator's rule: a dedicated grid first, then by code), else it is
 * outside. A follower goes where its leader goes when the leader moves, and stays otherwise (so an inconsistent old
 * record is not "fixed" under a boundary's name). Records whose grid and point the change does not touch stay.
 */
export function boundaryMoves(change: BoundaryChange): BoundaryOutcome {
  const before = new Map(change.changed.map((c) => [c.id, c.before]));
  const changed = new Set(before.keys());
  const areas = locatingOrder(change.grids);
  const byId = new Map(areas.map((g) => [g.id, g]));
  const locator = buildLocator(areas);
  const changedAreas = areas.filter((g) => changed.has(g.id));

  /** the grid a point at `gridId` ends in: undefined when the change does not touch it, null when no grid holds it */
  const place = (gridId: string, p: Point): string | null | undefined => {
    const was = before.get(gridId);
    // a point its changed grid did not hold before is not this change's doing, unless a changed grid takes it now
    const touched = (changed.has(gridId) && (!was || holds(was, p))) || changedAreas.some((g) => holds(g.geometry, p));
    if (!touched) return undefined;
    const own = byId.get(gridId);
    if (own && holds(own.geometry, p)) return gridId;
    return locator.locate(p.lng, p.lat);
  };

  const records = new Map(change.records.map((r) => [key(r.kind, r.id), r]));
  const final = new Map<string, string | null>();
  const resolving = new Set<string>();
  const resolve = (r: PlacedRecord): string | null => {
    const k = key(r.kind, r.id);
    if (final.has(k)) return final.get(k)!;
    if (resolving.has(k)) return r.gridId; // a loop of followers stays put
    resolving.add(k);
    let to: string | null = r.gridId;
    const leader = r.follows ? records.get(key(r.follows.kind, r.follows.id)) : undefined;
    if (r.follows) {
      // a leader the change does not reach (not among the records) stays, and so does its follower
      const leaderTo = leader ? resolve(leader) : undefined;
      if (leader && leaderTo !== leader.gridId) to = leaderTo ?? null;
    } else if (r.point) {
      const placed = place(r.gridId, r.point);
      if (placed !== undefined) to = placed;
    }
    resolving.delete(k);
    final.set(k, to);
    return to;
  };

  const moves: RecordMove[] = [];
  const outside: Stranded[] = [];
  for (const r of change.records) {
    const to = resolve(r);
    if (to === null) outside.push({ kind: r.kind, id: r.id, name: r.name, gridId: r.gridId });
    else if (to !== r.gridId) moves.push({ kind: r.kind, id: r.id, name: r.name, fromGridId: r.gridId, toGridId: to });
  }
  const openCases: CaseCrossing[] = [];
  for (const c of change.openCases) {
    const to = place(c.gridId, c.point);
    if (to !== undefined && to !== c.gridId) openCases.push({ id: c.id, number: c.number, fromGridId: c.gridId, toGridId: to });
  }
  return { moves, outside, openCases };
}
