// The maps feature's calls: the basemap configuration (once per page load), the area a report's map opens on, and
// the address search (signed in: the caller's town; anonymous: every town).
import type { Static } from '@sinclair/typebox';
import { api } from '../../lib/api.ts';
import type * as s from '../../../server/maps/schemas.ts';

export type MapConfig = Static<typeof s.MapConfig>;
export type Basemap = NonNullable<MapConfig['basemap']>;
export type MapArea = Static<typeof s.MapArea>;
export type MapFocus = NonNullable<MapArea['focus']>;
export type Place = Static<typeof s.Place>;
export type PlaceSearchResult = Static<typeof s.PlaceSearchResult>;

let config: Promise<MapConfig> | null = null;
/** The configuration, asked once; a failure counts as no basemap (the outlines are drawn all the same). */
export function loadMapConfig(): Promise<MapConfig> {
  config ??= api<MapConfig>('/api/map/config').catch(() => ({ basemap: null, geocoder: null }));
  return config;
}

export const fetchMapArea = (anonymous: boolean, signal?: AbortSignal) =>
  api<MapArea>(anonymous ? '/api/public/map/area' : '/api/map/area', { signal });

export const searchPlaces = (q: string, anonymous: boolean, signal?: AbortSignal) =>
  api<PlaceSearchResult>(anonymous ? '/api/public/places/search' : '/api/places/search', { query: { q, limit: '8' }, signal });
