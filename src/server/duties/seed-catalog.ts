import type { Tx } from '../platform/db/db.ts';
import type { DutyLevel, ListType } from '../../shared/duties.ts';
import * as store from './store.ts';

/** An item of a town's starting catalog (src/server/platform/seed/catalogs/duty-catalog.json). */
export interface StartingItem {
  code: string; level: DutyLevel; listType: ListType; name: string; basis: string; description?: string; department?: string;
  dutyCode?: string; visitsPerMonth: number; minutesPerVisit: number;
}

/**
 * A town's starting catalog, the one set of items that does not pass the admission gate: the catalog the town had
 * when it began using the platform (admission_id and approved_by stay null). Every later item is an approved admission.
 */
export async function seedStartingCatalog(tx: Tx, townId: string, items: readonly StartingItem[], at: Date): Promise<void> {
  await store.insertStartingItems(tx, townId, items, at);
}
