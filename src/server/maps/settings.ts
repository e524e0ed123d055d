// The basemap and the geocoder, from the environment (docs/maps.md). A basemap is one of: 天地图 (Tianditu vec_w +
// cva_w with a browser key), an XYZ or WMTS URL template, or a PMTiles file; each says its datum, so the web can
// shift our WGS-84 outlines onto a GCJ-02 basemap. Nothing set: no basemap, the web draws outlines on a plain ground.

export type Datum = 'wgs84' | 'gcj02';

export interface TileLayer {
  /** raster tiles by URL template ({z}/{x}/{y}), or a PMTiles archive (`pmtiles://…`) */
  kind: 'raster' | 'pmtiles';
  tiles: string[];
  /** `tms` when the template counts rows from the south ({-y}) */
  scheme: 'xyz' | 'tms';
  tileSize: number;
  maxZoom: number;
}

export interface Basemap {
  source: 'tianditu' | 'xyz' | 'wmts' | 'pmtiles';
  datum: Datum;
  layers: TileLayer[];
  attribution: string;
}

export interface MapSettings {
  basemap: Basemap | null;
  /** server key of the Tianditu geocoder (never sent to browsers); null: the search stays offline */
  tiandituKey: string | null;
  /** how long the geocoder may take before the search answers with the offline results alone */
  geocoderTimeoutMs: number;
  /** Tianditu's place search (a proxy in front of it, where the server reaches the internet through one) */
  tiandituSearchUrl: string;
}

export class MapSettingsError extends Error {}

const TIANDITU_HOSTS = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => `t${n}.tianditu.gov.cn`);

/** Tianditu's Web-Mercator vector map (vec_w) and its Chinese annotation (cva_w), through its WMTS KVP interface. */
function tianditu(key: string): Basemap {
  const layer = (name: 'vec' | 'cva'): TileLayer => ({
    kind: 'raster', scheme: 'xyz', tileSize: 256, maxZoom: 18,
    tiles: TIANDITU_HOSTS.map((h) => `https://${h}/${name}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${name}&STYLE=default`
      + `&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key)}`),
  });
  // Tianditu is in CGCS2000, which agrees with WGS-84 to centimetres
  return { source: 'tianditu', datum: 'wgs84', layers: [layer('vec'), layer('cva')], attribution: '天地图 © 国家地理信息公共服务平台' };
}

/** WMTS RESTful placeholders ({TileMatrix}, {TileRow}, {TileCol}) become XYZ ones; {s} becomes one URL per subdomain. */
export function tileTemplates(template: string, subdomains: readonly string[]): { tiles: string[]; scheme: 'xyz' | 'tms'; wmts: boolean } {
  const wmts = /\{TileMatrix\}|\{TileRow\}|\{TileCol\}/i.test(template);
  let t = template.replace(/\{TileMatrix\}/gi, '{z}').replace(/\{TileRow\}/gi, '{y}').replace(/\{TileCol\}/gi, '{x}');
  const tms = t.includes('{-y}');
  t = t.replace('{-y}', '{y}');
  if (!/\{z\}/.test(t) || !/\{x\}/.test(t) || !/\{y\}/.test(t)) {
    throw new MapSettingsError(`MAP_TILES_URL needs {z}, {x} and {y} (or WMTS {TileMatrix}, {TileCol}, {TileRow}): ${template}`);
  }
  const tiles = t.includes('{s}') ? subdomains.map((s) => t.replaceAll('{s}', s)) : [t];
  return { tiles, scheme: tms ? 'tms' : 'xyz', wmts };
}

function datumOf(v: string | undefined): Datum {
  const d = (v ?? 'wgs84').trim().toLowerCase().replace(/[-_]/g, '');
  if (d === 'wgs84' || d === 'cgcs2000') return 'wgs84';
  if (d === 'gcj02') return 'gcj02';
  throw new MapSettingsError(`MAP_TILES_DATUM must be wgs84 or gcj02, not ${v}`);
}

function httpUrl(name: string, v: string): string {
  let u: URL;
  try { u = new URL(v.replace(/\{[^}]+\}/g, '0')); } catch { throw new MapSettingsError(`${name} is not a URL: ${v}`); }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new MapSettingsError(`${name} must be http(s): ${v}`);
  return v;
}

/**
 * Reads MAP_TIANDITU_KEY, MAP_TILES_URL (+ MAP_TILES_SUBDOMAINS, MAP_TILES_SIZE), MAP_PMTILES_URL (an
 * http(s) URL or a path on this site), MAP_TILES_DATUM, MAP_TILES_MAX_ZOOM, MAP_TILES_ATTRIBUTION, TIANDITU_KEY and MAP_GEOCODER_TIMEOUT_MS. Of several basemaps the
 * first set in that order wins. A malformed value stops the start with a message naming the variable.
 */
export function loadMapSettings(env: Readonly<Record<string, string | undefined>>): MapSettings {
  const v = (k: string) => env[k]?.trim() || undefined;
  const maxZoom = Math.min(22, Math.max(1, Number(v('MAP_TILES_MAX_ZOOM') ?? 18) || 18));
  const attribution = v('MAP_TILES_ATTRIBUTION') ?? '';
  let basemap: Basemap | null = null;
  const tk = v('MAP_TIANDITU_KEY'), tiles = v('MAP_TILES_URL'), pmtiles = v('MAP_PMTILES_URL');
  if (tk) {
    basemap = tianditu(tk);
  } else if (tiles) {
    const t = tileTemplates(httpUrl('MAP_TILES_URL', tiles), (v('MAP_TILES_SUBDOMAINS') ?? 'a,b,c').split(',').map((s) => s.trim()).filter(Boolean));
    basemap = {
      source: t.wmts ? 'wmts' : 'xyz', datum: datumOf(v('MAP_TILES_DATUM')), attribution,
      layers: [{ kind: 'raster', tiles: t.tiles, scheme: t.scheme, tileSize: Number(v('MAP_TILES_SIZE') ?? 256) === 512 ? 512 : 256, maxZoom }],
    };
  } else if (pmtiles) {
    basemap = {
      source: 'pmtiles', datum: datumOf(v('MAP_TILES_DATUM')), attribution,
      layers: [{ kind: 'pmtiles', tiles: [`pmtiles://${pmtiles.startsWith('/') ? pmtiles : httpUrl('MAP_PMTILES_URL', pmtiles)}`], scheme: 'xyz', tileSize: 256, maxZoom }],
    };
  }
  return {
    basemap,
    tiandituKey: v('TIANDITU_KEY') ?? null,
    tiandituSearchUrl: httpUrl('TIANDITU_SEARCH_URL', v('TIANDITU_SEARCH_URL') ?? 'https://api.tianditu.gov.cn/v2/search'),
    geocoderTimeoutMs: Math.min(10_000, Math.max(200, Number(v('MAP_GEOCODER_TIMEOUT_MS') ?? 2500) || 2500)),
  };
}
