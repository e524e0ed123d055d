// One batch of an import: its rows checked (domain/registry/rows.ts), matched against the rest of the file (duplicates),
// placed in a grid of the importer's reach, matched against the registry (an ID number or a room already taken), and
// turned into the records the store writes. Placement, in this order:
//   1. a row naming a building (residents, households, things): the building of that name in the importer's reach
//      decides the grid (records follow their building); a resident or a household is put in that building's room;
//   2. else a row with coordinates: the grid holding the point (app.locator), which must be in reach;
//   3. else (an address alone) a resident joins the household registered at exactly that address in reach, and a
//      resident or household without one goes to the importer's own grid when the importer works in one grid (a grid
//      worker); otherwise the row is refused (LOCATION_UNRESOLVED). Buildings, places and things need coordinates or a
//      building: they are drawn on the map.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../platform/db/db.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import type { Locator } from '../../domain/org/locator.ts';
import type { RegistryKind } from '../../shared/registry.ts';
import { IMPORT_COLUMNS } from '../../domain/registry/columns.ts';
import { checkRow, type Cell, type RowContext, type RowValues } from '../../domain/registry/rows.ts';
import { maskIdNumber, maskPhone } from '../../domain/registry/mask.ts';
import { inReach, type Reach } from './reach.ts';
import { spell } from './spelling.ts';
import { rowProblem, type ImportRowProblem } from './import-problems.ts';
import {
  buildingsByName, existingBuildingNames, existingIdNumberHashes, gridsById, householdsByAddress, householdsInRooms,
  insertBatch, residentsByHash, setHeads, type GridInfo, type PlacedBuilding, type RejectionRow, type WriteRecord, type WriteTable,
} from './import-store.ts';
import type { SheetRow } from './import-reader.ts';

export interface BatchContext extends RowContext {
  kind: RegistryKind;
  reach: Reach;
  pii: PiiCipher;
  /** the grid locator as of this batch (taken before its transaction: the cache may ask the database) */
  locator: Locator;
  /** which column key each position of the file's rows holds */
  keys: readonly (string | null)[];
  /** the grid of an importer who works in one grid (a grid worker), else null */
  ownGrid: GridInfo | null;
  /** duplicates within the file: a key of each accepted row → its row number */
  seen: Map<string | number, number>;
  /** names spelt already (names repeat: 王秀英 …), emptied when it holds 10,000 */
  spelt?: Map<string, { pinyin: string; initials: string }>;
}

function spellOnce(ctx: BatchContext, name: string): { pinyin: string; initials: string } {
  ctx.spelt ??= new Map();
  let s = ctx.spelt.get(name);
  if (!s) {
    if (ctx.spelt.size >= 10_000) ctx.spelt.clear();
    s = spell(name);
    ctx.spelt.set(name, s);
  }
  return s;
}

type Record_ = WriteRecord & { after: unknown; history_household_id: string | null };

export interface CheckedRow {
  row: number;
  /** the key of the row against the rest of the file (a resident's ID number hash …) */
  seenKey: string | number | null;
  records: { table: WriteTable; record: Record_ }[];
  /** a resident named head of its household */
  head?: { household_id: string; resident_id: string };
}

export interface CheckedBatch { rows: CheckedRow[]; rejections: RejectionRow[] }

/** What a row's check costs in CPU, done ahead of its batch's transaction: the check, the hashes, the sealing. */
interface Prepared {
  checked: ReturnType<typeof checkRow>;
  idHash: string | null;
  sealed: Record<string, { sealed: string; hash: string } | null>;
  spelt: { pinyin: string; initials: string } | null;
}

const PERSONAL: Partial<Record<RegistryKind, readonly string[]>> = { residents: ['idNumber', 'phone'], places: ['contactPhone'] };

function prepare(ctx: BatchContext, r: SheetRow): Prepared {
  if (r.pre) return r.pre as Prepared;
  const checked = checkRow(ctx.kind, cellsByKey(ctx.keys, r.cells), ctx);
  const sealed: Prepared['sealed'] = {};
  let idHash: string | null = null;
  let spelt: Prepared['spelt'] = null;
  if (checked.ok) {
    const v = checked.value as unknown as Record<string, unknown>;
    for (const key of PERSONAL[ctx.kind] ?? []) {
      const value = v[key];
      sealed[key] = typeof value === 'string' ? { sealed: ctx.pii.encrypt(value), hash: ctx.pii.lookupHash(value) } : null;
    }
    idHash = sealed.idNumber?.hash ?? null;
    spelt = spellOnce(ctx, String(v.name ?? v.address ?? ''));
  }
  const pre: Prepared = { checked, idHash, sealed, spelt };
  r.pre = pre;
  return pre;
}

/**
 * Works out the rows' checks and sealed values ahead, yielding to the event loop every few rows: run while the
 * previous batch's transaction waits on the database, the CPU work of the next batch fills that wait.
 */
export async function prepareRows(ctx: BatchContext, rows: readonly SheetRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i++) {
    prepare(ctx, rows[i]!);
    if (i % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
  }
}

const header = (kind: RegistryKind, key: string) => IMPORT_COLUMNS[kind].find((c) => c.key === key)?.header ?? null;

/** The cells of a file row by column key. */
export function cellsByKey(keys: readonly (string | null)[], cells: readonly Cell[]): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  keys.forEach((k, i) => { if (k) out[k] = cells[i]; });
  return out;
}

/** A short number key of a keyed hash: 52 bits, so a Map of 100,000 keeps ~3 MB (a false match has odds of 1 in 10^9). */
const hashKey = (hash: string) => parseInt(hash.slice(0, 13), 16);

function dedupeKey(kind: RegistryKind, v: RowValues[RegistryKind], idHash: string | null): string | number | null {
  switch (kind) {
    case 'residents': return idHash === null ? null : hashKey(idHash);
    case 'households': {
      const h = v as RowValues['households'];
      return h.building && h.roomNo ? `r\u0000${h.building}\u0000${h.unitNo ?? ''}\u0000${h.roomNo}` : `a\u0000${h.address}`;
    }
    case 'buildings': return `b\u0000${(v as RowValues['buildings']).name}`;
    case 'places': { const p = v as RowValues['places']; return `p\u0000${p.name}\u0000${p.address ?? ''}\u0000${p.lng ?? ''},${p.lat ?? ''}`; }
    case 'things': { const t = v as RowValues['things']; return `t\u0000${t.name}\u0000${t.lng ?? ''},${t.lat ?? ''}\u0000${t.building ?? ''}`; }
  }
}

const DEDUPE_COLUMN: Record<RegistryKind, string> = { residents: 'idNumber', households: 'address', buildings: 'name', places: 'name', things: 'name' };

interface Placement { grid: GridInfo; building: PlacedBuilding | null }

/** Rows a resumed import accepted before it stopped: only their keys are remembered, for duplicates further down. */
export function rememberKeys(ctx: BatchContext, rows: readonly SheetRow[]): void {
  for (const r of rows) {
    const checked = checkRow(ctx.kind, cellsByKey(ctx.keys, r.cells), ctx);
    if (!checked.ok) continue;
    const idHash = ctx.kind === 'residents' ? ctx.pii.lookupHash((checked.value as RowValues['residents']).idNumber) : null;
    const key = dedupeKey(ctx.kind, checked.value, idHash);
    if (key !== null && !ctx.seen.has(key)) ctx.seen.set(key, r.row);
  }
}

/**
 * Checks a batch; writes nothing. `resumed` rows (before the point a resumed import starts at) are only remembered in
 * `seen` (when they were accepted), so that later duplicates are still found.
 */
export async function checkBatch(tx: Tx, ctx: BatchContext, rows: readonly SheetRow[]): Promise<CheckedBatch> {
  const rejections: RejectionRow[] = [];
  const valid: { row: number; v: RowValues[RegistryKind]; idHash: string | null; key: string | number | null; pre: Prepared }[] = [];
  for (const r of rows) {
    const pre = prepare(ctx, r);
    const checked = pre.checked;
    if (!checked.ok) {
      for (const p of checked.problems) rejections.push({ row_number: r.row, column_name: p.column, code: p.code, message_zh: p.zh, message_en: p.en });
      continue;
    }
    const idHash = pre.idHash;
    const key = dedupeKey(ctx.kind, checked.value, idHash);
    const first = key === null ? undefined : ctx.seen.get(key);
    if (first !== undefined) {
      rejections.push(rowProblem(r.row, header(ctx.kind, DEDUPE_COLUMN[ctx.kind]), 'DUPLICATE_IN_FILE', { first }));
      continue;
    }
    if (key !== null) ctx.seen.set(key, r.row);
    valid.push({ row: r.row, v: checked.value, idHash, key, pre });
  }

  const placed = await placeRows(tx, ctx, valid);
  const out: CheckedRow[] = [];
  const refuse = (row: { row: number; key: string | number | null }, column: string | null, code: ImportRowProblem, detail = {}) => {
    rejections.push(rowProblem(row.row, column, code, detail));
    if (row.key !== null && ctx.seen.get(row.key) === row.row) ctx.seen.delete(row.key);
  };

  const taken = ctx.kind === 'residents' ? await existingIdNumberHashes(tx, valid.flatMap((x) => (x.idHash ? [x.idHash] : []))) : new Set<string>();
  const buildingNames = ctx.kind === 'buildings' ? await existingBuildingNames(tx, ctx.reach, valid.map((x) => (x.v as RowValues['buildings']).name)) : new Set<string>();
  const heads = ctx.kind === 'households'
    ? new Map((await residentsByHash(tx, ctx.reach, valid.flatMap((x) => {
      const h = (x.v as RowValues['households']).headIdNumber;
      return h ? [ctx.pii.lookupHash(h)] : [];
    }))).map((r) => [r.id_number_hash, r.id]))
    : new Map<string, string>();
  const rooms = await roomsOf(tx, ctx, placed);

  for (const x of valid) {
    const p = placed.get(x.row)!;
    if ('problem' in p) { refuse(x, p.column, p.problem, p.detail); continue; }
    const base = { town_id: p.grid.town_id, grid_id: p.grid.id, org_path: p.grid.path };
    switch (ctx.kind) {
      case 'residents': {
        const v = x.v as RowValues['residents'];
        if (taken.has(x.idHash!)) { refuse(x, header('residents', 'idNumber'), 'ID_NUMBER_TAKEN'); continue; }
        const records: CheckedRow['records'] = [];
        let householdId: string | null = null;
        if (p.building && v.roomNo) {
          const room = rooms.get(roomKey(p.building.id, v.unitNo, v.roomNo))!;
          householdId = room.id;
          if (room.create) {
            room.create = false;
            const address = v.address ?? `${p.building.name}${v.unitNo ? `${v.unitNo}单元` : ''}${v.roomNo}`;
            records.push({ table: 'registry_households', record: {
              id: room.id, ...base, building_id: p.building.id, unit_no: v.unitNo, floor_no: null, room_no: v.roomNo, address,
              lng: p.building.lng, lat: p.building.lat, head_resident_id: null, residence_kind: 'registered', note: null,
              after: { address, buildingId: p.building.id, unitNo: v.unitNo, roomNo: v.roomNo }, history_household_id: room.id,
            } });
          }
        } else if (v.address && !p.building) {
          householdId = p.householdId ?? null;
        }
        const id = randomUUID();
        const spelt = x.pre.spelt!;
        const sealed = x.pre.sealed;
        const idMasked = maskIdNumber(v.idNumber);
        const phoneMasked = v.phone ? maskPhone(v.phone) : null;
        records.push({ table: 'registry_residents', record: {
          id, ...base, household_id: householdId, relation: v.relation, name: v.name, name_pinyin: spelt.pinyin, name_initials: spelt.initials,
          id_number: sealed.idNumber!.sealed, id_number_hash: x.idHash, id_number_masked: idMasked,
          phone: sealed.phone?.sealed ?? null, phone_hash: sealed.phone?.hash ?? null, phone_masked: phoneMasked,
          gender: v.gender, birth_date: v.birthDate, tags: v.tags, party_member: v.partyMember, note: v.note,
          after: { name: v.name, idNumber: idMasked, phone: phoneMasked, gender: v.gender, birthDate: v.birthDate, tags: v.tags, householdId, relation: v.relation, gridId: p.grid.id },
          history_household_id: householdId,
        } });
        out.push({ row: x.row, seenKey: x.key, records, ...(householdId && v.relation === 'head' ? { head: { household_id: householdId, resident_id: id } } : {}) });
        break;
      }
      case 'households': {
        const v = x.v as RowValues['households'];
        const head = v.headIdNumber ? heads.get(ctx.pii.lookupHash(v.headIdNumber)) : null;
        if (v.headIdNumber && !head) { refuse(x, header('households', 'headIdNumber'), 'HEAD_UNKNOWN'); continue; }
        if (p.building && v.roomNo && !rooms.get(roomKey(p.building.id, v.unitNo, v.roomNo))!.create) {
          refuse(x, header('households', 'roomNo'), 'HOUSEHOLD_EXISTS'); continue;
        }
        const id = randomUUID();
        out.push({ row: x.row, seenKey: x.key, records: [{ table: 'registry_households', record: {
          id, ...base, building_id: p.building?.id ?? null, unit_no: p.building ? v.unitNo : null, floor_no: v.floorNo, room_no: v.roomNo,
          address: v.address, lng: v.lng ?? p.building?.lng ?? null, lat: v.lat ?? p.building?.lat ?? null, head_resident_id: head ?? null,
          residence_kind: v.residenceKind, note: v.note,
          after: { address: v.address, buildingId: p.building?.id ?? null, unitNo: v.unitNo, floorNo: v.floorNo, roomNo: v.roomNo, residenceKind: v.residenceKind },
          history_household_id: id,
        } }] });
        break;
      }
      case 'buildings': {
        const v = x.v as RowValues['buildings'];
        if (buildingNames.has(v.name)) { refuse(x, header('buildings', 'name'), 'BUILDING_EXISTS', { name: v.name }); continue; }
        out.push({ row: x.row, seenKey: x.key, records: [{ table: 'registry_buildings', record: {
          id: randomUUID(), ...base, name: v.name, name_initials: x.pre.spelt!.initials, address: v.address, lng: v.lng, lat: v.lat,
          units: v.units, floors: v.floors, rooms_per_floor: v.roomsPerFloor, structure: v.structure, built_year: v.builtYear, note: v.note,
          after: { name: v.name, address: v.address, units: v.units, floors: v.floors, roomsPerFloor: v.roomsPerFloor }, history_household_id: null,
        } }] });
        break;
      }
      case 'places': {
        const v = x.v as RowValues['places'];
        const masked = v.contactPhone ? maskPhone(v.contactPhone) : null;
        out.push({ row: x.row, seenKey: x.key, records: [{ table: 'registry_places', record: {
          id: randomUUID(), ...base, kind: v.kind, name: v.name, name_initials: x.pre.spelt!.initials, address: v.address, lng: v.lng, lat: v.lat,
          credit_code: v.creditCode, contact_name: v.contactName, contact_phone: x.pre.sealed.contactPhone?.sealed ?? null,
          contact_phone_hash: x.pre.sealed.contactPhone?.hash ?? null, contact_phone_masked: masked, note: v.note,
          after: { kind: v.kind, name: v.name, address: v.address, contactPhone: masked }, history_household_id: null,
        } }] });
        break;
      }
      case 'things': {
        const v = x.v as RowValues['things'];
        out.push({ row: x.row, seenKey: x.key, records: [{ table: 'registry_things', record: {
          id: randomUUID(), ...base, kind: v.kind, name: v.name, name_initials: x.pre.spelt!.initials, address: v.address,
          lng: v.lng ?? p.building!.lng, lat: v.lat ?? p.building!.lat, building_id: p.building?.id ?? null, risk_level: v.riskLevel,
          inspection_every_days: v.inspectionEveryDays, note: v.note,
          after: { kind: v.kind, name: v.name, riskLevel: v.riskLevel, inspectionEveryDays: v.inspectionEveryDays }, history_household_id: null,
        } }] });
        break;
      }
    }
  }
  return { rows: out, rejections };
}

const roomKey = (buildingId: string, unitNo: number | null, roomNo: string) => `${buildingId}\u0000${unitNo ?? ''}\u0000${roomNo}`;

/** The rooms the batch names: the household living there, or a new household to create (one per room). */
async function roomsOf(tx: Tx, ctx: BatchContext, placed: Map<number, Placed>): Promise<Map<string, { id: string; create: boolean }>> {
  const rooms = new Map<string, { id: string; create: boolean }>();
  if (ctx.kind !== 'residents' && ctx.kind !== 'households') return rooms;
  const buildingIds = [...new Set([...placed.values()].flatMap((p) => ('grid' in p && p.building ? [p.building.id] : [])))];
  for (const h of await householdsInRooms(tx, buildingIds)) {
    if (h.building_id && h.room_no) rooms.set(roomKey(h.building_id, h.unit_no, h.room_no), { id: h.id, create: false });
  }
  for (const p of placed.values()) {
    if (!('grid' in p) || !p.building || !p.roomNo) continue;
    const k = roomKey(p.building.id, p.unitNo, p.roomNo);
    if (!rooms.has(k)) rooms.set(k, { id: randomUUID(), create: true });
  }
  return rooms;
}

type Placed = (Placement & { householdId?: string | null; roomNo: string | null; unitNo: number | null })
  | { problem: ImportRowProblem; column: string | null; detail?: { name?: string } };

/** Each valid row's grid (and building), or why it cannot be placed. */
async function placeRows(tx: Tx, ctx: BatchContext, rows: readonly { row: number; v: RowValues[RegistryKind] }[]): Promise<Map<number, Placed>> {
  const out = new Map<number, Placed>();
  const hasBuilding = ctx.kind === 'residents' || ctx.kind === 'households' || ctx.kind === 'things';
  const buildingOf = (v: RowValues[RegistryKind]) => (hasBuilding ? (v as { building: string | null }).building : null);
  const names = [...new Set(rows.flatMap((r) => { const b = buildingOf(r.v); return b ? [b] : []; }))];
  const buildings = new Map<string, PlacedBuilding[]>();
  for (const b of await buildingsByName(tx, ctx.reach, names)) buildings.set(b.name, [...(buildings.get(b.name) ?? []), b]);

  const locator = ctx.locator;
  const pointGrid = new Map<number, string | null>();
  for (const r of rows) if (r.v.lng !== null && r.v.lat !== null && !buildingOf(r.v)) pointGrid.set(r.row, locator.locate(r.v.lng, r.v.lat));
  const grids = new Map((await gridsById(tx, [...new Set([...pointGrid.values()].filter((g): g is string => g !== null))])).map((g) => [g.id, g]));

  const addressOnly = rows.filter((r) => ctx.kind === 'residents' && !buildingOf(r.v) && r.v.lng === null && r.v.address);
  const byAddress = new Map<string, { id: string; grid: GridInfo }[]>();
  for (const h of await householdsByAddress(tx, ctx.reach, [...new Set(addressOnly.map((r) => r.v.address!))])) {
    byAddress.set(h.address, [...(byAddress.get(h.address) ?? []), { id: h.id, grid: { id: h.grid_id, path: h.org_path, town_id: h.town_id, level: 'grid' } }]);
  }

  const addressCol = header(ctx.kind, 'address');
  const lngCol = header(ctx.kind, 'lng');
  const buildingCol = hasBuilding ? header(ctx.kind, 'building') : null;
  for (const r of rows) {
    const v = r.v as RowValues[RegistryKind] & { roomNo?: string | null; unitNo?: number | null };
    const room = { roomNo: v.roomNo ?? null, unitNo: v.unitNo ?? null };
    const name = buildingOf(v);
    if (name) {
      const found = buildings.get(name) ?? [];
      if (found.length === 0) out.set(r.row, { problem: 'BUILDING_UNKNOWN', column: buildingCol, detail: { name } });
      else if (found.length > 1) out.set(r.row, { problem: 'BUILDING_AMBIGUOUS', column: buildingCol, detail: { name } });
      else {
        const b = found[0]!;
        out.set(r.row, { grid: { id: b.grid_id, path: b.org_path, town_id: b.town_id, level: 'grid' }, building: b, ...room });
      }
      continue;
    }
    if (pointGrid.has(r.row)) {
      const id = pointGrid.get(r.row)!;
      const g = id ? grids.get(id) : undefined;
      if (!g) out.set(r.row, { problem: 'LOCATION_OUTSIDE_GRIDS', column: lngCol });
      else if (!inReach(ctx.reach, { grid_id: g.id, org_path: g.path })) out.set(r.row, { problem: 'LOCATION_OUTSIDE_SCOPE', column: lngCol });
      else out.set(r.row, { grid: g, building: null, ...room });
      continue;
    }
    if (ctx.kind === 'buildings' || ctx.kind === 'places' || ctx.kind === 'things') {
      out.set(r.row, { problem: 'LOCATION_REQUIRED', column: lngCol });
      continue;
    }
    const households = v.address ? byAddress.get(v.address) ?? [] : [];
    if (households.length === 1) out.set(r.row, { grid: households[0]!.grid, building: null, householdId: households[0]!.id, ...room });
    else if (ctx.ownGrid) out.set(r.row, { grid: ctx.ownGrid, building: null, householdId: null, ...room });
    else out.set(r.row, { problem: 'LOCATION_UNRESOLVED', column: addressCol });
  }
  return out;
}

/**
 * Writes the checked rows of a batch (households a resident batch creates first); answers the rows not written because
 * their key was taken meanwhile (an ID number, a room), as rejections. Runs inside the caller's transaction.
 */
export async function writeBatch(tx: Tx, ctx: BatchContext, batch: readonly CheckedRow[], who: { at: Date; reason: string | null }): Promise<{ written: number; lost: RejectionRow[] }> {
  const byTable = new Map<WriteTable, Record_[]>();
  for (const r of batch) {
    for (const w of r.records) {
      const list = byTable.get(w.table);
      if (list) list.push(w.record);
      else byTable.set(w.table, [w.record]);
    }
  }
  const actor = { at: who.at, actorId: ctx.reach.accountId, actorName: ctx.reach.name, reason: who.reason };
  const written = new Set<string>();
  const roomLost = new Set<number>();
  for (const table of ['registry_buildings', 'registry_households', 'registry_residents', 'registry_places', 'registry_things'] as const) {
    let records = byTable.get(table);
    if (!records) continue;
    if (table === 'registry_residents' && ctx.kind === 'residents') records = await joinRoomsTakenMeanwhile(tx, batch, byTable.get('registry_households') ?? [], written, roomLost);
    for (const id of await insertBatch(tx, table, records, actor)) written.add(id);
  }
  await setHeads(tx, batch.flatMap((r) => (r.head && written.has(r.head.resident_id) ? [r.head] : [])));
  const lost: RejectionRow[] = [];
  let count = 0;
  for (const r of batch) {
    const main = r.records[r.records.length - 1]!.record;
    if (written.has(main.id)) { count++; continue; }
    const code: ImportRowProblem = roomLost.has(r.row) ? 'ROOM_CHANGED' : ctx.kind === 'residents' ? 'ID_NUMBER_TAKEN' : 'HOUSEHOLD_EXISTS';
    lost.push(rowProblem(r.row, header(ctx.kind, ctx.kind === 'residents' && !roomLost.has(r.row) ? 'idNumber' : 'roomNo'), code));
    if (r.seenKey !== null && ctx.seen.get(r.seenKey) === r.row) ctx.seen.delete(r.seenKey);
  }
  return { written: count, lost };
}

/**
 * The race between a resident batch's check and its write: a household was registered meanwhile (by hand, or by
 * another import) in a room the batch found empty, so the batch's own household for that room was skipped (its room
 * is taken) and its residents would point at a household that does not exist — a foreign-key error that would fail
 * the whole import. The room is read again: its residents join the household living there now, as they would have had
 * it been there at the check (the batch's household is not written, so nothing is written twice); a room still without
 * a living household (registered and retired meanwhile) refuses its residents (ROOM_CHANGED). Answers the resident
 * records to write.
 */
async function joinRoomsTakenMeanwhile(tx: Tx, batch: readonly CheckedRow[], households: readonly Record_[], written: ReadonlySet<string>, roomLost: Set<number>): Promise<Record_[]> {
  const skipped = households.filter((h) => !written.has(h.id) && h.building_id);
  const residents = batch.flatMap((r) => r.records.filter((w) => w.table === 'registry_residents').map((w) => ({ row: r, record: w.record })));
  if (skipped.length === 0) return residents.map((x) => x.record);
  const now = new Map<string, string>();
  for (const h of await householdsInRooms(tx, [...new Set(skipped.map((h) => h.building_id as string))])) {
    if (h.building_id && h.room_no) now.set(roomKey(h.building_id, h.unit_no, h.room_no), h.id);
  }
  const moved = new Map<string, string | null>();
  for (const h of skipped) moved.set(h.id, now.get(roomKey(h.building_id as string, h.unit_no as number | null, h.room_no as string)) ?? null);
  const out: Record_[] = [];
  for (const { row, record } of residents) {
    const householdId = record.household_id as string | null;
    if (householdId === null || !moved.has(householdId)) { out.push(record); continue; }
    const living = moved.get(householdId)!;
    if (living === null) { roomLost.add(row.row); continue; }
    record.household_id = living;
    record.history_household_id = living;
    (record.after as { householdId: string | null }).householdId = living;
    if (row.head?.household_id === householdId) row.head.household_id = living;
    out.push(record);
  }
  return out;
}
