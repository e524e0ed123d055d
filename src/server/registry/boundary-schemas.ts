// Request and response schemas of a boundary change's preview (勘界预览) and of the reason the save carries.
import { Type } from '@sinclair/typebox';

export const BOUNDARY_PREVIEW_ITEMS = 50;

const GeometryInput = Type.Object({ type: Type.String(), coordinates: Type.Array(Type.Any()) }, { additionalProperties: true });
export const RedrawnUnit = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), geometry: GeometryInput }, { additionalProperties: false });

/**
 * One grid's new boundary (`geometry`, for the unit of the path), or several grids redrawn together (`units`: a strip
 * handed from one grid to its neighbour, a merge or a split), or both. The unit of the path must be among them.
 */
export const BoundaryChangeBody = Type.Object({
  geometry: Type.Optional(GeometryInput),
  units: Type.Optional(Type.Array(RedrawnUnit, { minItems: 1, maxItems: 50 })),
}, { additionalProperties: false });

const GridRef = Type.Object({ id: Type.String(), name: Type.String() });
const Move = Type.Object({ id: Type.String(), name: Type.String({ description: 'a resident\'s name masked (张*明)' }), from: GridRef, to: GridRef });
const KindMoves = Type.Object({ count: Type.Integer(), items: Type.Array(Move, { description: `the first ${BOUNDARY_PREVIEW_ITEMS}` }) });

export const BoundaryPreview = Type.Object({
  units: Type.Array(GridRef, { description: 'the grids redrawn' }),
  moves: Type.Object({
    buildings: KindMoves, households: KindMoves, residents: KindMoves, places: KindMoves, things: KindMoves, hazards: KindMoves,
  }),
  total: Type.Integer({ description: 'records that change grid, all kinds' }),
  openCases: Type.Array(Type.Object({ id: Type.String(), number: Type.String(), from: GridRef, to: Type.Union([GridRef, Type.Null()]) }), {
    description: 'open cases on ground that changes grid; the save leaves them where they are (their routing, clocks and assignee stay)',
  }),
  reasonRequired: Type.Boolean({ description: 'records move, so the save needs a reason' }),
  refused: Type.Union([Type.Null(), Type.Object({
    count: Type.Integer(),
    items: Type.Array(Type.Object({ kind: Type.String(), id: Type.String(), name: Type.String(), grid: GridRef })),
  })], { description: 'records the new boundaries would leave in no grid: the save is refused (422 BOUNDARY_STRANDS_RECORDS) until a grid holds them' }),
});
