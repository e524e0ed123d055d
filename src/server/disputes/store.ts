import type { Tx } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import type {
  DisputeSource, DisputeStatus, DisputeTier, PartyRole, ReferralUnitKind, RiskFactors, RiskLevel,
} from '../../shared/disputes.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { accountPhoneHash } from '../identity/account-phone-hash.ts';
import { handlerSql, isResidentReader, readSql, type Reader } from './scope.ts';

/* Disputes: SQL only, the caller's scope inside every query (scope.ts). Other files of the capability build on these. */

export interface DisputeRow {
  id: string;
  number: string;
  version: number;
  case_id: string;
  town_id: string;
  grid_id: string;
  org_path: string;
  class_code: string;
  subclass_code: string | null;
  description: string;
  lng: number;
  lat: number;
  address: string | null;
  source: DisputeSource;
  status: DisputeStatus;
  risk_level: RiskLevel;
  risk_reasons: string[];
  risk_factors: Partial<RiskFactors>;
  tier: DisputeTier;
  tier_reason: string | null;
  handling_unit_id: string;
  reopened_from: string | null;
  flare_ups: number;
  court_case_number: string | null;
  close_reason: string | null;
  idempotency_key: string | null;
  created_at: Date;
  created_by: string | null;
  updated_at: Date;
  resolved_at: Date | null;
  closed_at: Date | null;
}

/** A dispute with the names a reader sees beside the codes. */
export interface DisputeListRow extends DisputeRow {
  class_name: string;
  subclass_name: string | null;
  grid_name: string;
  handling_unit_name: string;
}

export interface PartyRow {
  dispute_id: string;
  seq: number;
  role: PartyRole;
  resident_id: string | null;
  /** sealed */
  name: string;
  id_number: string | null;
  id_number_hash: string | null;
  phone: string | null;
  phone_hash: string | null;
  address: string | null;
  vulnerable: boolean;
  vulnerable_reason: string | null;
}

export interface ReferralRow {
  id: string;
  dispute_id: string;
  unit_kind: ReferralUnitKind;
  department_id: string | null;
  unit_name: string;
  note: string | null;
  due_at: Date;
  status: 'pending' | 'replied' | 'done';
  replied_at: Date | null;
  created_at: Date;
  created_by: string | null;
}

export interface DisputeEventRow {
  id: number;
  dispute_id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  data: Record<string, unknown>;
  request_key: string | null;
}

const LIST_COLUMNS = `d.*, c.name as class_name,
  (select s->>'name' from jsonb_array_elements(c.subclasses) s where s->>'code' = d.subclass_code limit 1) as subclass_name,
  g.name as grid_name, h.name as handling_unit_name`;
const LIST_FROM = `disputes d join dispute_classes c on c.code = d.class_code
  join org_units g on g.id = d.grid_id join org_units h on h.id = d.handling_unit_id`;

/**
 * A dispute a DISPUTE_HANDLER of its scope acts on, locked (`for update`) until the transaction ends; null when it does
 * not exist or lies outside the caller's scope (the route answers 404).
 */
export async function findDisputeForAction(tx: Tx, id: string, p: Principal): Promise<DisputeRow | null> {
  const params: unknown[] = [id];
  const r = await tx.query<DisputeRow>(`select d.* from disputes d where d.id = $1 and ${handlerSql(p, 'd', params)} for update`, params);
  return r.rows[0] ?? null;
}

/** A dispute locked for an action, whatever the caller's scope (the caller checked its right another way). */
export async function lockDispute(tx: Tx, id: string): Promise<DisputeRow | null> {
  const r = await tx.query<DisputeRow>('select d.* from disputes d where d.id = $1 for update', [id]);
  return r.rows[0] ?? null;
}

/** A dispute the caller reads (scope, referral or party), with its names; null otherwise. */
export async function findDisputeToRead(tx: Tx, id: string, p: Reader): Promise<DisputeListRow | null> {
  const params: unknown[] = [id];
  const r = await tx.query<DisputeListRow>(`select ${LIST_COLUMNS} from ${LIST_FROM} where d.id = $1 and ${readSql(p, 'd', params)}`, params);
  return r.rows[0] ?? null;
}

export interface ListFilter {
  status: DisputeStatus | null;
  tier: DisputeTier | null;
  risk: RiskLevel | null;
  classCode: string | null;
  /** a path prefix (LIKE pattern) inside the scope, or null */
  unitPath: string | null;
  q: string | null;
}

/** The disputes the caller reads, newest first, keyset-paged by (created_at, id). */
export async function listDisputes(tx: Tx, p: Reader, f: ListFilter, after: { at: Date; id: string } | null, limit: number): Promise<DisputeListRow[]> {
  const params: unknown[] = [];
  const where = [readSql(p, 'd', params)];
  const add = (sql: (n: number) => string, v: unknown) => { params.push(v); where.push(sql(params.length)); };
  if (f.status) add((n) => `d.status = $${n}`, f.status);
  if (f.tier) add((n) => `d.tier = $${n}`, f.tier);
  if (f.risk) add((n) => `d.risk_level = $${n}`, f.risk);
  if (f.classCode) add((n) => `d.class_code = $${n}`, f.classCode);
  if (f.unitPath) add((n) => `d.org_path like $${n}`, f.unitPath);
  if (f.q) {
    add((n) => `(d.number ilike $${n} or d.description ilike $${n} or coalesce(d.address, '') ilike $${n})`,
      `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  if (after) {
    params.push(after.at, after.id);
    where.push(`(d.created_at, d.id) < ($${params.length - 1}, $${params.length})`);
  }
  params.push(limit);
  // the page first (disputes alone, by the index), then the names of its rows only
  const r = await tx.query<DisputeListRow>(
    `select ${LIST_COLUMNS}
       from (select d.* from disputes d where ${where.join(' and ')} order by d.created_at desc, d.id desc limit $${params.length}) d
       join dispute_classes c on c.code = d.class_code join org_units g on g.id = d.grid_id join org_units h on h.id = d.handling_unit_id
      order by d.created_at desc, d.id desc`, params);
  return r.rows;
}

export async function listParties(tx: Tx, disputeIds: readonly string[]): Promise<PartyRow[]> {
  if (disputeIds.length === 0) return [];
  const r = await tx.query<PartyRow>('select p.* from unnest($1::text[]) u(id) join dispute_parties p on p.dispute_id = u.id order by p.dispute_id, p.seq', [disputeIds]);
  return r.rows;
}

/** How many grids the parties of the registry live in (outsiders count for none). */
export async function gridsOfParties(tx: Tx, disputeId: string): Promise<number> {
  const r = await tx.query<{ n: number }>(
    `select count(distinct r.grid_id)::int as n from dispute_parties p join registry_residents r on r.id = p.resident_id
      where p.dispute_id = $1`, [disputeId]);
  return Number(r.rows[0]?.n ?? 0);
}

export async function listReferrals(tx: Tx, disputeId: string): Promise<ReferralRow[]> {
  const r = await tx.query<ReferralRow>('select * from dispute_referrals where dispute_id = $1 order by created_at, id', [disputeId]);
  return r.rows;
}

export async function findReferral(tx: Tx, disputeId: string, referralId: string): Promise<ReferralRow | null> {
  const r = await tx.query<ReferralRow>('select * from dispute_referrals where dispute_id = $1 and id = $2 for update', [disputeId, referralId]);
  return r.rows[0] ?? null;
}

export async function listEvents(tx: Tx, disputeId: string): Promise<DisputeEventRow[]> {
  const r = await tx.query<DisputeEventRow>('select * from dispute_events where dispute_id = $1 order by id', [disputeId]);
  return r.rows.map((e) => ({ ...e, id: Number(e.id) }));
}

/** Whether an action with this request key (Idempotency-Key) was recorded on the dispute already. */
export async function findEventByRequestKey(tx: Tx, disputeId: string, requestKey: string): Promise<DisputeEventRow | null> {
  const r = await tx.query<DisputeEventRow>('select * from dispute_events where dispute_id = $1 and request_key = $2', [disputeId, requestKey]);
  return r.rows[0] ?? null;
}

/** Appends one entry of the dispute's timeline (the caller also appends the audit row and bumps the dispute). */
export async function appendDisputeEvent(tx: Tx, e: {
  disputeId: string; at: Date; actor: { id: string; name: string } | null; action: string; data: Record<string, unknown>; requestKey: string | null;
}): Promise<number> {
  const r = await tx.query<{ id: number }>(
    `insert into dispute_events (dispute_id, at, actor_id, actor_name, action, data, request_key)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [e.disputeId, e.at, e.actor?.id ?? null, e.actor?.name ?? null, e.action, JSON.stringify(e.data), e.requestKey]);
  return Number(r.rows[0]!.id);
}

/** version + 1 and updated_at: every change of a dispute (or of its parts) goes through this. */
export async function bumpDispute(tx: Tx, id: string, now: Date): Promise<void> {
  await tx.query('update disputes set version = version + 1, updated_at = $2 where id = $1', [id, now]);
}

/** Sets columns of the dispute (names are the code's own, never the caller's), with version + 1 and updated_at. */
export async function updateDispute(tx: Tx, id: string, now: Date, set: Partial<Record<
  'status' | 'risk_level' | 'risk_reasons' | 'risk_factors' | 'tier' | 'tier_reason' | 'handling_unit_id' | 'court_case_number' |
  'close_reason' | 'resolved_at' | 'closed_at', unknown>>): Promise<void> {
  const cols = Object.keys(set);
  const json = new Set(['risk_reasons', 'risk_factors']);
  const params: unknown[] = [id, now, ...cols.map((c) => (json.has(c) ? JSON.stringify((set as Record<string, unknown>)[c]) : (set as Record<string, unknown>)[c]))];
  const assigns = cols.map((c, i) => `${c} = $${i + 3}`);
  await tx.query(`update disputes set ${[...assigns, 'version = version + 1', 'updated_at = $2'].join(', ')} where id = $1`, params);
}

export interface NewDispute {
  id: string;
  number: string;
  caseId: string;
  townId: string;
  gridId: string;
  orgPath: string;
  classCode: string;
  subclassCode: string | null;
  description: string;
  lng: number;
  lat: number;
  address: string | null;
  source: DisputeSource;
  riskLevel: RiskLevel;
  riskReasons: string[];
  riskFactors: RiskFactors;
  tier: DisputeTier;
  tierReason: string | null;
  handlingUnitId: string;
  reopenedFrom: string | null;
  flareUps: number;
  idempotencyKey: string | null;
  createdBy: string | null;
  now: Date;
}

export async function insertDispute(tx: Tx, d: NewDispute): Promise<void> {
  await tx.query(
    `insert into disputes (id, number, case_id, town_id, grid_id, org_path, class_code, subclass_code, description, lng, lat, address,
       source, risk_level, risk_reasons, risk_factors, tier, tier_reason, handling_unit_id, reopened_from, flare_ups, idempotency_key,
       created_at, created_by, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $23)`,
    [d.id, d.number, d.caseId, d.townId, d.gridId, d.orgPath, d.classCode, d.subclassCode, d.description, d.lng, d.lat, d.address,
      d.source, d.riskLevel, JSON.stringify(d.riskReasons), JSON.stringify(d.riskFactors), d.tier, d.tierReason, d.handlingUnitId,
      d.reopenedFrom, d.flareUps, d.idempotencyKey, d.now, d.createdBy]);
}

export async function insertParties(tx: Tx, disputeId: string, parties: readonly Omit<PartyRow, 'dispute_id' | 'seq'>[]): Promise<void> {
  if (parties.length === 0) return;
  await tx.query(
    `insert into dispute_parties (dispute_id, seq, role, resident_id, name, id_number, id_number_hash, phone, phone_hash, address, vulnerable, vulnerable_reason)
     select $1, x.n::int, x.v->>'role', x.v->>'resident_id', x.v->>'name', x.v->>'id_number', x.v->>'id_number_hash', x.v->>'phone',
            x.v->>'phone_hash', x.v->>'address', (x.v->>'vulnerable')::boolean, x.v->>'vulnerable_reason'
       from jsonb_array_elements($2::jsonb) with ordinality as x(v, n)`,
    [disputeId, JSON.stringify(parties)]);
}

/** The dispute an earlier registration (or reopening) with this key made. */
export async function findByIdempotencyKey(tx: Tx, key: string): Promise<{ id: string } | null> {
  const r = await tx.query<{ id: string }>('select id from disputes where idempotency_key = $1', [key]);
  return r.rows[0] ?? null;
}

/** The disputes of a flare-up chain (every dispute linked by reopened_from to this one), oldest first. */
export async function chainOf(tx: Tx, id: string): Promise<{ id: string; number: string; status: DisputeStatus; created_at: Date; org_path: string }[]> {
  const r = await tx.query<{ id: string; number: string; status: DisputeStatus; created_at: Date; org_path: string }>(
    `with recursive up(id, reopened_from, depth) as (
       select id, reopened_from, 0 from disputes where id = $1
       union all select d.id, d.reopened_from, up.depth + 1 from disputes d join up on d.id = up.reopened_from where up.depth < 100),
     root as (select id from up order by depth desc limit 1),
     down(id, depth) as (
       select id, 0 from root
       union all select d.id, down.depth + 1 from disputes d join down on d.reopened_from = down.id where down.depth < 100)
     select d.id, d.number, d.status, d.created_at, d.org_path from disputes d join down on down.id = d.id order by down.depth`, [id]);
  return r.rows;
}

/** Of these disputes, the ones the caller reads. */
export async function readableIds(tx: Tx, p: Reader, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const params: unknown[] = [ids];
  const r = await tx.query<{ id: string }>(`select d.id from disputes d where d.id = any($1::text[]) and ${readSql(p, 'd', params)}`, params);
  return new Set(r.rows.map((x) => x.id));
}

/** The later dispute reopened from this one, if any. */
export async function laterDispute(tx: Tx, id: string): Promise<{ id: string; number: string } | null> {
  const r = await tx.query<{ id: string; number: string }>('select id, number from disputes where reopened_from = $1 limit 1', [id]);
  return r.rows[0] ?? null;
}

export interface WorkOrderRow {
  id: string;
  number: string;
  status: string;
  clocks: Record<string, { startedAt: number; due: number; suspendedMs: number; pausedAt: number | null; stoppedAt: number | null; light: string }>;
  assignee: { postId: string } | { departmentId: string } | { staffId: string } | null;
}

export async function findWorkOrder(tx: Tx, caseId: string): Promise<WorkOrderRow | null> {
  const r = await tx.query<WorkOrderRow>('select id, number, status, clocks, assignee from cases where id = $1', [caseId]);
  return r.rows[0] ?? null;
}

/** The principal as a dispute reader: a resident with the hash of their account's phone. */
export async function readerOf(tx: Tx, pii: PiiCipher, p: Principal): Promise<Reader> {
  return isResidentReader(p) ? { ...p, phoneHash: await accountPhoneHash(tx, pii, p.accountId) } : p;
}

// ---------------------------------------------------------------------------------------------------------------------
// Classes

export interface ClassRow {
  code: string;
  name: string;
  subclasses: { code: string; name: string; retired?: boolean }[];
  sort: number;
  retired: boolean;
  updated_at: Date;
  updated_by: string | null;
}

export async function listClasses(tx: Tx, includeRetired: boolean): Promise<ClassRow[]> {
  const r = await tx.query<ClassRow>('select * from dispute_classes where $1 or not retired order by sort, code', [includeRetired]);
  return r.rows;
}

export async function findClass(tx: Tx, code: string, lock = false): Promise<ClassRow | null> {
  const r = await tx.query<ClassRow>(`select * from dispute_classes where code = $1${lock ? ' for update' : ''}`, [code]);
  return r.rows[0] ?? null;
}

export async function upsertClass(tx: Tx, c: Omit<ClassRow, 'updated_at' | 'updated_by'>, by: string, now: Date): Promise<void> {
  await tx.query(
    `insert into dispute_classes (code, name, subclasses, sort, retired, updated_at, updated_by) values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (code) do update set name = excluded.name, subclasses = excluded.subclasses, sort = excluded.sort,
       retired = excluded.retired, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    [c.code, c.name, JSON.stringify(c.subclasses), c.sort, c.retired, now, by]);
}
