// 天地图 (Tianditu) place search, V2.0 (`/v2/search`, queryType 1 in a bounding box), run on the server with the
// server key: the answer's places (resultType 1) or the administrative area it names (resultType 3) become our
// places. Coordinates are CGCS2000, which agrees with WGS-84 to centimetres. Anything else is an error the caller
// falls back from.
import type { Bounds } from '../../shared/geometry.ts';
import type { Place } from './place-sources.ts';

export const TIANDITU_SEARCH = 'https://api.tianditu.gov.cn/v2/search';

export class GeocoderError extends Error {}

/** "106.48,29.46" or "106.48 29.46" */
function lonlat(v: unknown): { lng: number; lat: number } | null {
  if (typeof v !== 'string') return null;
  const [lng, lat] = v.trim().split(/[\s,]+/).map(Number);
  if (!Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lng!) > 180 || Math.abs(lat!) > 90) return null;
  return { lng: lng!, lat: lat! };
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** The places in one answer of /v2/search; throws GeocoderError for an answer that is not a success. */
export function parseTiandituSearch(body: unknown, limit: number): Place[] {
  if (!body || typeof body !== 'object') throw new GeocoderError('Tianditu: not a JSON object');
  const b = body as Record<string, unknown>;
  const status = b.status as { infocode?: unknown; cndesc?: unknown } | undefined;
  if (!status || Number(status.infocode) !== 1000) throw new GeocoderError(`Tianditu: ${text(status?.cndesc) || text(b.msg) || 'no status'}`);
  const out: Place[] = [];
  const rt = Number(b.resultType);
  if (rt === 1) {
    // one place comes as an object, several as an array
    const pois = Array.isArray(b.pois) ? b.pois : b.pois && typeof b.pois === 'object' ? [b.pois] : [];
    for (const p of pois as Record<string, unknown>[]) {
      const at = lonlat(p.lonlat);
      const name = text(p.name);
      if (!at || !name) continue;
      const where = [text(p.county), text(p.address)].filter(Boolean).join(' ');
      out.push({ key: `tianditu:${text(p.hotPointID) || `${at.lng},${at.lat}`}`, source: 'tianditu', kind: 'poi', name, context: where, at });
      if (out.length >= limit) break;
    }
  } else if (rt === 3) {
    const area = b.area as Record<string, unknown> | undefined;
    const at = lonlat(area?.lonlat);
    if (area && at && text(area.name)) out.push({ key: `tianditu:area:${text(area.name)}`, source: 'tianditu', kind: 'area', name: text(area.name), context: '', at });
  }
  return out;
}

export interface TiandituSearch {
  key: string;
  query: string;
  /** the area searched (the caller's town): results outside it are Tianditu's to rank, not ours */
  bounds: Bounds;
  limit: number;
  timeoutMs: number;
  fetch?: typeof fetch;
  url?: string;
}

export async function searchTianditu(o: TiandituSearch): Promise<Place[]> {
  const post = { keyWord: o.query, level: 15, mapBound: o.bounds.join(','), queryType: 1, start: 0, count: o.limit };
  const url = `${o.url ?? TIANDITU_SEARCH}?postStr=${encodeURIComponent(JSON.stringify(post))}&type=query&tk=${encodeURIComponent(o.key)}`;
  let res: Response;
  try {
    res = await (o.fetch ?? fetch)(url, { signal: AbortSignal.timeout(o.timeoutMs), headers: { accept: 'application/json' } });
  } catch (e) {
    throw new GeocoderError(`Tianditu: ${(e as Error).name === 'TimeoutError' ? `no answer within ${o.timeoutMs} ms` : (e as Error).message}`);
  }
  if (!res.ok) throw new GeocoderError(`Tianditu: HTTP ${res.status}`);
  let body: unknown;
  try { body = await res.json(); } catch { throw new GeocoderError('Tianditu: not JSON'); }
  return parseTiandituSearch(body, o.limit);
}
