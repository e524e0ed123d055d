// What the maps draw: org units as GeoJSON (the API's /org-units/features and /public/grid-map), each with
// the properties the layers, labels and colours read. A feature's `color` is set by the palette before drawing.
import type { FeatureCollection, Geometry } from 'geojson';

export interface MapUnitProps {
  id: string;
  parentId: string | null;
  level: string;
  code: string;
  name: string;
  population?: number | null;
}
export type MapUnits<P extends MapUnitProps = MapUnitProps> = FeatureCollection<Geometry, P>;

export interface LngLat { lng: number; lat: number }
