import type { Tx } from '../platform/db/db.ts';
import type { RiskLevel } from '../../shared/registry.ts';
import { reachSql, type Reach } from './reach.ts';

export type MapLayer = 'buildings' | 'places' | 'things';

export interface MapRecordRow { id: string; name: string; kind: string | null; risk_level: RiskLevel | null; lng: number; lat: number }

export interface Box { west: number; south: number; east: number; north: number }

/**
 * Each layer's records in a view, from its table's (lat, lng) index of unretired rows or its path index, whichever the
 * planner finds narrower. Risk points are read level by level, the most severe first (index registry_things_risk_lat),
 * so a cut keeps them and a wide view stops reading once the cap is reached.
 */
const LAYER_SQL: Record<MapLayer, string> = {
  buildings: `select id, name, null as kind, null as risk_level, lng, lat from registry_buildings`,
  places: `select id, name, kind, null as risk_level, lng, lat from registry_places`,
  things: `select id, name, kind, risk_level, lng, lat from registry_things`,
};
const SEVERE_FIRST = ['major', 'high', 'medium', 'low'] as const;

/** Unretired records of a layer inside the box and the caller's reach, at most `limit`. */
export async function listLayerInBox(tx: Tx, layer: MapLayer, box: Box, reach: Reach, limit: number): Promise<MapRecordRow[]> {
  const params: unknown[] = [box.south, box.north, box.west, box.east, limit];
  const inView = `r.retired_at is null and r.lat between $1 and $2 and r.lng between $3 and $4 and ${reachSql(reach, 'r', params)}`;
  const sql = layer === 'things'
    ? SEVERE_FIRST.map((level) => `(${LAYER_SQL.things} r where r.risk_level = '${level}' and ${inView} limit $5)`).join('\n union all ') + ' limit $5'
    : `${LAYER_SQL[layer]} r where ${inView} limit $5`;
  const r = await tx.query<MapRecordRow>(sql, params);
  return r.rows;
}
