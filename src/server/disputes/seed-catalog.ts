import { readFileSync } from 'node:fs';
import type { Tx } from '../platform/db/db.ts';

/** The catalog file: the 18 classes of 人民调解 statistics with example subclasses (names only). */
interface CatalogFile { classes: { code: string; name: string; subclasses: string[] }[] }

/** `<class>-<nn>`: the code of a class's n-th subclass (01-02). */
export const subclassCode = (classCode: string, n: number) => `${classCode}-${String(n).padStart(2, '0')}`;

/**
 * Seeds the dispute classes from src/server/platform/seed/catalogs/dispute-classes.json when the table is empty (the city
 * edits them afterwards through PUT /api/disputes/classes/:code; a later seed never overwrites its edits).
 */
export async function seedDisputeClasses(tx: Tx, now: Date): Promise<void> {
  const any = await tx.query('select 1 from dispute_classes limit 1');
  if (any.rowCount > 0) return;
  const file = JSON.parse(readFileSync(new URL('../platform/seed/catalogs/dispute-classes.json', import.meta.url), 'utf8')) as CatalogFile;
  const rows = file.classes.map((c, i) => ({
    code: c.code, name: c.name, sort: (i + 1) * 10,
    subclasses: c.subclasses.map((name, j) => ({ code: subclassCode(c.code, j + 1), name, retired: false })),
  }));
  await tx.query(
    `insert into dispute_classes (code, name, subclasses, sort, retired, updated_at)
     select x.code, x.name, x.subclasses, x.sort, false, $2
       from jsonb_to_recordset($1::jsonb) as x(code text, name text, subclasses jsonb, sort int)`,
    [JSON.stringify(rows), now]);
}
