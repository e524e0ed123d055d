import type { Tx } from '../platform/db/db.ts';
import type { DutyLevel, ListType } from '../../shared/duties.ts';

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
  await tx.query(
    `insert into duty_items (town_id, level, list_type, code, name, description, basis, department, duty_code, visits_per_month, minutes_per_visit, created_at)
     select $1, level, "listType", code, name, description, basis, department, "dutyCode", "visitsPerMonth", "minutesPerVisit", $2
       from jsonb_to_recordset($3::jsonb) as x(level text, "listType" text, code text, name text, description text, basis text, department text,
            "dutyCode" text, "visitsPerMonth" numeric, "minutesPerVisit" int)`,
    [townId, at, JSON.stringify(items)]);
}
