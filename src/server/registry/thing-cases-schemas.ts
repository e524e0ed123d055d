import { Type } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { RISK_LEVELS, THING_KINDS } from '../../shared/registry.ts';

/** Things in the case loop and the map layers (issue 11): the schemas of src/server/registry/thing-cases-* and map-layers-*. */

/** The thing a case was reported at, in the case's detail. */
export const CaseThing = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: lit(THING_KINDS),
  riskLevel: Nullable(lit(RISK_LEVELS)),
  policies: Type.Array(lit(['read'] as const), { description: '`read`: the reader may open the thing\'s page (a registry reader whose territory holds it); the risk level is shown to them only' }),
}, { description: 'the registered thing (部件) the case was reported at' });

export const ThingIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });

export const ThingCasesQuery = Type.Object({
  open: Type.Optional(Type.Boolean({ description: 'only the open cases (not closed, not rejected)' })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
}, { additionalProperties: false });

export const NearThingsQuery = Type.Object({
  lng: Type.Number({ minimum: -180, maximum: 180 }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  categoryCode: Type.Optional(Type.String({ minLength: 1, maxLength: 10, description: 'the category to report: the nearest thing of a kind it is about, within 5 m, is `suggestedId`' })),
}, { additionalProperties: false });

export const NearThings = Type.Object({
  items: Type.Array(Type.Object({
    id: Type.String(), name: Type.String(), kind: lit(THING_KINDS),
    distanceM: Type.Number({ description: 'metres from the point, to 0.1 m' }),
  }), { description: 'the unretired things of the caller\'s territory within 200 m of the point, nearest first (20 at most)' }),
  suggestedId: Nullable(Type.String({ description: 'the thing intake suggests for the category: the nearest of a matching kind within 5 m' })),
});

export const MAP_LAYERS = ['buildings', 'places', 'things'] as const;
/** the most features of one layer in one answer; `truncated` says when more were in the view */
export const MAP_LAYER_CAP = 2000;

export const MapLayersQuery = Type.Object({
  bbox: Type.String({
    maxLength: 120, pattern: '^-?[0-9]+(\\.[0-9]+)?(,-?[0-9]+(\\.[0-9]+)?){3}$',
    description: 'the view: west,south,east,north in WGS84 degrees (at most 0.5° a side)',
  }),
  layers: Type.Optional(Type.String({ maxLength: 40, pattern: '^(buildings|places|things)(,(buildings|places|things)){0,2}$', description: 'comma-separated; all three when absent' })),
}, { additionalProperties: false });

export const MapLayers = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(Type.Object({
    type: Type.Literal('Feature'),
    id: Type.String({ description: 'the layer and the record\'s id: `things:…`' }),
    geometry: Type.Object({ type: Type.Literal('Point'), coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }) }),
    properties: Type.Object({
      layer: lit(MAP_LAYERS), recordId: Type.String(), name: Type.String(),
      kind: Nullable(Type.String({ description: 'a place\'s or a thing\'s kind; null for a building' })),
      riskLevel: Nullable(lit(RISK_LEVELS)),
    }),
  })),
  truncated: Type.Array(lit(MAP_LAYERS), { description: `the layers with more than ${MAP_LAYER_CAP} records in the view: zoom in to see them all` }),
}, { description: 'the registry records of the caller\'s territory in the view, as GeoJSON points' });
