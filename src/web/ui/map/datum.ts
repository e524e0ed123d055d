// Our geometry is WGS-84; a basemap in GCJ-02 (AMap/Gaode and most Chinese commercial tiles) is shifted by a few
// hundred metres. On such a basemap everything we draw goes through `toMap`, and every pick comes back through
// `fromMap`, so what is stored stays WGS-84.
import * as gcoordModule from 'gcoord';
import type { FeatureCollection, Geometry, Position } from 'geojson';

// a CommonJS package whose types name a default export its Node build lacks: take the object holding `transform`
type Pair = [number, number];
interface Gcoord { transform(p: Pair, from: string, to: string): Pair }
const loaded = gcoordModule as unknown as Partial<Gcoord> & { default?: Partial<Gcoord> & { default?: Gcoord } };
const gcoord: Gcoord = (typeof loaded.transform === 'function' ? loaded : typeof loaded.default?.transform === 'function' ? loaded.default : loaded.default!.default!) as Gcoord;
const WGS84 = 'WGS84', GCJ02 = 'GCJ02';

export type Datum = 'wgs84' | 'gcj02';
export interface LngLat { lng: number; lat: number }

export interface DatumShift {
  datum: Datum;
  toMap(p: LngLat): LngLat;
  fromMap(p: LngLat): LngLat;
  /** a FeatureCollection with every position moved onto the map's datum */
  features<F extends FeatureCollection>(fc: F): F;
}

const identity: DatumShift = { datum: 'wgs84', toMap: (p) => p, fromMap: (p) => p, features: (fc) => fc };

function shiftGeometry(g: Geometry, f: (p: Position) => Position): Geometry {
  switch (g.type) {
    case 'Point': return { ...g, coordinates: f(g.coordinates) };
    case 'MultiPoint': case 'LineString': return { ...g, coordinates: g.coordinates.map(f) };
    case 'MultiLineString': case 'Polygon': return { ...g, coordinates: g.coordinates.map((r) => r.map(f)) };
    case 'MultiPolygon': return { ...g, coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))) };
    case 'GeometryCollection': return { ...g, geometries: g.geometries.map((x) => shiftGeometry(x, f)) };
  }
}

const gcj02: DatumShift = {
  datum: 'gcj02',
  toMap: ({ lng, lat }) => { const [x, y] = gcoord.transform([lng, lat], WGS84, GCJ02); return { lng: x, lat: y }; },
  fromMap: ({ lng, lat }) => { const [x, y] = gcoord.transform([lng, lat], GCJ02, WGS84); return { lng: x, lat: y }; },
  features: (fc) => {
    const f = (p: Position): Position => gcoord.transform([p[0]!, p[1]!], WGS84, GCJ02);
    return { ...fc, features: fc.features.map((x) => ({ ...x, geometry: x.geometry ? shiftGeometry(x.geometry, f) : x.geometry })) };
  },
};

export function datumShift(datum: Datum | null | undefined): DatumShift {
  return datum === 'gcj02' ? gcj02 : identity;
}
