import type { Tx } from '../../platform/db/db.ts';

/* What the plans' demo step reads: whether its plans are there, and where the town's grids lie. */

/** The ids of the town's plans by name (the demo adds its plans once). */
export async function planIdsByName(tx: Tx, townId: string, names: readonly string[]): Promise<Map<string, string>> {
  const r = await tx.query<{ id: string; name: string }>('select id, name from plans where town_id = $1 and name = any($2)', [townId, names]);
  return new Map(r.rows.map((x) => [x.name, x.id]));
}

/** The town holding a unit (the demo grid worker's grid → 春晖路街道). */
export async function townOf(tx: Tx, unitId: string): Promise<{ id: string; name: string } | null> {
  return (await tx.query<{ id: string; name: string }>(
    `select t.id, t.name from org_units u join org_units t on u.path like t.path || '%' and t.level = 'town' where u.id = $1`, [unitId])).rows[0] ?? null;
}

/** A point well inside a grid: the mean of its outline's corners (the demo grids are near-rectangles). */
export async function gridCentre(tx: Tx, name: string): Promise<{ id: string; lng: number; lat: number } | null> {
  const r = (await tx.query<{ id: string; geometry: { coordinates: number[][][] } | null }>(
    `select id, geometry from org_units where name = $1 and level in ('grid', 'dedicatedGrid') limit 1`, [name])).rows[0];
  const ring = r?.geometry?.coordinates[0];
  if (!r || !ring || ring.length < 4) return null;
  const corners = ring.slice(0, -1);
  const mean = (k: 0 | 1) => corners.reduce((s, c) => s + c[k]!, 0) / corners.length;
  return { id: r.id, lng: Math.round(mean(0) * 1e6) / 1e6, lat: Math.round(mean(1) * 1e6) / 1e6 };
}

/** A registry place of the grid by name (the gauge's river place, made once). */
export async function placeByName(tx: Tx, gridId: string, name: string): Promise<string | null> {
  return (await tx.query<{ id: string }>('select id from registry_places where grid_id = $1 and name = $2', [gridId, name])).rows[0]?.id ?? null;
}

export async function deviceExists(tx: Tx, id: string): Promise<boolean> {
  return (await tx.query('select 1 from devices where id = $1', [id])).rows.length > 0;
}
