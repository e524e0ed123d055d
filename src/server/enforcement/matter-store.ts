import type { Tx } from '../platform/db/db.ts';
import type { EnforcementMatterBody, MatterSource } from '../../shared/enforcement.ts';

/* SQL of the enforcement matter list (一张清单) and the departments' inspection checklists. */

export interface MatterRow {
  code: string;
  org_unit_id: string;
  org_unit_name: string;
  org_path: string;
  name: string;
  category: string;
  source: MatterSource;
  delegated_by: string | null;
  body: EnforcementMatterBody;
  loop_category_codes: string[];
  status: 'active' | 'retired';
  updated_at: Date;
  updated_by: string | null;
}

const SELECT = `select m.*, u.name as org_unit_name from enforcement_matters m join org_units u on u.id = m.org_unit_id`;

/** A matter published by a unit whose path is a prefix of the caller's scope (the city's list reaches its towns). */
const REACHES = `$1::text like m.org_path || '%'`;

export interface MatterFilter {
  source: MatterSource | null;
  q: string | null;
  loopCategoryCode: string | null;
  includeRetired: boolean;
}

export async function listMatters(tx: Tx, scopePath: string, f: MatterFilter): Promise<MatterRow[]> {
  const r = await tx.query<MatterRow>(
    `${SELECT}
      where ${REACHES}
        and ($2::text is null or m.source = $2)
        and ($3::text is null or m.code ilike '%' || $3 || '%' or m.name ilike '%' || $3 || '%' or m.category ilike '%' || $3 || '%'
             or coalesce(m.delegated_by, '') ilike '%' || $3 || '%')
        and ($4::text is null or $4 = any(m.loop_category_codes))
        and ($5::boolean or m.status = 'active')
      order by m.category, m.code`,
    [scopePath, f.source, f.q, f.loopCategoryCode, f.includeRetired],
  );
  return r.rows;
}

/** Active matters of each source reaching the scope (the list's header figures). */
export async function countMattersBySource(tx: Tx, scopePath: string): Promise<Record<MatterSource, number>> {
  const r = await tx.query<{ source: MatterSource; n: number }>(
    `select m.source, count(*)::int as n from enforcement_matters m where ${REACHES} and m.status = 'active' group by m.source`,
    [scopePath],
  );
  const out: Record<MatterSource, number> = { statutory: 0, empowered: 0, entrusted: 0 };
  for (const row of r.rows) out[row.source] = row.n;
  return out;
}

export async function findMatter(tx: Tx, scopePath: string, code: string): Promise<MatterRow | null> {
  const r = await tx.query<MatterRow>(`${SELECT} where m.code = $2 and ${REACHES}`, [scopePath, code]);
  return r.rows[0] ?? null;
}

/** Any matter of that code, wherever it was published (a save must not take over another city's code). */
export async function findMatterAnywhere(tx: Tx, code: string): Promise<{ code: string; org_path: string } | null> {
  const r = await tx.query<{ code: string; org_path: string }>('select code, org_path from enforcement_matters where code = $1 for update', [code]);
  return r.rows[0] ?? null;
}

export interface MatterWrite {
  body: EnforcementMatterBody;
  orgUnitId: string;
  orgPath: string;
  status: 'active' | 'retired';
  at: Date;
  by: string | null;
}

/** Creates the matter or replaces it by its code; answers whether it was new. */
export async function upsertMatter(tx: Tx, w: MatterWrite): Promise<boolean> {
  const b = w.body;
  const r = await tx.query<{ created: boolean }>(
    `insert into enforcement_matters (code, org_unit_id, org_path, name, category, source, delegated_by, body, loop_category_codes, status, updated_at, updated_by)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)
     on conflict (code) do update set
       name = excluded.name, category = excluded.category, source = excluded.source, delegated_by = excluded.delegated_by,
       body = excluded.body, loop_category_codes = excluded.loop_category_codes, status = excluded.status,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by
     returning (xmax = 0) as created`,
    [b.code, w.orgUnitId, w.orgPath, b.name, b.category, b.source, b.delegatedBy, JSON.stringify(b), b.loopCategoryCodes, w.status, w.at, w.by],
  );
  return r.rows[0]?.created ?? false;
}

/** The names of loop case categories (matters of the case loop), by code: the current version of any town's. */
export async function loopCategoryNames(tx: Tx, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const r = await tx.query<{ code: string; name: string }>(
    'select distinct on (code) code, name from matters where code = any($1::text[]) and current order by code, created_at desc',
    [[...new Set(codes)]],
  );
  return new Map(r.rows.map((x) => [x.code, x.name]));
}

export interface ChecklistSeed {
  id: string;
  department: string;
  title: string;
  items: string[];
  placeKinds: string[];
  sort: number;
}

export async function insertChecklist(tx: Tx, c: ChecklistSeed): Promise<void> {
  await tx.query(
    `insert into inspection_checklists (id, department, title, items, place_kinds, sort) values ($1,$2,$3,$4,$5,$6)
     on conflict (id) do nothing`,
    [c.id, c.department, c.title, JSON.stringify(c.items), c.placeKinds, c.sort],
  );
}

/** A matter by its code wherever it lies (a case keeps the matter it was opened under). */
export async function findMatterByCode(tx: Tx, code: string): Promise<MatterRow | null> {
  const r = await tx.query<MatterRow>(`${SELECT} where m.code = $1`, [code]);
  return r.rows[0] ?? null;
}
