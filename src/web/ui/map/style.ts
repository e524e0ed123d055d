// The map style: no basemap, only a plain background and the boundary layers of our own GeoJSON.
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { DEDICATED_COLOR, SELECTED_COLOR } from './palette.ts';

export const SOURCE = 'units';
export const CLICKABLE_LAYERS = ['grid-fill', 'dedicated-fill'];

export const baseStyle: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef1f5' } }],
};

const isLevel = (...levels: string[]) => ['in', ['get', 'level'], ['literal', levels]] as const;

export function unitLayers(): LayerSpecification[] {
  const hover = ['boolean', ['feature-state', 'hover'], false];
  return [
    { id: 'community-fill', type: 'fill', source: SOURCE, filter: isLevel('community') as never, paint: { 'fill-color': ['get', 'color'], 'fill-opacity': 0.12 } },
    {
      id: 'grid-fill', type: 'fill', source: SOURCE, filter: isLevel('grid') as never,
      paint: { 'fill-color': ['get', 'color'], 'fill-opacity': ['case', hover, 0.78, 0.5] as never },
    },
    {
      id: 'dedicated-fill', type: 'fill', source: SOURCE, filter: isLevel('dedicatedGrid') as never,
      paint: { 'fill-pattern': 'hatch', 'fill-opacity': ['case', hover, 1, 0.85] as never },
    },
    { id: 'grid-line', type: 'line', source: SOURCE, filter: isLevel('grid') as never, paint: { 'line-color': '#ffffff', 'line-width': 1 } },
    { id: 'dedicated-line', type: 'line', source: SOURCE, filter: isLevel('dedicatedGrid') as never, paint: { 'line-color': DEDICATED_COLOR, 'line-width': 1.5 } },
    { id: 'community-line', type: 'line', source: SOURCE, filter: isLevel('community') as never, paint: { 'line-color': '#1d2b3a', 'line-width': 2.4 } },
    { id: 'selected-fill', type: 'fill', source: SOURCE, filter: ['==', ['get', 'id'], ''], paint: { 'fill-color': SELECTED_COLOR, 'fill-opacity': 0.22 } },
    { id: 'selected-line', type: 'line', source: SOURCE, filter: ['==', ['get', 'id'], ''], paint: { 'line-color': SELECTED_COLOR, 'line-width': 3.5 } },
  ];
}

/** A diagonal hatch for dedicated grids, drawn in memory so it needs no sprite server. */
export function hatchImage(): { width: number; height: number; data: Uint8Array } {
  const size = 8;
  const data = new Uint8Array(size * size * 4);
  const line = [0x7b, 0x4f, 0xa0, 255];
  const fill = [0xef, 0xe6, 0xf6, 230];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const on = (x + y) % size < 2;
      data.set(on ? line : fill, (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}
