// The address search draws on place sources: the org units (names and aliases, this capability) and, once the
// registry exists, its buildings and places (issue 11), which a later capability adds in its setup with
// `app.places.register(source)`. Each source answers the candidates that may match a query inside an area; the
// search ranks all of them together (domain/places/search.ts), then a configured geocoder adds its own.
import type { Tx } from '../platform/db/db.ts';
import type { PlaceCandidate } from '../../domain/places/search.ts';

export interface Place {
  /** unique across sources: `org:<id>`, `tianditu:<id>`, later `registry:<id>` */
  key: string;
  source: string;
  /** what sort of place: an org level (community, grid …), `poi`, `area`, later `building` */
  kind: string;
  name: string;
  /** where it lies, for telling two places apart ("春晖路街道 · 春晖社区") */
  context: string;
  /** WGS-84: where the marker goes when the place is picked */
  at: { lng: number; lat: number };
}

/** Where to search: under a unit's path (the caller's town), or everywhere (null). */
export interface SearchArea { path: string | null }

export interface PlaceSource {
  name: string;
  /** the places that may match (a source may leave out what cannot match); ranked by the caller */
  candidates(tx: Tx, query: string, area: SearchArea): Promise<PlaceCandidate<Place>[]>;
}

export class PlaceSources {
  private readonly sources: PlaceSource[] = [];
  register(source: PlaceSource): void {
    if (this.sources.some((s) => s.name === source.name)) throw new Error(`place source ${source.name} registered twice`);
    this.sources.push(source);
  }
  list(): readonly PlaceSource[] { return this.sources; }
}
