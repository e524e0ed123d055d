import type { Geometry } from 'geojson';
import { Type } from '@sinclair/typebox';
import { ORG_LEVELS } from '../../shared/org-levels.ts';
import { UNIT_ACTIONS } from '../../domain/org/unit-admin.ts';
import { lit } from '../platform/schema-helpers.ts';

export const OrgLevelSchema = Type.Union(ORG_LEVELS.map((l) => Type.Literal(l)));
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
/** A GeoJSON geometry, written out as it is stored (an empty schema: fast-json-stringify leaves it whole). */
export const GeometrySchema = Type.Unsafe<Geometry>({ description: 'a GeoJSON geometry (WGS84)' });

export const Unit = Type.Object({
  id: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  level: OrgLevelSchema,
  kind: Nullable(Type.String()),
  code: Type.String(),
  name: Type.String(),
  population: Type.Union([Type.Integer(), Type.Null()]),
  households: Type.Union([Type.Integer(), Type.Null()]),
  childCount: Type.Integer(),
  ancestorIds: Type.Array(Type.String()),
  policies: Type.Array(lit(UNIT_ACTIONS), { description: 'what the caller may do to the unit now: create a unit under it, rename, move, retire, edit its boundary (and read its history)' }),
});

export const UnitWithGeometry = Type.Intersect([
  Unit,
  Type.Object({ geometry: Type.Union([GeometrySchema, Type.Null()]), ancestors: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), level: OrgLevelSchema, code: Type.String() })) }),
]);

export const UnitList = Type.Object({ items: Type.Array(Unit), nextCursor: Type.Union([Type.String(), Type.Null()]) });

export const UnitListQuery = Type.Object({
  parentId: Type.Optional(Type.String({ maxLength: 64 })),
  level: Type.Optional(OrgLevelSchema),
  q: Type.Optional(Type.String({ maxLength: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
}, { additionalProperties: false });

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const LocateQuery = Type.Object({
  lng: Type.Number({ minimum: -180, maximum: 180 }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
}, { additionalProperties: false });

const UnitRef = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), level: OrgLevelSchema });
export const LocateResult = Type.Object({ grid: UnitRef, ancestors: Type.Array(UnitRef) });

export const FeaturesQuery = Type.Object({
  rootId: Type.String({ maxLength: 64 }),
  levels: Type.Optional(Type.Array(OrgLevelSchema, { maxItems: 7 })),
}, { additionalProperties: false });

export const FeatureCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(Type.Object({
    type: Type.Literal('Feature'), id: Type.String(), geometry: GeometrySchema,
    properties: Type.Object({
      id: Type.String(), parentId: Type.Union([Type.String(), Type.Null()]), level: OrgLevelSchema, kind: Nullable(Type.String()),
      code: Type.String(), name: Type.String(),
      population: Type.Union([Type.Integer(), Type.Null()]), households: Type.Union([Type.Integer(), Type.Null()]),
    }),
  })),
});

const Holder = Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]);
export const Boards = Type.Object({
  items: Type.Array(Type.Object({
    id: Type.String(), code: Type.String(), name: Type.String(), kind: Type.Union([Type.Literal('commandCenter'), Type.Literal('board')]),
    posts: Type.Array(Type.Object({
      id: Type.String(), code: Type.String(), name: Type.String(), special: Type.Boolean(), holderA: Holder, holderB: Holder,
    })),
  })),
});

export const GridImportBody = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(Type.Object({
    type: Type.Literal('Feature'),
    geometry: Type.Any(),
    properties: Type.Object({
      code: Type.String({ pattern: '^[0-9]{14,15}$', description: '12-digit community code + 2–3 digit grid number' }),
      name: Type.String({ minLength: 1, maxLength: 60 }),
      communityCode: Type.String({ pattern: '^[0-9]{12}$' }),
      level: Type.Optional(Type.Union([Type.Literal('grid'), Type.Literal('dedicatedGrid')])),
      kind: Type.Optional(Type.String({ maxLength: 20 })),
    }),
  }), { minItems: 1, maxItems: 5000 }),
});

export const GridImportResult = Type.Object({ imported: Type.Integer(), created: Type.Integer(), updated: Type.Integer() });
