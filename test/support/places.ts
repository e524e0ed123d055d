import type { Polygon } from 'geojson';
import type { Db } from '../../src/server/platform/db/db.ts';

/** The centre of a seeded grid, found by its code: a point any test can report a case at. */
export async function gridCentre(db: Db, code: string): Promise<{ lng: number; lat: number }> {
  const row = (await db.query<{ id: string; geometry: Polygon }>('select id, geometry from org_units where code = $1', [code])).rows[0]!;
  const ring = row.geometry.coordinates[0]!.slice(0, -1);
  return {
    lng: ring.reduce((s, p) => s + p[0]!, 0) / ring.length,
    lat: ring.reduce((s, p) => s + p[1]!, 0) / ring.length,
  };
}

export const DEMO_GRID = '500199001001001';
export const RURAL_GRID = '500199101201001';
