import { readFileSync } from 'node:fs';
import type { Tx } from '../platform/db/db.ts';
import { seedId } from '../platform/seed/demo-town.ts';
import type { EnforcementMatterBody } from '../../shared/enforcement.ts';
import { insertChecklist, upsertMatter } from './matter-store.ts';

/* The starter enforcement catalog: the city's matter list (catalog/matters.json) and the departments' checklists. */

interface ChecklistFile {
  checklists: { department: string; title: string; placeKinds: string[]; items: string[] }[];
}

const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(`./catalog/${name}`, import.meta.url), 'utf8')) as T;

export function enforcementMatterCatalog(): EnforcementMatterBody[] {
  return read<{ matters: EnforcementMatterBody[] }>('matters.json').matters;
}

/** The fixed id of a seeded checklist (tests and the demo name them by their department). */
export const checklistSeedId = (department: string) => seedId('inspection-checklist', department);

/** Seeds the matter list as published by the city, and the departments' inspection checklists. */
export async function seedEnforcementCatalog(tx: Tx, cityId: string, cityPath: string, now: Date): Promise<void> {
  for (const body of enforcementMatterCatalog()) {
    await upsertMatter(tx, { body, orgUnitId: cityId, orgPath: cityPath, status: 'active', at: now, by: null });
  }
  for (const [sort, c] of read<ChecklistFile>('checklists.json').checklists.entries()) {
    await insertChecklist(tx, { id: checklistSeedId(c.department), department: c.department, title: c.title, items: c.items, placeKinds: c.placeKinds, sort });
  }
}
