import type { Tx } from '../platform/db/db.ts';
import type { RiskLevel, ThingKind } from '../../shared/registry.ts';
import { reachSql, type Reach } from './reach.ts';

/** Things in the case loop: the registered things a report names or may name, read by intake, the case detail and pickers. */

export interface ThingForReport {
  id: string;
  kind: ThingKind;
  org_path: string;
  grid_id: string;
  town_id: string;
  lng: number;
  lat: number;
  retired: boolean;
}

/** What intake checks of the thing a report names (any scope: the reach rule decides). */
export async function findThingForReport(tx: Tx, id: string): Promise<ThingForReport | null> {
  const r = await tx.query<ThingForReport>(
    `select id, kind, org_path, grid_id, town_id, lng, lat, retired_at is not null as retired from registry_things where id = $1`, [id]);
  return r.rows[0] ?? null;
}

export interface ThingSummaryRow { id: string; name: string; kind: ThingKind; risk_level: RiskLevel; org_path: string; grid_id: string }

/** A thing by id, retired ones too (a case keeps its history); the caller decides what of it the reader sees (`inReach`). */
export async function findThingSummary(tx: Tx, id: string): Promise<ThingSummaryRow | null> {
  const r = await tx.query<ThingSummaryRow>(`select id, name, kind, risk_level, org_path, grid_id from registry_things where id = $1`, [id]);
  return r.rows[0] ?? null;
}

export interface NearThingRow { id: string; name: string; kind: ThingKind; risk_level: RiskLevel; lng: number; lat: number }

/** Unretired things of the reach in a box (the cheap pre-filter of a circle); at most `limit`. */
export async function listThingsInBox(
  tx: Tx, box: { minLng: number; maxLng: number; minLat: number; maxLat: number }, reach: Reach, limit: number,
): Promise<NearThingRow[]> {
  const params: unknown[] = [box.minLat, box.maxLat, box.minLng, box.maxLng, limit];
  const r = await tx.query<NearThingRow>(
    `select t.id, t.name, t.kind, t.risk_level, t.lng, t.lat from registry_things t
      where t.retired_at is null and t.lat between $1 and $2 and t.lng between $3 and $4 and ${reachSql(reach, 't', params)}
      limit $5`,
    params,
  );
  return r.rows;
}
