import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { STAFF_ROLES } from '../../shared/roles.ts';
import { presentFeatures } from '../org/presenters.ts';
import { publicRateLimit } from '../platform/public-rate-limit.ts';
import type { FeatureRow } from '../org/store.ts';
import { mapAreaOf } from './map-area.ts';
import { searchPlaces } from './search-places.ts';
import type { SearchArea } from './place-sources.ts';
import { findHolding, findMapUnit } from './store.ts';
import * as s from './schemas.ts';

/** Outlines and names only: the figures stay on the staff's own maps. */
function presentArea(a: Awaited<ReturnType<typeof mapAreaOf>>): Static<typeof s.MapArea> {
  const units = presentFeatures(a.units as FeatureRow[]);
  for (const f of units.features) { f.properties.population = null; f.properties.households = null; }
  return { focus: a.focus, units };
}

/** The town around the caller's scope (or home), searched in the query; the whole tree for anyone with neither. */
async function searchAreaOf(app: FastifyInstance, p: Principal): Promise<SearchArea> {
  const own = p.scopeOrgUnitId ?? p.homeOrgUnitId;
  const unit = own ? await findMapUnit(app.db, own) : null;
  if (!unit) return { path: null };
  const town = await findHolding(app.db, unit.path, 'town');
  return { path: town?.path ?? unit.path };
}

function geocodingOf(app: FastifyInstance) {
  const m = app.mapSettings;
  return m.tiandituKey ? { key: m.tiandituKey, timeoutMs: m.geocoderTimeoutMs, url: m.tiandituSearchUrl } : null;
}

export async function mapRoutes(app: FastifyInstance): Promise<void> {
  // the people who place reports or look at the map: not the security administrator nor the auditor (三员分立)
  const placing = { access: [...STAFF_ROLES, 'resident'] as const };
  app.get('/api/map/area', {
    config: placing,
    schema: {
      tags: ['maps'], summary: 'The map area of the caller, for placing a report',
      description: 'Where a map opens for this account: a resident\'s home grid, a grid worker\'s grid (inside its community), a community\'s or town\'s staff their unit; anyone else the default town. Outlines and names, the focus with its bounds and a starting point inside a grid.',
      response: { 200: s.MapArea },
    },
  }, async (req) => presentArea(await mapAreaOf(app.db, requirePrincipal(req))));

  app.get('/api/places/search', {
    config: placing,
    schema: {
      tags: ['maps'], summary: 'Search places by name, alias, pinyin initials or address',
      description: 'Org units (town, communities, grids) of the caller\'s town — the town around a staff member\'s scope or a resident\'s home, everything for accounts with neither — by name, alias or pinyin (chsq → 春晖社区), ranked; then the configured geocoder\'s places (Tianditu), when set and answering in time.',
      querystring: s.PlaceSearchQuery, response: { 200: s.PlaceSearchResult },
    },
  }, async (req) => {
    const q = req.query as Static<typeof s.PlaceSearchQuery>;
    const area = await searchAreaOf(app, requirePrincipal(req));
    return searchPlaces(app.db, { query: q.q, area, limit: q.limit ?? 10, sources: app.places, geocoding: geocodingOf(app), log: req.log });
  });
}

export async function publicMapRoutes(app: FastifyInstance): Promise<void> {
  await publicRateLimit(app, { en: 'map requests', zh: '地图请求' });

  app.get('/api/map/config', {
    config: { access: 'public', rateLimit: { max: 600, timeWindow: '10 minutes' } }, // once per page with a map, from offices behind one address
    schema: {
      tags: ['maps'], security: [], summary: 'The basemap and geocoder in use',
      description: 'The configured basemap (Tianditu vec_w + cva_w, an XYZ/WMTS template or a PMTiles file) with its datum (wgs84, or gcj02 for sources such as AMap), or null: the web then draws the outlines on a plain ground. A Tianditu browser key appears here by design (Tianditu protects it by a domain whitelist); the server geocoder key never does.',
      response: { 200: s.MapConfig },
    },
  }, async () => ({ basemap: app.mapSettings.basemap, geocoder: app.mapSettings.tiandituKey ? 'tianditu' as const : null }));

  app.get('/api/public/map/area', {
    config: { access: 'public', rateLimit: { max: 60, timeWindow: '10 minutes' } },
    schema: {
      tags: ['maps'], security: [], summary: 'The default town\'s map, for the anonymous report',
      description: 'The default town (the first in the org tree) with its communities and grids, outlines and names only, and a starting point inside a grid.',
      response: { 200: s.MapArea },
    },
  }, async () => presentArea(await mapAreaOf(app.db, null)));

  app.get('/api/public/places/search', {
    config: { access: 'public', rateLimit: { max: 60, timeWindow: '10 minutes' } },
    schema: {
      tags: ['maps'], security: [], summary: 'Search places, for the anonymous report',
      description: 'The same search as /api/places/search over every town, for the anonymous 随手拍 page; limited per address.',
      querystring: s.PlaceSearchQuery, response: { 200: s.PlaceSearchResult },
    },
  }, async (req) => {
    const q = req.query as Static<typeof s.PlaceSearchQuery>;
    return searchPlaces(app.db, { query: q.q, area: { path: null }, limit: q.limit ?? 10, sources: app.places, geocoding: geocodingOf(app), log: req.log });
  });
}
