import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { REGISTRY_READERS } from '../../shared/registry.ts';
import { requirePrincipal } from '../platform/auth.ts';
import { AppError } from '../platform/errors.ts';
import { reachOf } from './reach.ts';
import { listLayerInBox, type Box, type MapLayer, type MapRecordRow } from './map-layers-store.ts';
import { MAP_LAYER_CAP, MAP_LAYERS, MapLayers, MapLayersQuery } from './thing-cases-schemas.ts';

/** the widest view answered, in degrees a side (about 50 km): a wider one is zoomed out past what the layers draw */
const MAX_SIDE_DEG = 0.5;

/** Map layers (风险点落图, issue 11): buildings, places and risk points of the caller's territory in a map's view. */
export async function mapLayerRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/registry/map-layers', {
    config: { access: REGISTRY_READERS },
    schema: {
      tags: ['registry'],
      summary: 'Buildings, places and risk points in a map view',
      description: `The unretired buildings, places and things (risk points, with their risk level) of the caller's territory inside \`bbox\` (west,south,east,north; at most ${MAX_SIDE_DEG}° a side, else 400), as GeoJSON points; the layers asked for, all three by default. At most ${MAP_LAYER_CAP} a layer, the most severe risk points first; \`truncated\` names the layers cut.`,
      querystring: MapLayersQuery, response: { 200: MapLayers },
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof MapLayersQuery>;
    const box = parseBox(q.bbox);
    const layers = q.layers ? [...new Set(q.layers.split(',') as MapLayer[])] : [...MAP_LAYERS];
    const reach = reachOf(p);
    const found = await Promise.all(layers.map(async (layer) => ({ layer, rows: await listLayerInBox(app.db, layer, box, reach, MAP_LAYER_CAP + 1) })));
    return {
      type: 'FeatureCollection' as const,
      features: found.flatMap(({ layer, rows }) => rows.slice(0, MAP_LAYER_CAP).map((r) => feature(layer, r))),
      truncated: found.filter((f) => f.rows.length > MAP_LAYER_CAP).map((f) => f.layer),
    };
  });
}

function feature(layer: MapLayer, r: MapRecordRow) {
  return {
    type: 'Feature' as const, id: `${layer}:${r.id}`,
    geometry: { type: 'Point' as const, coordinates: [r.lng, r.lat] },
    properties: { layer, recordId: r.id, name: r.name, kind: r.kind, riskLevel: r.risk_level },
  };
}

function parseBox(bbox: string): Box {
  const [west, south, east, north] = bbox.split(',').map(Number) as [number, number, number, number];
  const valid = west >= -180 && east <= 180 && south >= -90 && north <= 90 && west < east && south < north
    && east - west <= MAX_SIDE_DEG && north - south <= MAX_SIDE_DEG;
  if (!valid) {
    throw new AppError('VALIDATION_FAILED', `bbox must be west,south,east,north in degrees, west < east, south < north, at most ${MAX_SIDE_DEG}° a side.`,
      `bbox 须为 西,南,东,北（经纬度），西小于东、南小于北，每边不超过 ${MAX_SIDE_DEG}°。`);
  }
  return { west, south, east, north };
}
