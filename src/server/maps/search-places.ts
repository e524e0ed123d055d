// The address search: every place source's candidates in the area, ranked together; then, when a Tianditu key is
// set, Tianditu's places in the area's bounds after ours. A slow or failing geocoder costs its timeout and nothing
// else: the answer is the offline one, and says so (`geocoder: 'failed'`).
import type { FastifyBaseLogger } from 'fastify';
import type { Tx } from '../platform/db/db.ts';
import { rankPlaces } from '../../domain/places/search.ts';
import { boundsOf, type Bounds } from '../../shared/geometry.ts';
import type { Place, PlaceSources, SearchArea } from './place-sources.ts';
import { searchTianditu } from './tianditu.ts';
import { listPlaceUnits } from './store.ts';

export interface PlaceSearchAnswer {
  items: Place[];
  /** whether a geocoder was asked and answered */
  geocoder: 'none' | 'used' | 'failed';
}

export interface Geocoding { key: string; timeoutMs: number; fetch?: typeof fetch; url?: string }

export async function searchPlaces(tx: Tx, o: {
  query: string; area: SearchArea; limit: number; sources: PlaceSources; geocoding: Geocoding | null; log: FastifyBaseLogger;
}): Promise<PlaceSearchAnswer> {
  const candidates = (await Promise.all(o.sources.list().map((s) => s.candidates(tx, o.query, o.area)))).flat();
  const offline = rankPlaces(o.query, candidates, o.limit);
  if (!o.geocoding) return { items: offline, geocoder: 'none' };
  const bounds = await areaBounds(tx, o.area);
  try {
    const found = await searchTianditu({ ...o.geocoding, query: o.query, bounds, limit: o.limit });
    const seen = new Set(offline.map((p) => p.name));
    return { items: [...offline, ...found.filter((p) => !seen.has(p.name))].slice(0, o.limit), geocoder: 'used' };
  } catch (e) {
    o.log.warn({ err: (e as Error).message }, 'geocoder failed; answering with offline places');
    return { items: offline, geocoder: 'failed' };
  }
}

/** China's extent when the area is everything. */
const CHINA: Bounds = [73.5, 18, 135.1, 53.6];

async function areaBounds(tx: Tx, area: SearchArea): Promise<Bounds> {
  if (area.path === null) return CHINA;
  return boundsOf((await listPlaceUnits(tx, area.path, ['community'])).map((u) => u.geometry)) ?? CHINA;
}
