// The pieces of a basemap style that need no browser: the plain ground, raster layers of tile templates, and the
// quiet vector layers for a PMTiles archive of vector tiles (Protomaps and OpenMapTiles schemas).
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';

/** What a style is built from: the shape of a configured basemap (GET /api/map/config's `basemap`). */
export interface BasemapSpec {
  datum: 'wgs84' | 'gcj02';
  attribution: string;
  layers: readonly { kind: 'raster' | 'pmtiles'; tiles: string[]; scheme: 'xyz' | 'tms'; tileSize: number; maxZoom: number }[];
}

export const GROUND = '#eef1f5';
export const background: LayerSpecification = { id: 'background', type: 'background', paint: { 'background-color': GROUND } };

export function vectorLayers(source: string): LayerSpecification[] {
  const fill = (id: string, layer: string, color: string, opacity = 1): LayerSpecification =>
    ({ id: `basemap-${id}`, type: 'fill', source, 'source-layer': layer, paint: { 'fill-color': color, 'fill-opacity': opacity } });
  const line = (id: string, layer: string, color: string, width: number): LayerSpecification =>
    ({ id: `basemap-${id}`, type: 'line', source, 'source-layer': layer, paint: { 'line-color': color, 'line-width': ['interpolate', ['linear'], ['zoom'], 12, width / 3, 17, width * 2] } });
  return [
    // Protomaps basemap layers
    fill('earth', 'earth', '#f4f2ee'), fill('landuse', 'landuse', '#dfead2', 0.7), fill('water', 'water', '#bcd6ee'),
    fill('buildings', 'buildings', '#e2ddd6'), line('roads', 'roads', '#ffffff', 3),
    // OpenMapTiles layers
    fill('landcover', 'landcover', '#dfead2', 0.7), fill('omt-water', 'water', '#bcd6ee'), fill('building', 'building', '#e2ddd6'),
    line('transportation', 'transportation', '#ffffff', 3),
  ];
}

/** Tile templates as raster sources and layers over the ground; PMTiles layers are left to basemap.ts. */
export function rasterStyle(basemap: BasemapSpec | null): StyleSpecification {
  const style: StyleSpecification = { version: 8, sources: {}, layers: [background] };
  for (const [i, layer] of (basemap?.layers ?? []).entries()) {
    if (layer.kind !== 'raster') continue;
    const id = `basemap-${i}`;
    style.sources[id] = { type: 'raster', tiles: layer.tiles, scheme: layer.scheme, tileSize: layer.tileSize, maxzoom: layer.maxZoom, attribution: i === 0 ? basemap!.attribution : '' };
    style.layers.push({ id, type: 'raster', source: id });
  }
  return style;
}
