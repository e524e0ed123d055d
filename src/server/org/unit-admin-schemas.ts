// Request and response schemas of unit administration (create, rename, move, retire, re-draw, boundary history).
import { Type } from '@sinclair/typebox';
import { lit } from '../platform/schema-helpers.ts';
import { DEDICATED_KINDS } from '../../shared/org-levels.ts';
import { ADMINISTERED_LEVELS } from '../../domain/org/unit-admin.ts';
import { GeometrySchema, OrgLevelSchema } from './schemas.ts';

const GeometryInput = Type.Object({ type: Type.String(), coordinates: Type.Array(Type.Any()) }, { additionalProperties: true });
export const NewUnitBody = Type.Object({
  parentId: Type.String({ minLength: 1, maxLength: 64 }),
  level: lit(ADMINISTERED_LEVELS),
  code: Type.String({ pattern: '^[0-9]{12,17}$' }),
  name: Type.String({ minLength: 1, maxLength: 40 }),
  kind: Type.Optional(Type.Union([lit(DEDICATED_KINDS), Type.Null()])),
  geometry: Type.Optional(Type.Union([GeometryInput, Type.Null()])),
}, { additionalProperties: false });
export const EditBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });
export const BoundaryBody = Type.Object({
  geometry: Type.Optional(GeometryInput),
  units: Type.Optional(Type.Array(Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), geometry: GeometryInput }, { additionalProperties: false }), {
    minItems: 1, maxItems: 50, description: 'other grids of the town redrawn in the same save (or this one, instead of geometry)',
  })),
  reason: Type.Optional(Type.String({ maxLength: 500, description: 'why the boundary changes; required when registry records change grid' })),
}, { additionalProperties: false });
export const Boundaries = Type.Object({ items: Type.Array(Type.Object({ geometry: GeometrySchema, validUntil: Type.String({ format: 'date-time' }) })) });
export const MoveBody = Type.Object({ parentId: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });
export const MoveTargets = Type.Object({
  items: Type.Array(Type.Object({
    id: Type.String(), level: OrgLevelSchema, code: Type.String(), name: Type.String(),
    parentId: Type.Union([Type.String(), Type.Null()]), parentName: Type.Union([Type.String(), Type.Null()]),
    fits: Type.Boolean({ description: 'the unit\'s boundary lies inside this one (the import\'s check); a move under one that does not fit is refused' }),
  })),
});
