// The map layers' call (风险点落图): the registry records of the reader's reach inside a view. Types from the server's
// schema (type-only import).
import type { Static } from '@sinclair/typebox';
import { api } from '../../../lib/api.ts';
import type { MapLayers } from '../../../../server/registry/thing-cases-schemas.ts';

export type LayerAnswer = Static<typeof MapLayers>;
export type LayerFeature = LayerAnswer['features'][number];
export type LayerName = LayerFeature['properties']['layer'];

export const LAYER_NAMES: readonly LayerName[] = ['buildings', 'places', 'things'];

/** the widest view the API answers, in degrees a side: wider views ask the reader to zoom in */
export const MAX_VIEW_DEG = 0.5;

export function fetchMapLayers(bbox: [number, number, number, number], layers: readonly LayerName[], signal?: AbortSignal): Promise<LayerAnswer> {
  return api<LayerAnswer>('/api/registry/map-layers', { query: { bbox: bbox.map((n) => n.toFixed(6)).join(','), layers: layers.join(',') }, signal });
}
