import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { reachSql, type Reach } from './reach.ts';

/*
 * SQL of the registry's people and houses (residents, households, buildings), the change history and the
 * Idempotency-Keys. Every read that answers a caller takes its reach and puts it in the query. Insert functions take
 * the transaction first and hold no rules, so the import (H3) can call them inside its own batches.
 */

export interface ResidentRow {
  id: string; version: number; town_id: string; grid_id: string; org_path: string; household_id: string | null;
  relation: string | null; name: string; name_pinyin: string; name_initials: string;
  id_number: string; id_number_hash: string; id_number_masked: string;
  phone: string | null; phone_hash: string | null; phone_masked: string | null;
  gender: 'male' | 'female'; birth_date: string; tags: string[]; party_member: boolean; note: string | null;
  created_at: Date; updated_at: Date; left_at: Date | null; left_reason: string | null;
  grid_name: string; household_address: string | null;
}

export interface HouseholdRow {
  id: string; version: number; town_id: string; grid_id: string; org_path: string; building_id: string | null;
  unit_no: number | null; floor_no: number | null; room_no: string | null; address: string;
  lng: number | null; lat: number | null; head_resident_id: string | null; residence_kind: string; note: string | null;
  created_at: Date; updated_at: Date; retired_at: Date | null;
  grid_name: string; building_name: string | null; head_name: string | null; member_count: number; member_tags: string[];
}

export interface BuildingRow {
  id: string; version: number; town_id: string; grid_id: string; org_path: string; name: string; name_initials: string;
  address: string | null; lng: number; lat: number; units: number; floors: number; rooms_per_floor: number;
  structure: string | null; built_year: number | null; note: string | null; created_at: Date; updated_at: Date;
  retired_at: Date | null; grid_name: string; household_count: number;
}

/** A page of a list: keyset on (sort key, id) when `after` is given, else offset. */
export interface Paging { limit: number; offset: number; after: [string, string] | null }

/** `%text%` with LIKE's own characters escaped. */
export const likeAny = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function keyset(sortExpr: string, idExpr: string, paging: Paging, params: unknown[]): string | null {
  if (!paging.after) return null;
  params.push(paging.after[0], paging.after[1]);
  return `(${sortExpr}, ${idExpr}) > ($${params.length - 1}::text, $${params.length}::text)`;
}

function pageSql(paging: Paging, params: unknown[]): string {
  params.push(paging.limit);
  let sql = ` limit $${params.length}`;
  if (!paging.after && paging.offset > 0) {
    params.push(paging.offset);
    sql += ` offset $${params.length}`;
  }
  return sql;
}

/** Sets the given columns and bumps the version when it is still `version`; false when stale (or gone). */
export async function updateVersioned(tx: Tx, table: RegistryTable, id: string, version: number, set: Record<string, unknown>, now: Date): Promise<boolean> {
  const cols = Object.keys(set);
  const params: unknown[] = [id, version, now, ...cols.map((c) => set[c])];
  const assign = cols.map((c, i) => `${c} = $${i + 4}`).join(', ');
  const r = await tx.query(
    `update ${table} set ${assign}${cols.length ? ', ' : ''}version = version + 1, updated_at = $3 where id = $1 and version = $2`, params);
  return r.rowCount === 1;
}
export type RegistryTable = 'registry_residents' | 'registry_households' | 'registry_buildings' | 'registry_places' | 'registry_things' | 'registry_hazards';

/** Inserts a row of one of the registry's tables from its columns; answers its id. */
export async function insertRow(tx: Tx, table: RegistryTable, row: Record<string, unknown>): Promise<string> {
  const cols = Object.keys(row);
  const r = await tx.query<{ id: string }>(
    `insert into ${table} (${cols.join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')}) returning id`,
    cols.map((c) => row[c]));
  return r.rows[0]!.id;
}

// ---------------------------------------------------------------------------------------------------------------------
// Residents

const RESIDENT_SELECT = `select r.*, to_char(r.birth_date, 'YYYY-MM-DD') as birth_day, g.name as grid_name, h.address as household_address
  from registry_residents r join org_units g on g.id = r.grid_id left join registry_households h on h.id = r.household_id`;

/** Dates as YYYY-MM-DD strings (drivers answer a date column as a Date at local midnight). */
const resident = (r: ResidentRow & { birth_day?: string }): ResidentRow => ({ ...r, birth_date: r.birth_day ?? r.birth_date });

export async function findResident(tx: Tx, reach: Reach | null, id: string, forUpdate = false): Promise<ResidentRow | null> {
  const params: unknown[] = [id];
  const where = reach ? ` and ${reachSql(reach, 'r', params)}` : '';
  const r = await tx.query<ResidentRow>(`${RESIDENT_SELECT} where r.id = $1${where}${forUpdate ? ' for update of r' : ''}`, params);
  return r.rows[0] ? resident(r.rows[0]) : null;
}

/** The resident holding this ID number (its hash), wherever it is: to refuse a duplicate. */
export async function findResidentByIdNumberHash(tx: Tx, hash: string): Promise<{ id: string; grid_id: string; org_path: string } | null> {
  const r = await tx.query<{ id: string; grid_id: string; org_path: string }>(
    'select id, grid_id, org_path from registry_residents where id_number_hash = $1', [hash]);
  return r.rows[0] ?? null;
}

export interface ResidentFilter {
  q?: string | undefined;
  idNumberHash?: string | undefined;
  phoneHash?: string | undefined;
  tags?: readonly string[] | undefined;
  /** path of the unit named by gridId */
  underPath?: string | null | undefined;
  householdId?: string | undefined;
  includeLeft?: boolean | undefined;
}

/** Depth of a community's path (/city/district/town/community/): a search area this deep or deeper is a community or less. */
const COMMUNITY_DEPTH = 4;
const depthOf = (path: string) => path.split('/').filter((x) => x !== '').length;

/**
 * Whether a search covers a community or less (a grid worker's grids, community staff, or a community or grid named):
 * there `q` also matches part of a name and part of the household's address (a community: ~13,000 residents, ~4,000
 * households). Over a town or more those would read every resident of it (docs/benchmarks.md, registry-search), so
 * there `q` is a prefix of the name, its pinyin or initials, which migration 024's indexes serve with the scope on
 * their entries.
 */
export function searchesOneCommunity(reach: Reach, underPath: string | null | undefined): boolean {
  return reach.gridIds !== null || depthOf(underPath ?? reach.scopePath) >= COMMUNITY_DEPTH;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function residentWhere(reach: Reach, f: ResidentFilter, params: unknown[]): string[] {
  const where = [reachSql(reach, 'r', params)];
  if (!f.includeLeft) where.push('r.left_at is null');
  if (f.q) {
    params.push(`${escapeLike(f.q)}%`, `${escapeLike(f.q.toLowerCase())}%`);
    const a = params.length - 1;
    const branches = [`r.name like $${a}`, `r.name_initials like $${a + 1}`, `r.name_pinyin like $${a + 1}`];
    if (searchesOneCommunity(reach, f.underPath)) {
      params.push(likeAny(f.q));
      const any = params.length;
      branches.push(`r.name like $${any}`,
        `r.household_id = any(array(select x.id from registry_households x where ${reachSql(reach, 'x', params)} and x.address like $${any}))`);
    }
    where.push(`(${branches.join(' or ')})`);
  }
  if (f.idNumberHash) { params.push(f.idNumberHash); where.push(`r.id_number_hash = $${params.length}`); }
  if (f.phoneHash) { params.push(f.phoneHash); where.push(`r.phone_hash = $${params.length}`); }
  if (f.tags && f.tags.length > 0) {
    // over a town or more, the territory's own matches from migration 027's index ('elderly_alone /city/town/'), not
    // the whole registry's matches checked one by one against the scope (which stays as it is, above: this only
    // narrows). Within a community or less the scope's path index reads few rows, and there a plain check of the tags
    // is cheaper than the index's function on each of them.
    const area = f.underPath ?? reach.scopePath;
    if (!searchesOneCommunity(reach, f.underPath) && area.startsWith('/') && area.endsWith('/') && depthOf(area) > 0) {
      params.push(f.tags.map((t) => `${t} ${area}`));
      where.push(`registry_tag_scopes(r.tags, r.org_path) && $${params.length}::text[]`);
    } else {
      params.push(f.tags);
      where.push(`r.tags && $${params.length}::text[]`);
    }
  }
  if (f.underPath) { params.push(likePrefix(f.underPath)); where.push(`r.org_path like $${params.length}`); }
  if (f.householdId) { params.push(f.householdId); where.push(`r.household_id = $${params.length}`); }
  return where;
}

/** Residents in reach matching the filters, by pinyin then id (the keyset of `after`). */
export async function listResidents(tx: Tx, reach: Reach, f: ResidentFilter, paging: Paging): Promise<ResidentRow[]> {
  const params: unknown[] = [];
  const where = residentWhere(reach, f, params);
  const k = keyset('r.name_pinyin', 'r.id', paging, params);
  if (k) where.push(k);
  // the page is chosen from the residents alone, then only its rows joined to their grid and household: a town-wide
  // search matching thousands joins 51, not every match (the grid always exists, so the join leaves no row out)
  const r = await tx.query<ResidentRow>(
    `select r.*, to_char(r.birth_date, 'YYYY-MM-DD') as birth_day, g.name as grid_name, h.address as household_address
       from (select r.* from registry_residents r where ${where.join(' and ')} order by r.name_pinyin, r.id${pageSql(paging, params)}) r
       join org_units g on g.id = r.grid_id left join registry_households h on h.id = r.household_id
      order by r.name_pinyin, r.id`, params);
  return r.rows.map(resident);
}

export async function countResidents(tx: Tx, reach: Reach, f: ResidentFilter): Promise<number> {
  const params: unknown[] = [];
  const where = residentWhere(reach, f, params);
  const r = await tx.query<{ n: number }>(
    `select count(*)::int as n from registry_residents r where ${where.join(' and ')}`, params);
  return r.rows[0]!.n;
}

/** Current members of households (no reach: the households were read within it). */
export async function listMembers(tx: Tx, householdIds: readonly string[]): Promise<ResidentRow[]> {
  if (householdIds.length === 0) return [];
  const r = await tx.query<ResidentRow>(
    `${RESIDENT_SELECT} where r.household_id = any($1::text[]) and r.left_at is null
      order by r.household_id, case r.relation when 'head' then 0 else 1 end, r.birth_date, r.id`, [householdIds]);
  return r.rows.map(resident);
}

// ---------------------------------------------------------------------------------------------------------------------
// Households

const HOUSEHOLD_SELECT = `select h.*, g.name as grid_name, b.name as building_name, hd.name as head_name,
    coalesce(m.n, 0)::int as member_count, coalesce(m.tags, '{}') as member_tags
  from registry_households h join org_units g on g.id = h.grid_id
  left join registry_buildings b on b.id = h.building_id
  left join registry_residents hd on hd.id = h.head_resident_id
  left join lateral (select count(*) as n, (select coalesce(array_agg(distinct t), '{}') from registry_residents x, unnest(x.tags) t
                                             where x.household_id = h.id and x.left_at is null) as tags
                       from registry_residents x where x.household_id = h.id and x.left_at is null) m on true`;

export async function findHousehold(tx: Tx, reach: Reach | null, id: string, forUpdate = false): Promise<HouseholdRow | null> {
  const params: unknown[] = [id];
  const where = reach ? ` and ${reachSql(reach, 'h', params)}` : '';
  const r = await tx.query<HouseholdRow>(`${HOUSEHOLD_SELECT} where h.id = $1 and h.retired_at is null${where}${forUpdate ? ' for update of h' : ''}`, params);
  return r.rows[0] ?? null;
}

/** A household as its commands need it: the row and its grid's name, without the members' count and tags the pages show. */
export type HouseholdRecord = Omit<HouseholdRow, 'building_name' | 'head_name' | 'member_count' | 'member_tags'>;

/** The household to write to or under (one row by key): for commands, where `findHousehold`'s counts would go unread. */
export async function findHouseholdRecord(tx: Tx, reach: Reach | null, id: string, forUpdate = false): Promise<HouseholdRecord | null> {
  const params: unknown[] = [id];
  const where = reach ? ` and ${reachSql(reach, 'h', params)}` : '';
  const r = await tx.query<HouseholdRecord>(
    `select h.*, g.name as grid_name from registry_households h join org_units g on g.id = h.grid_id
      where h.id = $1 and h.retired_at is null${where}${forUpdate ? ' for update of h' : ''}`, params);
  return r.rows[0] ?? null;
}

export interface HouseholdFilter {
  q?: string | undefined;
  underPath?: string | null | undefined;
  buildingId?: string | undefined;
  tags?: readonly string[] | undefined;
}

function householdWhere(reach: Reach, f: HouseholdFilter, params: unknown[]): string[] {
  const where = [reachSql(reach, 'h', params), 'h.retired_at is null'];
  if (f.q) {
    params.push(likeAny(f.q));
    where.push(`(h.address like $${params.length} or exists (select 1 from registry_residents x where x.household_id = h.id and x.left_at is null and x.name like $${params.length}))`);
  }
  if (f.underPath) { params.push(likePrefix(f.underPath)); where.push(`h.org_path like $${params.length}`); }
  if (f.buildingId) { params.push(f.buildingId); where.push(`h.building_id = $${params.length}`); }
  if (f.tags && f.tags.length > 0) {
    params.push(f.tags);
    where.push(`exists (select 1 from registry_residents x where x.household_id = h.id and x.left_at is null and x.tags && $${params.length}::text[])`);
  }
  return where;
}

export async function listHouseholds(tx: Tx, reach: Reach, f: HouseholdFilter, paging: Paging): Promise<HouseholdRow[]> {
  const params: unknown[] = [];
  const where = householdWhere(reach, f, params);
  const k = keyset('h.address', 'h.id', paging, params);
  if (k) where.push(k);
  const r = await tx.query<HouseholdRow>(`${HOUSEHOLD_SELECT} where ${where.join(' and ')} order by h.address, h.id${pageSql(paging, params)}`, params);
  return r.rows;
}

export async function countHouseholds(tx: Tx, reach: Reach, f: HouseholdFilter): Promise<number> {
  const params: unknown[] = [];
  const r = await tx.query<{ n: number }>(`select count(*)::int as n from registry_households h where ${householdWhere(reach, f, params).join(' and ')}`, params);
  return r.rows[0]!.n;
}

/** The households of a building (its layout), with members' counts and tags. */
export async function listBuildingHouseholds(tx: Tx, buildingId: string): Promise<HouseholdRow[]> {
  const r = await tx.query<HouseholdRow>(`${HOUSEHOLD_SELECT} where h.building_id = $1 and h.retired_at is null order by h.unit_no, h.floor_no, h.room_no`, [buildingId]);
  return r.rows;
}

/** The live household in this room of a building, if any (one per room). */
export async function findHouseholdInRoom(tx: Tx, buildingId: string, unitNo: number | null, roomNo: string): Promise<string | null> {
  const r = await tx.query<{ id: string }>(
    'select id from registry_households where building_id = $1 and unit_no is not distinct from $2 and room_no = $3 and retired_at is null',
    [buildingId, unitNo, roomNo]);
  return r.rows[0]?.id ?? null;
}

// ---------------------------------------------------------------------------------------------------------------------
// Buildings

const BUILDING_SELECT = `select b.*, g.name as grid_name,
    (select count(*)::int from registry_households h where h.building_id = b.id and h.retired_at is null) as household_count
  from registry_buildings b join org_units g on g.id = b.grid_id`;

export async function findBuilding(tx: Tx, reach: Reach | null, id: string, forUpdate = false): Promise<BuildingRow | null> {
  const params: unknown[] = [id];
  const where = reach ? ` and ${reachSql(reach, 'b', params)}` : '';
  const r = await tx.query<BuildingRow>(`${BUILDING_SELECT} where b.id = $1 and b.retired_at is null${where}${forUpdate ? ' for update of b' : ''}`, params);
  return r.rows[0] ?? null;
}

/** A building as its commands need it: the row and its grid's name, without the households' count the pages show. */
export type BuildingRecord = Omit<BuildingRow, 'household_count'>;

/** The building to write to or under (one row by key): for commands, where `findBuilding`'s count would go unread. */
export async function findBuildingRecord(tx: Tx, reach: Reach | null, id: string, forUpdate = false): Promise<BuildingRecord | null> {
  const params: unknown[] = [id];
  const where = reach ? ` and ${reachSql(reach, 'b', params)}` : '';
  const r = await tx.query<BuildingRecord>(
    `select b.*, g.name as grid_name from registry_buildings b join org_units g on g.id = b.grid_id
      where b.id = $1 and b.retired_at is null${where}${forUpdate ? ' for update of b' : ''}`, params);
  return r.rows[0] ?? null;
}

export interface NamedFilter { q?: string | undefined; underPath?: string | null | undefined }

function buildingWhere(reach: Reach, f: NamedFilter, params: unknown[]): string[] {
  const where = [reachSql(reach, 'b', params), 'b.retired_at is null'];
  if (f.q) {
    params.push(likeAny(f.q), `${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(b.name like $${params.length - 1} or b.address like $${params.length - 1} or b.name_initials like $${params.length})`);
  }
  if (f.underPath) { params.push(likePrefix(f.underPath)); where.push(`b.org_path like $${params.length}`); }
  return where;
}

export async function listBuildings(tx: Tx, reach: Reach, f: NamedFilter, paging: Paging): Promise<BuildingRow[]> {
  const params: unknown[] = [];
  const where = buildingWhere(reach, f, params);
  const k = keyset('b.name', 'b.id', paging, params);
  if (k) where.push(k);
  const r = await tx.query<BuildingRow>(`${BUILDING_SELECT} where ${where.join(' and ')} order by b.name, b.id${pageSql(paging, params)}`, params);
  return r.rows;
}

export async function countBuildings(tx: Tx, reach: Reach, f: NamedFilter): Promise<number> {
  const params: unknown[] = [];
  const r = await tx.query<{ n: number }>(`select count(*)::int as n from registry_buildings b where ${buildingWhere(reach, f, params).join(' and ')}`, params);
  return r.rows[0]!.n;
}

// ---------------------------------------------------------------------------------------------------------------------
// History

export interface ChangeRow {
  id: string; entity_kind: string; entity_id: string; household_id: string | null; org_path: string; at: Date;
  actor_id: string | null; actor_name: string | null; action: string; reason: string | null;
  before: Record<string, unknown> | null; after: Record<string, unknown> | null;
}

export async function insertChange(tx: Tx, c: Omit<ChangeRow, 'id'>): Promise<void> {
  await tx.query(
    `insert into registry_changes (entity_kind, entity_id, household_id, org_path, at, actor_id, actor_name, action, reason, before, after)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
    [c.entity_kind, c.entity_id, c.household_id, c.org_path, c.at, c.actor_id, c.actor_name, c.action, c.reason,
      c.before === null ? null : JSON.stringify(c.before), c.after === null ? null : JSON.stringify(c.after)]);
}

/**
 * Inserts a row of one of the registry's tables (its id given), its history row and what `also` adds (the audit
 * entry: a data-modifying statement, its values pushed onto the parameters) in one statement.
 */
export async function insertRowWithChange(tx: Tx, table: RegistryTable, row: Record<string, unknown> & { id: string },
  c: Omit<ChangeRow, 'id'>, also: (params: unknown[]) => string): Promise<void> {
  const cols = Object.keys(row);
  const params: unknown[] = cols.map((k) => row[k]);
  const p = (v: unknown) => { params.push(v); return `$${params.length}`; };
  const sql = `with r as (insert into ${table} (${cols.join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')})),
          c as (insert into registry_changes (entity_kind, entity_id, household_id, org_path, at, actor_id, actor_name, action, reason, before, after)
                values (${p(c.entity_kind)}, ${p(c.entity_id)}, ${p(c.household_id)}, ${p(c.org_path)}, ${p(c.at)}, ${p(c.actor_id)}, ${p(c.actor_name)},
                        ${p(c.action)}, ${p(c.reason)}, ${p(c.before === null ? null : JSON.stringify(c.before))}, ${p(c.after === null ? null : JSON.stringify(c.after))}))
     `;
  await tx.query(`${sql}${also(params)}`, params);
}

/** Changes of one record, newest first. */
export async function listChanges(tx: Tx, kind: string, id: string, limit = 200): Promise<ChangeRow[]> {
  const r = await tx.query<ChangeRow>(
    `select id::text as id, entity_kind, entity_id, household_id, org_path, at, actor_id, actor_name, action, reason, before, after
       from registry_changes where entity_kind = $1 and entity_id = $2 order by id desc limit $3`, [kind, id, limit]);
  return r.rows;
}

/** Changes of a household and of everything written for it (members, hazards naming it), newest first. */
export async function listHouseholdChanges(tx: Tx, householdId: string, limit = 200): Promise<ChangeRow[]> {
  const r = await tx.query<ChangeRow>(
    `select id::text as id, entity_kind, entity_id, household_id, org_path, at, actor_id, actor_name, action, reason, before, after
       from registry_changes where household_id = $1 or (entity_kind = 'household' and entity_id = $1) order by id desc limit $2`,
    [householdId, limit]);
  return r.rows;
}

/** The hazards' own change rows (their follow-ups), oldest first. */
export async function listHazardChanges(tx: Tx, hazardIds: readonly string[]): Promise<ChangeRow[]> {
  if (hazardIds.length === 0) return [];
  const r = await tx.query<ChangeRow>(
    `select id::text as id, entity_kind, entity_id, household_id, org_path, at, actor_id, actor_name, action, reason, before, after
       from registry_changes where entity_kind = 'hazard' and entity_id = any($1::text[]) order by id`, [hazardIds]);
  return r.rows;
}

// ---------------------------------------------------------------------------------------------------------------------
// Idempotency-Key

export async function findRequest(tx: Tx, actorId: string, key: string): Promise<{ entity_kind: string; entity_id: string } | null> {
  const r = await tx.query<{ entity_kind: string; entity_id: string }>(
    'select entity_kind, entity_id from registry_requests where actor_id = $1 and request_key = $2', [actorId, key]);
  return r.rows[0] ?? null;
}

/** Records the key; false when another request with it got there first (its record is then the answer). */
export async function saveRequest(tx: Tx, actorId: string, key: string, kind: string, id: string, now: Date): Promise<boolean> {
  const r = await tx.query(
    `insert into registry_requests (actor_id, request_key, entity_kind, entity_id, created_at) values ($1,$2,$3,$4,$5)
     on conflict do nothing`, [actorId, key, kind, id, now]);
  return r.rowCount === 1;
}

// ---------------------------------------------------------------------------------------------------------------------
// Cases reported at a household (its members' phones) or near a point

export interface CaseRefRow {
  id: string; number: string; status: string; category_name: string; address: string | null; created_at: Date;
  lng: number; lat: number; reporter_phone_hash: string | null;
}

/** Cases in the viewer's case visibility reported by one of these phones, or inside the box, newest first. */
export async function listCasesAt(tx: Tx, viewer: { scopePath: string }, phoneHashes: readonly string[],
  box: { minLng: number; maxLng: number; minLat: number; maxLat: number } | null, limit: number): Promise<CaseRefRow[]> {
  const params: unknown[] = [likePrefix(viewer.scopePath), phoneHashes];
  let near = 'false';
  if (box) {
    params.push(box.minLng, box.maxLng, box.minLat, box.maxLat);
    near = `(c.lng between $3::float8 and $4::float8 and c.lat between $5::float8 and $6::float8)`;
  }
  params.push(limit);
  const r = await tx.query<CaseRefRow>(
    `select c.id, c.number, c.status, m.name as category_name, c.address, c.created_at, c.lng, c.lat, c.reporter_phone_hash
       from cases c join matters m on m.id = c.matter_id
      where c.org_path like $1 and (c.reporter_phone_hash = any($2::text[]) or ${near})
      order by c.created_at desc limit $${params.length}`, params);
  return r.rows;
}
