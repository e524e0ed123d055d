import type { Tx } from '../../platform/db/db.ts';

/* What the enforcement demo step reads between the commands it calls. */

/** Whether the town has any enforcement case or joint inspection already (the demo adds its history once). */
export async function townHasEnforcement(tx: Tx, townId: string): Promise<boolean> {
  const r = await tx.query(
    `select 1 from enforcement_cases where town_id = $1 union all select 1 from joint_inspections where town_id = $1 limit 1`, [townId]);
  return r.rows.length > 0;
}

/** The benchmark the rules proposed for a case (the officer confirms it unless the scenario departs from it). */
export async function proposedKey(tx: Tx, id: string): Promise<string> {
  const r = await tx.query<{ key: string }>(`select proposed->>'benchmarkKey' as key from enforcement_cases where id = $1`, [id]);
  return r.rows[0]!.key;
}

export async function caseVersion(tx: Tx, caseId: string): Promise<number> {
  return (await tx.query<{ version: number }>('select version from cases where id = $1', [caseId])).rows[0]!.version;
}

export async function caseStatus(tx: Tx, caseId: string): Promise<{ status: string; version: number } | null> {
  return (await tx.query<{ status: string; version: number }>('select status, version from cases where id = $1', [caseId])).rows[0] ?? null;
}

/** How many items each checklist has (every item is answered). */
export async function checklistSizes(tx: Tx, ids: readonly string[]): Promise<Map<string, number>> {
  const r = await tx.query<{ id: string; n: number }>('select id, jsonb_array_length(items)::int as n from inspection_checklists where id = any($1)', [ids]);
  return new Map(r.rows.map((x) => [x.id, x.n]));
}

/** The town's enforcement cases by status. */
export async function statusCounts(tx: Tx, townId: string): Promise<Record<string, number>> {
  const r = await tx.query<{ status: string; n: number }>('select status, count(*)::int as n from enforcement_cases where town_id = $1 group by status', [townId]);
  return Object.fromEntries(r.rows.map((x) => [x.status, x.n]));
}
