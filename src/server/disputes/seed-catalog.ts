import type { Tx } from '../platform/db/db.ts';

/** Placeholder (H2): seeds the dispute classes from catalogs/dispute-classes.json when the table is empty. */
export async function seedDisputeClasses(_tx: Tx, _now: Date): Promise<void> {}
