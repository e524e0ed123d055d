// The map style under our outlines: the configured basemap (Tianditu, an XYZ/WMTS template, or a PMTiles file),
// or, with none, a plain light ground. A PMTiles archive says itself whether it holds pictures or vector tiles.
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { addProtocol } from './maplibre.ts';
import { PMTiles, Protocol, TileType } from 'pmtiles';
import { rasterStyle, vectorLayers, type BasemapSpec } from './basemap-style.ts';
import { datumShift, type DatumShift } from './datum.ts';

let protocol: Protocol | null = null;
function pmtilesProtocol(): Protocol {
  if (!protocol) {
    protocol = new Protocol();
    addProtocol('pmtiles', protocol.tilev4 as Parameters<typeof addProtocol>[1]);
  }
  return protocol;
}

/** The style for a basemap: its sources and layers over the plain ground (which shows while tiles load). */
export async function basemapStyle(basemap: BasemapSpec | null): Promise<StyleSpecification> {
  const style = rasterStyle(basemap);
  for (const [i, layer] of (basemap?.layers ?? []).entries()) {
    if (layer.kind !== 'pmtiles') continue;
    const id = `basemap-${i}`;
    const attribution = i === 0 ? basemap!.attribution : '';
    const url = new URL(layer.tiles[0]!.replace(/^pmtiles:\/\//, ''), window.location.href).href;
    const archive = new PMTiles(url);
    pmtilesProtocol().add(archive);
    let vector = false;
    try { vector = (await archive.getHeader()).tileType === TileType.Mvt; } catch { /* unreachable file: its tiles fail quietly, the ground stays */ }
    const source: SourceSpecification = vector
      ? { type: 'vector', url: `pmtiles://${url}`, attribution }
      : { type: 'raster', url: `pmtiles://${url}`, tileSize: layer.tileSize, attribution };
    style.sources[id] = source;
    style.layers.push(...(vector ? vectorLayers(id) : [{ id, type: 'raster', source: id } as LayerSpecification]));
  }
  return style;
}

/** How a map looks under the units: its style and the datum shift of its basemap. */
export interface MapLook { style: StyleSpecification; shift: DatumShift; hasBasemap: boolean }

/** The plain ground: no basemap, no shift. */
export const PLAIN_LOOK: MapLook = { style: rasterStyle(null), shift: datumShift('wgs84'), hasBasemap: false };

export async function mapLookOf(basemap: BasemapSpec | null): Promise<MapLook> {
  return { style: await basemapStyle(basemap), shift: datumShift(basemap?.datum), hasBasemap: !!basemap };
}
