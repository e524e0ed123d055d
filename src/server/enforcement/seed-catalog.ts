import type { Tx } from '../platform/db/db.ts';

/** Placeholder (H4): seeds the enforcement matter list (published by the city) and the departments' inspection checklists. */
export async function seedEnforcementCatalog(_tx: Tx, _cityId: string, _cityPath: string, _now: Date): Promise<void> {}
