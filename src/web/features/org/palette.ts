// Deterministic colours: each community gets a palette entry by its order of code, its grids share it.
import type { UnitFeatures } from './api.ts';

export const PALETTE = [
  '#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#86bcb6',
  '#d37295', '#8cd17d', '#a0cbe8', '#ffbe7d', '#499894', '#f1ce63',
];
export const DEDICATED_COLOR = '#7b4fa0';
export const SELECTED_COLOR = '#c0392b';

export interface CommunityColor { id: string; name: string; code: string; color: string }

export function communityColors(fc: UnitFeatures): CommunityColor[] {
  return fc.features
    .filter((f) => f.properties.level === 'community')
    .map((f) => f.properties)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((p, i) => ({ id: p.id, name: p.name, code: p.code, color: PALETTE[i % PALETTE.length]! }));
}

/** The features with a `color` property: a grid's is its community's. */
export function colourFeatures(fc: UnitFeatures, colors: CommunityColor[]): UnitFeatures {
  const byId = new Map(colors.map((c) => [c.id, c.color]));
  return {
    ...fc,
    features: fc.features.map((f) => ({
      ...f,
      properties: { ...f.properties, color: byId.get(f.properties.level === 'community' ? f.properties.id : f.properties.parentId ?? '') ?? '#9aa5b1' },
    })),
  };
}
