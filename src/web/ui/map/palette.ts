// Deterministic colours: each community gets a palette entry by its order of code, its grids share it.
import type { MapUnitProps, MapUnits } from './units.ts';

export const PALETTE = [
  '#5b8ff9', '#5ad8a6', '#f6bd16', '#e8684a', '#6dc8ec', '#9270ca', '#ff9d4d', '#269a99', '#ff99c3', '#5d7092',
  '#bdd2fd', '#bdefdb', '#fbe5a2', '#f6c3b7', '#d3cef7', '#ffd8b8',
];
export const DEDICATED_COLOR = '#7b4fa0';
export const SELECTED_COLOR = '#c0392b';

export interface CommunityColor { id: string; name: string; code: string; color: string }

export function communityColors(fc: MapUnits): CommunityColor[] {
  return fc.features
    .filter((f) => f.properties.level === 'community')
    .map((f) => f.properties)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((p, i) => ({ id: p.id, name: p.name, code: p.code, color: PALETTE[i % PALETTE.length]! }));
}

/** The features with a `color` property: a grid's is its community's. */
export function colourFeatures<P extends MapUnitProps>(fc: MapUnits<P>, colors: CommunityColor[]): MapUnits<P & { color: string }> {
  const byId = new Map(colors.map((c) => [c.id, c.color]));
  return {
    ...fc,
    features: fc.features.map((f) => ({
      ...f,
      properties: { ...f.properties, color: byId.get(f.properties.level === 'community' ? f.properties.id : f.properties.parentId ?? '') ?? '#9aa5b1' },
    })),
  };
}

/** Every unit in one colour, communities in their own: for maps where what sits on top matters more than the units. */
export function plainColours<P extends MapUnitProps>(fc: MapUnits<P>, color: string, communityColor = color): MapUnits<P & { color: string }> {
  return { ...fc, features: fc.features.map((f) => ({ ...f, properties: { ...f.properties, color: f.properties.level === 'community' ? communityColor : color } })) };
}
