import { readFileSync } from 'node:fs';
import type { Tx } from '../platform/db/db.ts';
import { insertMatterVersion } from './store.ts';

interface CatalogMatter {
  code: string; name: string; class: string; tier: 'grid' | 'community' | 'town' | 'district';
  post?: string; department?: string; list: 'basic' | 'cooperative' | 'withdrawn';
  sla: Record<string, number>; escalateAfterH?: number; onSpot?: boolean; urgent?: boolean; source?: string;
}

export function matterCatalog(): CatalogMatter[] {
  return (JSON.parse(readFileSync(new URL('../platform/seed/catalogs/matters.json', import.meta.url), 'utf8')) as { matters: CatalogMatter[] }).matters;
}

/** Version 1 of each catalog Matter for a town; a town edits them in the back office afterwards. */
export async function seedMatters(tx: Tx, townId: string): Promise<void> {
  for (const m of matterCatalog()) {
    await insertMatterVersion(tx, {
      town_id: townId, code: m.code, name: m.name, class: m.class, list: m.list, tier: m.tier,
      post_code: m.post ?? null, department_name: m.department ?? null, sla: m.sla,
      escalate_after_h: m.escalateAfterH ?? null, on_spot: m.onSpot ?? false, urgent: m.urgent ?? false,
      duplicate_radius_m: m.urgent ? 300 : 100, created_by: null, machine_source: m.source ?? null,
    });
  }
}

/** The district departments the catalog names, so cases can be sent to them ("部门报到"). */
export async function seedDepartments(tx: Tx, districtId: string): Promise<Map<string, string>> {
  const names = [...new Set(matterCatalog().flatMap((m) => (m.department ? [m.department] : [])))];
  const ids = new Map<string, string>();
  for (const name of names) {
    const r = await tx.query<{ id: string }>('insert into departments (district_id, name) values ($1, $2) returning id', [districtId, name]);
    ids.set(name, r.rows[0]!.id);
  }
  return ids;
}
