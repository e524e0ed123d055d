import type { Db } from '../../src/server/platform/db/db.ts';

/** Puts a row straight into a table (fixtures that no command makes, e.g. a registry record on a grid about to change); its id back. */
export async function insertRow(db: Db, table: string, row: Record<string, unknown>): Promise<string> {
  const keys = Object.keys(row);
  const r = await db.query<{ id: string }>(
    `insert into ${table} (${keys.join(', ')}, created_at, updated_at) values (${keys.map((_, i) => `$${i + 1}`).join(', ')}, now(), now()) returning id`,
    Object.values(row));
  return r.rows[0]!.id;
}
