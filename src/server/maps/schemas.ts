import { Type } from '@sinclair/typebox';
import { Nullable } from '../platform/schema-helpers.ts';
import { FeatureCollection } from '../org/schemas.ts';

const LngLat = Type.Object({ lng: Type.Number(), lat: Type.Number() });

export const PlaceSearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 60, description: 'a name, an alias, pinyin initials (chsq) or an address that starts with a known place' }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, description: 'at most this many places (10)' })),
}, { additionalProperties: false });

export const Place = Type.Object({
  key: Type.String({ description: 'unique across sources: org:<id>, tianditu:<id>' }),
  source: Type.String({ description: 'org (our units, offline) or tianditu (the configured geocoder)' }),
  kind: Type.String({ description: 'an org level (town, community, grid, dedicatedGrid), or poi / area from the geocoder' }),
  name: Type.String(),
  context: Type.String({ description: 'where it lies: town and community, or the geocoder\'s county and address' }),
  at: LngLat,
});

export const PlaceSearchResult = Type.Object({
  items: Type.Array(Place),
  geocoder: Type.Union([Type.Literal('none'), Type.Literal('used'), Type.Literal('failed')], {
    description: 'none: no geocoder configured; used: its places follow ours; failed: it timed out or erred, the offline places alone',
  }),
});

export const MapArea = Type.Object({
  focus: Nullable(Type.Object({
    id: Type.String(), name: Type.String(), level: Type.String(),
    at: Type.Object({ lng: Type.Number(), lat: Type.Number() }, { description: 'a point inside a grid, in the middle of the focus: where the marker starts' }),
    bounds: Type.Array(Type.Number(), { minItems: 4, maxItems: 4, description: '[west, south, east, north] of the focus' }),
  })),
  units: FeatureCollection,
});

const TileLayer = Type.Object({
  kind: Type.Union([Type.Literal('raster'), Type.Literal('pmtiles')]),
  tiles: Type.Array(Type.String(), { description: 'URL templates with {z}/{x}/{y}, or one pmtiles:// URL' }),
  scheme: Type.Union([Type.Literal('xyz'), Type.Literal('tms')]),
  tileSize: Type.Integer(),
  maxZoom: Type.Integer(),
});

export const MapConfig = Type.Object({
  basemap: Nullable(Type.Object({
    source: Type.Union([Type.Literal('tianditu'), Type.Literal('xyz'), Type.Literal('wmts'), Type.Literal('pmtiles')]),
    datum: Type.Union([Type.Literal('wgs84'), Type.Literal('gcj02')], { description: 'gcj02: the web shifts our WGS-84 outlines onto it and picks back' }),
    attribution: Type.String(),
    layers: Type.Array(TileLayer),
  })),
  geocoder: Nullable(Type.Literal('tianditu')),
});
