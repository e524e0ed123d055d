import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import type { Role } from '../../shared/roles.ts';
import type { ImportMode, ImportStatus, RegistryKind } from '../../shared/registry.ts';
import { reachSql, type Reach } from './reach.ts';

/*
 * SQL of registry imports: the import rows and their rejections, the importer as the job sees it, the look-ups that
 * place a batch of rows (buildings by name, households by room or address, existing ID numbers) and the batch writes
 * (one multi-row INSERT … SELECT FROM jsonb_to_recordset per table and batch). No rules here.
 */

export interface ImportRow {
  id: string; kind: RegistryKind; mode: ImportMode; format: 'xlsx' | 'csv'; status: ImportStatus;
  scope_org_unit_id: string; scope_path: string; file_name: string | null;
  total: number | null; processed: number; accepted: number; rejected_count: number; failure: string | null;
  /** runs started so far (026): counted as a run starts, so a run whose worker died counts too */
  attempts: number;
  created_by: string; created_by_name: string | null; idempotency_key: string | null;
  created_at: Date; started_at: Date | null; finished_at: Date | null;
}

const IMPORT_SELECT = `select i.*, a.name as created_by_name from registry_imports i left join accounts a on a.id = i.created_by`;

export async function insertImport(tx: Tx, i: {
  id: string; kind: RegistryKind; mode: ImportMode; format: 'xlsx' | 'csv'; scopeOrgUnitId: string; scopePath: string;
  fileName: string | null; createdBy: string; idempotencyKey: string | null; now: Date;
}): Promise<boolean> {
  const r = await tx.query(
    `insert into registry_imports (id, kind, mode, format, status, scope_org_unit_id, scope_path, file_name, created_by, idempotency_key, created_at)
     values ($1,$2,$3,$4,'queued',$5,$6,$7,$8,$9,$10) on conflict do nothing`,
    [i.id, i.kind, i.mode, i.format, i.scopeOrgUnitId, i.scopePath, i.fileName, i.createdBy, i.idempotencyKey, i.now]);
  return r.rowCount === 1;
}

export async function findImportByKey(tx: Tx, createdBy: string, key: string): Promise<ImportRow | null> {
  const r = await tx.query<ImportRow>(`${IMPORT_SELECT} where i.created_by = $1 and i.idempotency_key = $2`, [createdBy, key]);
  return r.rows[0] ?? null;
}

/**
 * An import the caller may read: its own, or (for an admin) one started by anyone inside the admin's scope.
 * `adminPath` null: only its own.
 */
export async function findImport(tx: Tx, id: string, viewer: { accountId: string; adminPath: string | null }): Promise<ImportRow | null> {
  const r = await tx.query<ImportRow>(
    `${IMPORT_SELECT} where i.id = $1 and (i.created_by = $2 or ($3::text is not null and i.scope_path like $3))`,
    [id, viewer.accountId, viewer.adminPath === null ? null : likePrefix(viewer.adminPath)]);
  return r.rows[0] ?? null;
}

export async function getImport(tx: Tx, id: string): Promise<ImportRow | null> {
  const r = await tx.query<ImportRow>(`${IMPORT_SELECT} where i.id = $1`, [id]);
  return r.rows[0] ?? null;
}

export async function listImports(tx: Tx, createdBy: string, limit: number): Promise<ImportRow[]> {
  const r = await tx.query<ImportRow>(`${IMPORT_SELECT} where i.created_by = $1 order by i.created_at desc, i.id desc limit $2`, [createdBy, limit]);
  return r.rows;
}

/** Imports not finished (queued, or running when their worker died), oldest first. */
export async function listUnfinishedImports(tx: Tx, limit: number): Promise<string[]> {
  const r = await tx.query<{ id: string }>(
    `select id from registry_imports where status in ('queued','running') order by created_at, id limit $1`, [limit]);
  return r.rows.map((x) => x.id);
}

/** Imports finished between `since` and `before`: their files go. */
export async function listFinishedBetween(tx: Tx, since: Date, before: Date, limit: number): Promise<string[]> {
  const r = await tx.query<{ id: string }>(
    `select id from registry_imports where status in ('done','failed') and finished_at >= $1 and finished_at < $2 order by finished_at limit $3`,
    [since, before, limit]);
  return r.rows.map((x) => x.id);
}

/** The run starts: the import is running and one more attempt is counted. */
export async function markRunning(tx: Tx, id: string, now: Date, restart: boolean): Promise<void> {
  await tx.query(
    `update registry_imports set status = 'running', attempts = attempts + 1, started_at = coalesce(started_at, $2)${restart ? ', processed = 0, rejected_count = 0, accepted = 0' : ''}
      where id = $1`, [id, now]);
  if (restart) await tx.query('delete from registry_import_rejections where import_id = $1', [id]);
}

export async function setProgress(tx: Tx, id: string, p: { total?: number | null; processed: number; accepted: number; rejected: number }): Promise<void> {
  await tx.query(
    `update registry_imports set processed = $2, accepted = $3, rejected_count = $4, total = coalesce($5, total) where id = $1`,
    [id, p.processed, p.accepted, p.rejected, p.total ?? null]);
}

export async function finishImport(tx: Tx, id: string, o: { status: 'done' | 'failed'; failure: string | null; total: number | null; now: Date }): Promise<void> {
  await tx.query(
    `update registry_imports set status = $2, failure = $3, total = coalesce($4, total), finished_at = $5 where id = $1`,
    [id, o.status, o.failure, o.total, o.now]);
}

export interface RejectionRow { row_number: number; column_name: string | null; code: string; message_zh: string; message_en: string }

export async function insertRejections(tx: Tx, importId: string, rows: readonly RejectionRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `insert into registry_import_rejections (import_id, row_number, column_name, code, message_zh, message_en)
     select $1, x.row_number, x.column_name, x.code, x.message_zh, x.message_en
       from jsonb_to_recordset($2::jsonb) as x(row_number int, column_name text, code text, message_zh text, message_en text)`,
    [importId, JSON.stringify(rows)]);
}

export async function listRejections(tx: Tx, importId: string, limit: number, afterRow = 0): Promise<RejectionRow[]> {
  const r = await tx.query<RejectionRow>(
    `select row_number, column_name, code, message_zh, message_en from registry_import_rejections
      where import_id = $1 and row_number > $2 order by row_number, id limit $3`, [importId, afterRow, limit]);
  return r.rows;
}

/** The row numbers rejected up to `upTo` (a resumed import skips them when it rebuilds what the file held). */
export async function rejectedRowNumbers(tx: Tx, importId: string, upTo: number): Promise<Set<number>> {
  const r = await tx.query<{ row_number: number }>(
    'select distinct row_number from registry_import_rejections where import_id = $1 and row_number <= $2', [importId, upTo]);
  return new Set(r.rows.map((x) => x.row_number));
}

/** The importer as the job sees it now: roles, territory and team grids (null when disabled). */
export interface ImporterRow {
  id: string; username: string; name: string; roles: Role[]; scope_org_unit_id: string | null; scope_path: string | null;
  grids: { grid_id: string; team_role: string }[];
}

export async function findImporter(tx: Tx, accountId: string): Promise<ImporterRow | null> {
  const r = await tx.query<ImporterRow>(
    `select a.id, a.username, a.name, a.roles, a.scope_org_unit_id, s.path as scope_path,
            coalesce((select json_agg(json_build_object('grid_id', g.grid_id, 'team_role', g.team_role) order by g.sort)
                        from grid_team_members g where g.account_id = a.id), '[]') as grids
       from accounts a left join org_units s on s.id = a.scope_org_unit_id
      where a.id = $1 and a.disabled_at is null`, [accountId]);
  return r.rows[0] ?? null;
}

export interface GridInfo { id: string; path: string; town_id: string; level: string }

/** Grids by id with their path and town (for placing rows by location). */
export async function gridsById(tx: Tx, ids: readonly string[]): Promise<GridInfo[]> {
  if (ids.length === 0) return [];
  const r = await tx.query<GridInfo>(
    `select g.id, g.path, g.level, t.id as town_id from org_units g
       join org_units t on t.level = 'town' and g.path like t.path || '%'
      where g.id = any($1::text[]) and g.level in ('grid','dedicatedGrid') and g.retired_at is null`, [ids]);
  return r.rows;
}

export interface PlacedBuilding { id: string; name: string; grid_id: string; org_path: string; town_id: string; lng: number; lat: number }

/** Buildings in reach by exact name (several when names repeat). */
export async function buildingsByName(tx: Tx, reach: Reach, names: readonly string[]): Promise<PlacedBuilding[]> {
  if (names.length === 0) return [];
  const params: unknown[] = [names];
  const r = await tx.query<PlacedBuilding>(
    `select b.id, b.name, b.grid_id, b.org_path, b.town_id, b.lng, b.lat from registry_buildings b
      where b.name = any($1::text[]) and b.retired_at is null and ${reachSql(reach, 'b', params)}`, params);
  return r.rows;
}

export interface PlacedHousehold { id: string; building_id: string | null; unit_no: number | null; room_no: string | null; address: string; grid_id: string; org_path: string; town_id: string }

/** Households in these buildings' rooms. */
export async function householdsInRooms(tx: Tx, buildingIds: readonly string[]): Promise<PlacedHousehold[]> {
  if (buildingIds.length === 0) return [];
  const r = await tx.query<PlacedHousehold>(
    `select id, building_id, unit_no, room_no, address, grid_id, org_path, town_id from registry_households
      where building_id = any($1::text[]) and retired_at is null`, [buildingIds]);
  return r.rows;
}

/** Households in reach by exact address. */
export async function householdsByAddress(tx: Tx, reach: Reach, addresses: readonly string[]): Promise<PlacedHousehold[]> {
  if (addresses.length === 0) return [];
  const params: unknown[] = [addresses];
  const r = await tx.query<PlacedHousehold>(
    `select h.id, h.building_id, h.unit_no, h.room_no, h.address, h.grid_id, h.org_path, h.town_id from registry_households h
      where h.address = any($1::text[]) and h.retired_at is null and ${reachSql(reach, 'h', params)}`, params);
  return r.rows;
}

/** Which of these ID-number hashes the registry holds already (anywhere: an ID number is one person). */
export async function existingIdNumberHashes(tx: Tx, hashes: readonly string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const r = await tx.query<{ id_number_hash: string }>(
    'select id_number_hash from registry_residents where id_number_hash = any($1::text[])', [hashes]);
  return new Set(r.rows.map((x) => x.id_number_hash));
}

/** Residents in reach by ID-number hash (a household's head). */
export async function residentsByHash(tx: Tx, reach: Reach, hashes: readonly string[]): Promise<{ id: string; id_number_hash: string }[]> {
  if (hashes.length === 0) return [];
  const params: unknown[] = [hashes];
  const r = await tx.query<{ id: string; id_number_hash: string }>(
    `select r.id, r.id_number_hash from registry_residents r where r.id_number_hash = any($1::text[]) and r.left_at is null and ${reachSql(reach, 'r', params)}`, params);
  return r.rows;
}

/** Names of buildings in reach that already exist (a building import refuses a second one of the same name). */
export async function existingBuildingNames(tx: Tx, reach: Reach, names: readonly string[]): Promise<Set<string>> {
  return new Set((await buildingsByName(tx, reach, names)).map((b) => b.name));
}

/** Column lists of each table the import writes, with their SQL types (for jsonb_to_recordset). */
export const WRITE_COLUMNS = {
  registry_residents: {
    id: 'text', town_id: 'text', grid_id: 'text', org_path: 'text', household_id: 'text', relation: 'text', name: 'text',
    name_pinyin: 'text', name_initials: 'text', id_number: 'text', id_number_hash: 'text', id_number_masked: 'text',
    phone: 'text', phone_hash: 'text', phone_masked: 'text', gender: 'text', birth_date: 'date', tags: 'text[]',
    party_member: 'boolean', note: 'text',
  },
  registry_households: {
    id: 'text', town_id: 'text', grid_id: 'text', org_path: 'text', building_id: 'text', unit_no: 'integer', floor_no: 'integer',
    room_no: 'text', address: 'text', lng: 'double precision', lat: 'double precision', head_resident_id: 'text',
    residence_kind: 'text', note: 'text',
  },
  registry_buildings: {
    id: 'text', town_id: 'text', grid_id: 'text', org_path: 'text', name: 'text', name_initials: 'text', address: 'text',
    lng: 'double precision', lat: 'double precision', units: 'integer', floors: 'integer', rooms_per_floor: 'integer',
    structure: 'text', built_year: 'integer', note: 'text',
  },
  registry_places: {
    id: 'text', town_id: 'text', grid_id: 'text', org_path: 'text', kind: 'text', name: 'text', name_initials: 'text',
    address: 'text', lng: 'double precision', lat: 'double precision', credit_code: 'text', contact_name: 'text',
    contact_phone: 'text', contact_phone_hash: 'text', contact_phone_masked: 'text', note: 'text',
  },
  registry_things: {
    id: 'text', town_id: 'text', grid_id: 'text', org_path: 'text', kind: 'text', name: 'text', name_initials: 'text',
    address: 'text', lng: 'double precision', lat: 'double precision', building_id: 'text', risk_level: 'text',
    inspection_every_days: 'integer', note: 'text',
  },
} as const;

export type WriteTable = keyof typeof WRITE_COLUMNS;
export type WriteRecord = Record<string, unknown> & { id: string; org_path: string };
const ENTITY: Record<WriteTable, string> = {
  registry_residents: 'resident', registry_households: 'household', registry_buildings: 'building', registry_places: 'place', registry_things: 'thing',
};

/**
 * One batch into one table with its history rows (action 'import'), in one statement: records whose unique key is
 * taken already (an ID number, a household's room) are skipped; answers the ids written.
 */
export async function insertBatch(tx: Tx, table: WriteTable, records: readonly (WriteRecord & { after: unknown; history_household_id: string | null })[],
  who: { at: Date; actorId: string; actorName: string; reason: string | null }): Promise<Set<string>> {
  if (records.length === 0) return new Set();
  const cols = WRITE_COLUMNS[table];
  const names = Object.keys(cols);
  const def = [...names.map((n) => `${n} ${cols[n as keyof typeof cols]}`), 'after jsonb', 'history_household_id text'].join(', ');
  const conflict = table === 'registry_residents' ? ' on conflict (id_number_hash) do nothing'
    : table === 'registry_households' ? ' on conflict (building_id, unit_no, room_no) where building_id is not null and retired_at is null do nothing' : '';
  const r = await tx.query<{ id: string }>(
    `with x as (select * from jsonb_to_recordset($1::jsonb) as x(${def})),
          ins as (insert into ${table} (${names.join(', ')}, created_at, updated_at)
                  select ${names.map((n) => `x.${n}`).join(', ')}, $2, $2 from x${conflict} returning id)
     , ch as (insert into registry_changes (entity_kind, entity_id, household_id, org_path, at, actor_id, actor_name, action, reason, after)
              select '${ENTITY[table]}', x.id, x.history_household_id, x.org_path, $2, $3, $4, 'import', $5, x.after from x join ins on ins.id = x.id)
     select id from ins`,
    [JSON.stringify(records), who.at, who.actorId, who.actorName, who.reason]);
  return new Set(r.rows.map((x) => x.id));
}

/** A household's head named in the import: set where the household has none yet. */
export async function setHeads(tx: Tx, heads: readonly { household_id: string; resident_id: string }[]): Promise<void> {
  if (heads.length === 0) return;
  await tx.query(
    `update registry_households h set head_resident_id = x.resident_id
       from jsonb_to_recordset($1::jsonb) as x(household_id text, resident_id text)
      where h.id = x.household_id and h.head_resident_id is null`, [JSON.stringify(heads)]);
}
