import type { Tx } from '../platform/db/db.ts';

/** Placeholder: H2 replaces it — one council per grid, community and town of the org tree (called by seedDemo). */
export async function seedCouncils(_tx: Tx, _now: Date): Promise<void> {}
