import type { Tx } from '../platform/db/db.ts';

export interface MatterRow {
  id: string;
  town_id: string;
  code: string;
  version: number;
  current: boolean;
  name: string;
  class: string;
  list: 'basic' | 'cooperative' | 'withdrawn';
  tier: 'grid' | 'community' | 'town' | 'district';
  post_code: string | null;
  /** The post's name in the town (absent where a caller reads matters without it). */
  post_name?: string | null;
  department_name: string | null;
  sla: Record<string, number>;
  escalate_after_h: number | null;
  on_spot: boolean;
  urgent: boolean;
  machine_source: string | null;
  duplicate_radius_m: number;
  retired_at: Date | null;
  created_at: Date;
}

const COLUMNS = `id, town_id, code, version, current, name, class, list, tier, post_code, department_name, sla,
  escalate_after_h, on_spot, urgent, machine_source, duplicate_radius_m, retired_at, created_at,
  (select p.name from posts p where p.town_id = matters.town_id and p.code = matters.post_code) as post_name`;

export async function listCurrentMatters(tx: Tx, townId: string, includeRetired: boolean): Promise<MatterRow[]> {
  const r = await tx.query<MatterRow>(
    `select ${COLUMNS} from matters where town_id = $1 and current and ($2 or retired_at is null) order by code`,
    [townId, includeRetired],
  );
  return r.rows;
}

/** Serialises the writers of one Matter code of a town until the transaction ends: versions are read, then written. */
export async function lockMatterCode(tx: Tx, townId: string, code: string): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock(hashtext('matter:' || $1::text || ':' || $2::text))`, [townId, code]);
}

export async function findCurrentMatter(tx: Tx, townId: string, code: string): Promise<MatterRow | null> {
  const r = await tx.query<MatterRow>(`select ${COLUMNS} from matters where town_id = $1 and code = $2 and current`, [townId, code]);
  return r.rows[0] ?? null;
}

export async function findMatterById(tx: Tx, id: string): Promise<MatterRow | null> {
  const r = await tx.query<MatterRow>(`select ${COLUMNS} from matters where id = $1`, [id]);
  return r.rows[0] ?? null;
}

export async function listMatterVersions(tx: Tx, townId: string, code: string): Promise<MatterRow[]> {
  const r = await tx.query<MatterRow>(`select ${COLUMNS} from matters where town_id = $1 and code = $2 order by version desc`, [townId, code]);
  return r.rows;
}

/** Whether the town has a post of this code, and its district a department of this name (false when not asked). */
export async function findRoutingTargets(
  tx: Tx, townId: string, postCode: string | null, departmentName: string | null,
): Promise<{ post: boolean; department: boolean }> {
  const r = await tx.query<{ post: boolean; department: boolean }>(
    `select exists (select 1 from posts where town_id = $1 and code = $2 and retired_at is null) as post,
            exists (select 1 from departments d join org_units t on t.parent_id = d.district_id where t.id = $1 and d.name = $3) as department`,
    [townId, postCode, departmentName]);
  return r.rows[0]!;
}

export type NewMatterVersion = Omit<MatterRow, 'id' | 'version' | 'current' | 'created_at' | 'retired_at' | 'machine_source'> & {
  retired_at?: Date | null;
  machine_source?: string | null;
  created_by: string | null;
};

/** Writes a new version of a Matter and makes it the current one; earlier cases keep pointing at theirs. */
export async function insertMatterVersion(tx: Tx, m: NewMatterVersion): Promise<MatterRow> {
  const prev = await tx.query<{ version: number }>(
    'update matters set current = false where town_id = $1 and code = $2 and current returning version', [m.town_id, m.code]);
  const version = (prev.rows[0]?.version ?? 0) + 1;
  const r = await tx.query<MatterRow>(
    `insert into matters (town_id, code, version, current, name, class, list, tier, post_code, department_name, sla,
       escalate_after_h, on_spot, urgent, duplicate_radius_m, retired_at, created_by, machine_source)
     values ($1,$2,$3,true,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17) returning ${COLUMNS}`,
    [m.town_id, m.code, version, m.name, m.class, m.list, m.tier, m.post_code, m.department_name, JSON.stringify(m.sla),
      m.escalate_after_h, m.on_spot, m.urgent, m.duplicate_radius_m, m.retired_at ?? null, m.created_by, m.machine_source ?? null],
  );
  return r.rows[0]!;
}
