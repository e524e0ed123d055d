import type { Db, Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import type { MatterRow } from '../matters/store.ts';
import type { TargetLookup } from '../../domain/matters/target-lookup.ts';
import type { MineFilter } from '../../domain/cases/mine-lists.ts';
import type { CaseViewer } from '../../domain/cases/visibility.ts';
import type { Actor } from '../../domain/cases/case-state.ts';
import type { VerifierKind } from '../../domain/cases/verification.ts';
import type { TimeWindow } from '../../domain/cases/list-window.ts';
import { lookupParams, routedAssigneeSql } from './assignee-store.ts';

export type Assignee = { postId: string } | { departmentId: string } | { staffId: string };

export interface CaseRow {
  id: string;
  number: string;
  version: number;
  status: string;
  town_id: string;
  grid_id: string;
  org_path: string;
  matter_id: string;
  category_code: string;
  tier: string;
  description: string;
  lng: number;
  lat: number;
  address: string | null;
  source: string;
  reporter_kind: string;
  reporter_account_id: string | null;
  reporter_name: string | null;
  reporter_phone: string | null;
  reporter_phone_hash: string | null;
  assignee: Assignee | null;
  routed_assignee: Assignee | null;
  clocks: Record<string, unknown>;
  next_check_at: Date | null;
  suspension: Record<string, unknown> | null;
  escalated_at: Date | null;
  duplicate_of: string | null;
  /** the registered thing (部件) the case was reported at */
  thing_id: string | null;
  /** every department the case was ever sent to */
  department_ids: string[];
  satisfaction: Record<string, unknown> | null;
  /** who reported it handled or resolved it on the spot (null until then, and after a reopen) */
  handled_by: string | null;
  resolved_on_spot: boolean;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  /** from the case's Matter version */
  category_name: string;
  on_spot: boolean;
  escalate_after_h: number | null;
}

const SELECT = `select c.*, m.name as category_name, m.on_spot, m.escalate_after_h from cases c join matters m on m.id = c.matter_id`;

/** Who is asking, as far as case visibility goes. */
export type Viewer = CaseViewer;

/** `canSeeCase` (src/domain/cases/visibility.ts) as a condition on `cases c`, its parameters numbered from `first`. */
export function visibleTo(v: Viewer, first: number): { sql: string; params: unknown[] } {
  const n = (i: number) => `$${first + i}`;
  return {
    sql: `(c.org_path like ${n(0)} or ${besidesScope(n(1), n(2), n(3))})`,
    params: [v.scopePath ? likePrefix(v.scopePath) : null, v.postIds, v.departmentIds, v.accountId],
  };
}

/** The visibility branches other than the scope: the viewer's posts, departments, own assignments and own reports. */
const besidesScope = (posts: string, departments: string, account: string) =>
  `c.assignee->>'postId' = any(${posts}) or c.department_ids && ${departments}::text[]
           or c.assignee->>'staffId' = ${account} or c.reporter_account_id = ${account}`;

/**
 * The cases the viewer sees other than by scope, outside the scope: with `visibleTo` = (in scope) or this, the two are
 * disjoint, so counts of the scope (the roll-ups) and of these add up. Parameters numbered from `first`.
 */
export function visibleOutsideScope(v: Viewer & { scopePath: string }, first: number): { sql: string; params: unknown[] } {
  const n = (i: number) => `$${first + i}`;
  return {
    sql: `(not (c.org_path like ${n(0)}) and (${besidesScope(n(1), n(2), n(3))}))`,
    params: [likePrefix(v.scopePath), v.postIds, v.departmentIds, v.accountId],
  };
}

/** The grid's path, its town and the town's current Matter for a category (null matter: no such category), in one round trip. */
export async function findIntakeContext(tx: Tx, gridId: string, categoryCode: string): Promise<{
  grid: { path: string }; town: { id: string; code: string; path: string }; matter: MatterRow | null;
} | null> {
  const r = await tx.query<{ grid_path: string; town_id: string; town_code: string; town_path: string; matter: MatterRow | null }>(
    `select g.path as grid_path, t.id as town_id, t.code as town_code, t.path as town_path,
            (select row_to_json(m) from matters m where m.town_id = t.id and m.code = $2 and m.current) as matter
       from org_units g join org_units t on t.level = 'town' and g.path like t.path || '%'
      where g.id = $1`,
    [gridId, categoryCode],
  );
  const row = r.rows[0];
  if (!row) return null;
  const m = row.matter;
  return {
    grid: { path: row.grid_path },
    town: { id: row.town_id, code: row.town_code, path: row.town_path },
    // row_to_json leaves timestamps as text
    matter: m ? { ...m, created_at: new Date(m.created_at), retired_at: m.retired_at ? new Date(m.retired_at) : null } : null,
  };
}

export async function findCaseByIdempotencyKey(tx: Tx, key: string): Promise<CaseRow | null> {
  const r = await tx.query<CaseRow>(`${SELECT} where c.idempotency_key = $1`, [key]);
  return r.rows[0] ?? null;
}

export type NewCase = Omit<CaseRow, 'number' | 'version' | 'closed_at' | 'satisfaction' | 'suspension' | 'escalated_at' | 'category_name'
  | 'on_spot' | 'escalate_after_h' | 'routed_assignee' | 'department_ids' | 'handled_by' | 'resolved_on_spot'> & { idempotency_key: string | null };

/** What the intake statement writes, and what it checks is still so when it writes. */
export interface NewReport {
  case: NewCase;
  /** the case number up to its sequence (`500199001-20261123-`); the statement appends the town's next number of `day`, 4 digits or more */
  numberPrefix: string;
  day: string;
  /** the routing target by catalog names; resolved to this town's post, department or grid worker inside the statement */
  target: TargetLookup;
  /** the grid's worker the team rule chose (`gridWorkerFor`), when the target is the grid's worker; the statement checks it still holds */
  gridWorker: string | null;
  /** the first timeline entry; the statement adds `routed` to its data */
  event: Omit<EventRow, 'id' | 'case_id'>;
  photos: readonly string[];
  /** the context the case was built from: the statement writes nothing unless it still holds */
  expected: { townCode: string; townPath: string };
  notify: { channel: string; change: object };
  /** the duplicate search: cases of the same category in one of these statuses, inside this box, and those at the case's thing */
  near: { statuses: readonly string[]; box: { minLng: number; maxLng: number; minLat: number; maxLat: number } };
}

export interface NearbyRow { id: string; number: string; status: string; lng: number; lat: number; created_at: Date; thing_id: string | null }

export type ReportOutcome =
  | { outcome: 'created'; caseId: string; number: string; eventId: number; nearby: NearbyRow[] }
  | { outcome: 'exists'; caseId: string }
  /** the Matter is no longer current, or the grid or town moved: nothing was written */
  | { outcome: 'stale' }
  | { outcome: 'photosMissing'; missing: string[] };

/**
 * What intake checks before it takes a number and again when it writes (parameters numbered by the statement): the case
 * with the same idempotency key, the photos not uploaded, whether the Matter is still current and unretired and the
 * grid and town are as expected, and `go` when all of that lets the report be written.
 */
function intakeChecks(p: { key: string; photos: string; matter: string; grid: string; gridPath: string; town: string; townCode: string; townPath: string }): string {
  return `existing as (select id from cases where idempotency_key = ${p.key}::text),
     missing as (select coalesce(array_agg(h), '{}'::text[]) as hashes from unnest(${p.photos}::text[]) h where not exists (select 1 from files f where f.hash = h)),
     fresh as (select exists (select 1 from matters m where m.id = ${p.matter}::text and m.current and m.retired_at is null)
                  and exists (select 1 from org_units g where g.id = ${p.grid}::text and g.path = ${p.gridPath}::text)
                  and exists (select 1 from org_units t where t.id = ${p.town}::text and t.code = ${p.townCode}::text and t.path = ${p.townPath}::text) as ok),
     go as (select 1 from fresh, missing where fresh.ok and cardinality(missing.hashes) = 0 and not exists (select 1 from existing))`;
}

const NUMBER_CHECKS = intakeChecks({ key: '$1', photos: '$2', matter: '$3', grid: '$4', gridPath: '$5', town: '$6', townCode: '$7', townPath: '$8' });
const nextSeq = (from: string) => `insert into case_number_counters (town_id, day, seq) ${from}
             on conflict (town_id, day) do update set seq = case_number_counters.seq + 1 returning seq`;
/**
 * The town's claims of earlier days go with its first number of a day (a claim is kept after its case is written, so
 * that a retry racing the case's statement still finds the number; a retry on a later day finds the case itself).
 */
const purgeClaims = (town: string, day: string) =>
  `purge as (delete from case_number_claims where town_id = ${town}::text and day < ${day}::text and exists (select 1 from seq where seq.seq = 1))`;
/** the number's commit does not wait for the WAL flush: see `takeCaseNumber` */
const ASYNC_COMMIT = `set_config('synchronous_commit', 'off', true) as commit_mode`;

/** A report without a key: the checks and the counter in one statement, one round trip. */
const TAKE_NUMBER = `with ${NUMBER_CHECKS},
     seq as (${nextSeq('select $6::text, $9::text, 1 from go')}),
     ${purgeClaims('$6', '$9')}
     select (select id from existing) as existing_id, (select ok from fresh) as fresh, (select hashes from missing) as missing,
            (select seq from seq) as seq, ${ASYNC_COMMIT}`;

/**
 * A report with a key: its claim, the number a retry racing it takes too. On a claim of another attempt still in its
 * transaction the statement waits for it and answers its number; a claim of another town or day (a retry after
 * midnight) starts again. `seq` null: claimed here, take the number next.
 */
const CLAIM_NUMBER = `with ${NUMBER_CHECKS},
     claim as (insert into case_number_claims (idempotency_key, town_id, day) select $1::text, $6::text, $9::text from go
               on conflict (idempotency_key) do update set town_id = excluded.town_id, day = excluded.day,
                 seq = case when case_number_claims.town_id = excluded.town_id and case_number_claims.day = excluded.day then case_number_claims.seq end
               returning seq)
     select (select id from existing) as existing_id, (select ok from fresh) as fresh, (select hashes from missing) as missing,
            (select seq from claim) as seq, ${ASYNC_COMMIT}`;
const CLAIMED_SEQ = `with seq as (${nextSeq('values ($2::text, $3::text, 1)')}), ${purgeClaims('$2', '$3')}
     update case_number_claims k set seq = seq.seq from seq where k.idempotency_key = $1::text returning k.seq`;

type Numbered = Exclude<ReportOutcome, { outcome: 'created' }> | { outcome: 'numbered'; seq: number };

/**
 * The town's next case number of the day, in a transaction of its own: the counter row is locked for that short
 * transaction only, never across the case's commit, so reports of one town do not wait on each other (docs/operations.md
 * "Case numbering"). Taken only when the report would be written now (the checks of `intakeChecks`): a retry answers its
 * case and a refused report takes no number. Its commit does not wait for the WAL flush (synchronous_commit off for this
 * transaction alone): the case's own commit, later in the same WAL, flushes it too; a crash before that loses the number
 * together with the case that would have carried it, so no number is ever given twice.
 */
async function takeCaseNumber(db: Db, r: NewReport): Promise<Numbered> {
  const c = r.case;
  const params = [c.idempotency_key, r.photos, c.matter_id, c.grid_id, c.org_path, c.town_id, r.expected.townCode, r.expected.townPath, r.day];
  const checked = (row: { existing_id: string | null; fresh: boolean; missing: string[] }): Numbered | null =>
    row.existing_id ? { outcome: 'exists', caseId: row.existing_id } : !row.fresh ? { outcome: 'stale' }
      : row.missing.length > 0 ? { outcome: 'photosMissing', missing: row.missing } : null;
  type Row = { existing_id: string | null; fresh: boolean; missing: string[]; seq: number | null };
  if (c.idempotency_key === null) {
    const row = (await db.query<Row>(TAKE_NUMBER, params)).rows[0]!;
    return checked(row) ?? { outcome: 'numbered', seq: row.seq! };
  }
  return db.transaction(async (tx) => {
    const row = (await tx.query<Row>(CLAIM_NUMBER, params)).rows[0]!;
    const refused = checked(row);
    if (refused) return refused;
    if (row.seq !== null) return { outcome: 'numbered', seq: row.seq };
    const taken = await tx.query<{ seq: number }>(CLAIMED_SEQ, [c.idempotency_key, c.town_id, r.day]);
    return { outcome: 'numbered', seq: taken.rows[0]!.seq };
  });
}

/**
 * Returns once every commit made before the call is on the disk (and on a synchronous standby): a transaction that
 * writes WAL under an XID of its own (a transactional logical message, read by nobody: no table, no row, no lock)
 * commits synchronously, flushing the WAL up to its commit record, which comes after theirs. Concurrent reports share
 * their flushes (group commit). (`select txid_current()` would not do: a transaction that wrote no WAL skips the flush.)
 * Until then an asynchronous commit is visible but not yet durable: a crash of PostgreSQL in those few milliseconds
 * loses a case that nobody was told was taken.
 */
export async function durable(db: Db): Promise<void> {
  await db.query(`select pg_logical_emit_message(true, 'zhizhi.durable', '')`);
}

const INTAKE_CHECKS = intakeChecks({ key: '$24', photos: '$35', matter: '$7', grid: '$5', gridPath: '$6', town: '$4', townCode: '$38', townPath: '$39' });
const INTAKE_ROUTED = routedAssigneeSql({ town: '$4', grid: '$5', postCode: '$40', departmentName: '$41', gridWorker: '$42' });

/**
 * Intake in two statements, each atomic without a transaction of its own (so `db`, never a caller's transaction): first
 * the town's next number of the day (`takeCaseNumber`), then ONE statement, one round trip and one commit: the case
 * with the same idempotency key if there is one; else, if the Matter is still current and unretired, the grid and town
 * are as expected and every photo is uploaded, the case with that number, its first timeline entry, its photos, the
 * published change, and the open cases of the same category nearby or at the same registered thing (as of before this
 * case). Otherwise nothing is written but the number taken, a gap in the day's numbers: only when something changed
 * between the two statements. A concurrent report with the same key fails with 23505.
 * The statement commits without waiting for the WAL flush and `durable` waits for it before the case is answered: a
 * transaction that NOTIFYs holds a lock of the whole database from its commit until the commit is done, flush included,
 * so with a synchronous commit every report (and every case action) in the database would wait on each other's flush.
 */
export async function insertReport(db: Db, r: NewReport): Promise<ReportOutcome> {
  const numbered = await takeCaseNumber(db, r);
  // the first attempt's case may still be on its way to the disk
  if (numbered.outcome === 'exists') await durable(db);
  if (numbered.outcome !== 'numbered') return numbered;
  const c = r.case;
  const e = r.event;
  const res = await db.query<{
    existing_id: string | null; fresh: boolean; missing: string[]; case_id: string | null; number: string | null;
    event_id: number | null; nearby: (Omit<NearbyRow, 'created_at'> & { created_at: string })[] | null;
  }>(
    `with ${INTAKE_CHECKS},
     routed as (select ${INTAKE_ROUTED} as a),
     seq as (select $43::int as seq from go),
     c as (
       insert into cases (id, number, status, town_id, grid_id, org_path, matter_id, category_code, tier, description, lng, lat,
         address, source, reporter_kind, reporter_account_id, reporter_name, reporter_phone, reporter_phone_hash, assignee, routed_assignee,
         clocks, next_check_at, duplicate_of, idempotency_key, created_at, updated_at, thing_id)
       select $1::text, $2::text || lpad(seq.seq::text, greatest(4, length(seq.seq::text)), '0'), $3::text, $4::text, $5::text, $6::text,
         $7::text, $8::text, $9::text, $10::text, $11::float8, $12::float8, $13::text, $14::text, $15::text, $16::text, $17::text, $18::text,
         $19::text, $20::jsonb, routed.a, $21::jsonb, $22::timestamptz, $23::text, $24::text, $25::timestamptz, $26::timestamptz, $49::text
       from seq, routed returning id, number, routed_assignee),
     e as (
       insert into case_events (case_id, at, action, actor_id, actor_name, from_status, to_status, reason, data, case_created_at)
       select c.id, $27::timestamptz, $28::text, $29::text, $30::text, $31::text, $32::text, $33::text,
         $34::jsonb || jsonb_build_object('routed', c.routed_assignee), $25::timestamptz from c returning id, case_id),
     p as (insert into case_photos (case_id, event_id, hash, phase) select e.case_id, e.id, h, 'before' from e, unnest($35::text[]) h),
     n as (select pg_notify($36::text, ($37::jsonb || jsonb_build_object('number', c.number, 'eventId', e.id))::text) from c, e),
     near as (select json_agg(x) as items from (
       (select id, number, status, lng, lat, created_at, thing_id from cases
         where exists (select 1 from go) and town_id = $4::text and category_code = $8::text and status = any($48::text[])
           and duplicate_of is null and lat between $46::float8 and $47::float8 and lng between $44::float8 and $45::float8
         order by created_at desc limit 50)
       union
       -- those at the same thing, wherever their pin is (the index cases_open_thing: its predicate written out)
       (select id, number, status, lng, lat, created_at, thing_id from cases
         where exists (select 1 from go) and thing_id = $49::text and category_code = $8::text and status = any($48::text[])
           and status not in ('closed','rejected') and duplicate_of is null
         order by created_at desc limit 20)) x)
     select (select id from existing) as existing_id, (select ok from fresh) as fresh, (select hashes from missing) as missing,
            (select items from near) as nearby, (select id from c) as case_id, (select number from c) as number,
            (select id from e) as event_id, (select count(*) from n) as notified, ${ASYNC_COMMIT}`,
    [c.id, r.numberPrefix, c.status, c.town_id, c.grid_id, c.org_path, c.matter_id, c.category_code, c.tier, c.description, c.lng, c.lat,
      c.address, c.source, c.reporter_kind, c.reporter_account_id, c.reporter_name, c.reporter_phone, c.reporter_phone_hash, json(c.assignee),
      json(c.clocks), c.next_check_at, c.duplicate_of, c.idempotency_key, c.created_at, c.updated_at,
      e.at, e.action, e.actor_id, e.actor_name, e.from_status, e.to_status, e.reason, json(e.data ?? {}),
      r.photos, r.notify.channel, JSON.stringify(r.notify.change), r.expected.townCode, r.expected.townPath,
      ...lookupParams(r.target, r.gridWorker),
      numbered.seq, r.near.box.minLng, r.near.box.maxLng, r.near.box.minLat, r.near.box.maxLat, r.near.statuses, c.thing_id],
  );
  const row = res.rows[0]!;
  if (row.case_id || row.existing_id) await durable(db);
  if (row.existing_id) return { outcome: 'exists', caseId: row.existing_id };
  if (!row.fresh) return { outcome: 'stale' };
  if (row.missing.length > 0) return { outcome: 'photosMissing', missing: row.missing };
  return {
    outcome: 'created', caseId: row.case_id!, number: row.number!, eventId: row.event_id!,
    // json_agg leaves timestamps as text
    nearby: (row.nearby ?? []).map((n) => ({ ...n, created_at: new Date(n.created_at) })),
  };
}

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

export type CasePatch = Partial<Pick<CaseRow, 'status' | 'tier' | 'assignee' | 'routed_assignee' | 'clocks' | 'next_check_at' | 'suspension'
  | 'satisfaction' | 'escalated_at' | 'closed_at' | 'duplicate_of' | 'department_ids' | 'handled_by' | 'resolved_on_spot'>>;

/** Applies a patch if the case is still at `expectedVersion`; false means someone else changed it first. */
export async function updateCase(tx: Tx, id: string, expectedVersion: number, patch: CasePatch, now: Date): Promise<boolean> {
  const cols = Object.keys(patch) as (keyof CasePatch)[];
  const jsonCols = new Set(['assignee', 'routed_assignee', 'clocks', 'suspension', 'satisfaction']);
  const sets = cols.map((k, i) => `${k} = $${i + 4}`);
  const values = cols.map((k) => (jsonCols.has(k) ? json(patch[k]) : patch[k]));
  const r = await tx.query(
    `update cases set ${[...sets, 'version = version + 1', 'updated_at = $3'].join(', ')} where id = $1 and version = $2`,
    [id, expectedVersion, now, ...values],
  );
  return r.rowCount === 1;
}

/** A case the viewer may see (null viewer: the system itself, e.g. the SLA sweep). */
export async function findCase(tx: Tx, id: string, viewer: Viewer | null, forUpdate = false): Promise<CaseRow | null> {
  const v = viewer ? visibleTo(viewer, 2) : { sql: 'true', params: [] };
  const lock = forUpdate ? ' for update of c' : '';
  const r = await tx.query<CaseRow>(`${SELECT} where c.id = $1 and ${v.sql}${lock}`, [id, ...v.params]);
  return r.rows[0] ?? null;
}

export interface CaseLinkRow { id: string; number: string; status: string; created_at: Date }

/** The cases rejected as duplicates of this one that the viewer may see, oldest first. */
export async function listDuplicatesOf(tx: Tx, id: string, viewer: Viewer): Promise<CaseLinkRow[]> {
  const v = visibleTo(viewer, 2);
  const r = await tx.query<CaseLinkRow>(
    `select c.id, c.number, c.status, c.created_at from cases c where c.duplicate_of = $1 and ${v.sql} order by c.created_at, c.id limit 50`,
    [id, ...v.params]);
  return r.rows;
}

/**
 * The cases reported at a registered thing that the viewer sees (as every case list: `visibleTo`), newest first; only
 * the open ones when asked. Reads the index cases_thing.
 */
export async function listCasesOfThing(
  tx: Tx, thingId: string, viewer: Viewer, f: { open: boolean; before?: { at: Date; id: string }; limit: number },
): Promise<CaseRow[]> {
  const v = visibleTo(viewer, 6);
  const r = await tx.query<CaseRow>(
    `${SELECT} where c.thing_id = $1 and (not $2::boolean or c.status not in ('closed','rejected'))
        and ($3::timestamptz is null or (c.created_at, c.id) < ($3::timestamptz, $4::text)) and ${v.sql}
      order by c.created_at desc, c.id desc limit $5`,
    [thingId, f.open, f.before?.at ?? null, f.before?.id ?? '', f.limit, ...v.params]);
  return r.rows;
}

/** Stores lights the sweep recomputed; not a change of the case itself, so the version stays. */
export async function updateLights(tx: Tx, rows: readonly { id: string; clocks: unknown; next: Date | null }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `update cases c set clocks = x.clocks, next_check_at = x.next
       from jsonb_to_recordset($1::jsonb) as x(id text, clocks jsonb, next timestamptz) where c.id = x.id`,
    [JSON.stringify(rows)],
  );
}

export async function postponeCheck(tx: Tx, id: string, now: Date, byMs: number): Promise<void> {
  await tx.query('update cases set next_check_at = $3 where id = $1 and next_check_at <= $2', [id, now, new Date(now.getTime() + byMs)]);
}

export async function findCaseByNumber(tx: Tx, number: string): Promise<CaseRow | null> {
  const r = await tx.query<CaseRow>(`${SELECT} where c.number = $1`, [number]);
  return r.rows[0] ?? null;
}

/** Open cases whose next light change or rule is due, oldest first, locked for this sweep only. */
export async function listCasesDueForCheck(tx: Tx, now: Date, limit: number): Promise<CaseRow[]> {
  const r = await tx.query<CaseRow>(
    `${SELECT} where c.next_check_at <= $1 order by c.next_check_at limit $2 for update of c skip locked`, [now, limit]);
  return r.rows;
}

export interface CaseFilter {
  statuses?: string[];
  orgUnitPath?: string;
  overdue?: boolean;
  q?: string;
  categoryCodes?: string[];
  sources?: string[];
  /** reported in this window */
  created?: TimeWindow;
  /** one of the viewer's own lists (`mineFilter`) */
  mine?: MineFilter;
  beforeCreated?: { at: Date; id: string };
  limit: number;
  now: Date;
}

/**
 * The lifecycle's verifier rule (`isVerifier` and not `isHandler`, src/domain/cases/verification.ts) as a condition on
 * `cases c`: one clause per VerifierKind, each "the case has this kind of verifier (`verifierKinds`) and the actor is
 * one". The actor's roles and scope are known here, so they choose the clauses; the case's columns are tested in SQL.
 * test/store/case-verification.test.ts holds the SQL and the domain to one table.
 */
function verifiableBy(a: Actor, p: (v: unknown) => string): string {
  const within = (path: string) => (a.scopePath === null ? 'false' : `${path} like ${p(likePrefix(a.scopePath))}`);
  const townPath = `left(c.org_path, strpos(c.org_path, '/' || c.town_id || '/') + length(c.town_id) + 1)`; // townPathOf
  const has = (role: Actor['roles'][number], sql: () => string) => (a.roles.includes(role) ? sql() : 'false');
  const kinds: Record<VerifierKind, { caseHas: string; actorIs: string }> = {
    communityStaff: { caseHas: 'c.resolved_on_spot', actorIs: has('communityStaff', () => within('c.org_path')) },
    townDispatcher: { caseHas: 'true', actorIs: has('dispatcher', () => within(townPath)) },
    reportingGridWorker: {
      caseHas: `not c.resolved_on_spot and c.reporter_kind = 'gridWorker' and c.handled_by is distinct from c.reporter_account_id`,
      actorIs: has('gridWorker', () => `c.reporter_account_id = ${p(a.accountId)}`),
    },
  };
  const anyKind = Object.values(kinds).map((k) => `(${k.caseHas} and ${k.actorIs})`).join(' or ');
  return `(c.handled_by is distinct from ${p(a.accountId)} and (${anyKind}))`;
}

/** The conditions of a case list: the viewer's visibility first, each filter only narrowing it. */
function listWhere(viewer: Viewer, f: Omit<CaseFilter, 'limit' | 'beforeCreated'>): { where: string[]; params: unknown[]; p(v: unknown): string } {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => { params.push(v); return `$${params.length}`; };
  const v = visibleTo(viewer, 1);
  params.push(...v.params);
  where.push(v.sql);
  if (f.statuses?.length) where.push(`c.status = any(${p(f.statuses)})`);
  if (f.orgUnitPath) where.push(`c.org_path like ${p(likePrefix(f.orgUnitPath))}`);
  if (f.overdue) where.push(`exists (select 1 from jsonb_each(c.clocks) k where k.value->>'light' = 'red' and k.value->>'stoppedAt' is null)`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    where.push(`(c.number like ${p(like)} or c.description like $${params.length} or c.address like $${params.length})`);
  }
  if (f.categoryCodes?.length) where.push(`c.category_code = any(${p(f.categoryCodes)}::text[])`);
  if (f.sources?.length) where.push(`c.source = any(${p(f.sources)}::text[])`);
  if (f.created?.from) where.push(`c.created_at >= ${p(f.created.from)}`);
  if (f.created?.before) where.push(`c.created_at < ${p(f.created.before)}`);
  if (f.mine && 'reportedByViewer' in f.mine) where.push(`c.reporter_account_id = ${p(viewer.accountId)}`);
  if (f.mine && 'assignedToViewer' in f.mine) {
    where.push(`(c.assignee->>'postId' = any(${p(viewer.postIds)}) or c.assignee->>'departmentId' = any(${p(viewer.departmentIds)}) or c.assignee->>'staffId' = ${p(viewer.accountId)})`);
  }
  if (f.mine && 'verifiableBy' in f.mine) where.push(`c.status = any(${p(f.mine.statuses)})`, verifiableBy(f.mine.verifiableBy, p));
  return { where, params, p };
}

/**
 * A page of the cases the viewer sees that the filters match, newest first. Two plans, chosen by how much the list
 * covers (migration 040, docs/operations.md "Database at scale"): within one town or less (a town's or a community's
 * staff, a unit filter of that size, or the viewer's own assignments or reports) the matching cases' ids and times are
 * collected through the index of each visibility branch (a BitmapOr) and the newest page read; over several towns (a
 * district, the city), where most cases match, the newest cases are walked (cases_created, cases_open_created) until
 * the page is full.
 */
export async function listCases(tx: Tx, viewer: Viewer, f: CaseFilter): Promise<CaseRow[]> {
  const { where, params, p } = listWhere(viewer, f);
  if (f.beforeCreated) where.push(`(c.created_at, c.id) < (${p(f.beforeCreated.at)}, ${p(f.beforeCreated.id)})`);
  const order = `order by c.created_at desc, c.id desc limit ${p(f.limit)}`;
  const own = f.mine !== undefined && ('assignedToViewer' in f.mine || 'reportedByViewer' in f.mine);
  const range = f.orgUnitPath ?? viewer.scopePath;
  const collect = own || range === null || !(await spansTowns(tx, range));
  const r = await tx.query<CaseRow>(collect
    ? `with c as materialized (select c.id, c.created_at from cases c where ${where.join(' and ')}), page as (select c.id from c ${order})
       ${SELECT} join page on page.id = c.id order by c.created_at desc, c.id desc`
    : `${SELECT} where ${where.join(' and ')} ${order}`, params);
  return r.rows;
}

/** Whether more than one town lies under a path (a district, the city). */
async function spansTowns(tx: Tx, path: string): Promise<boolean> {
  const r = await tx.query<{ n: number }>(
    `select count(*)::int as n from (select 1 from org_units where level = 'town' and path like $1 limit 2) x`, [likePrefix(path)]);
  return r.rows[0]!.n > 1;
}

/** How many cases a list's filters match, all pages together. */
export async function countCases(tx: Tx, viewer: Viewer, f: Omit<CaseFilter, 'limit' | 'beforeCreated'>): Promise<number> {
  const { where, params } = listWhere(viewer, f);
  const r = await tx.query<{ n: number }>(`select count(*)::int as n from cases c where ${where.join(' and ')}`, params);
  return r.rows[0]!.n;
}

export interface EventRow {
  id: number;
  case_id: string;
  at: Date;
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
  data: Record<string, unknown> | null;
}

/**
 * case_events is partitioned by the month of its case's creation (migration 039): an entry carries its case's
 * created_at, and a timeline read names it so it touches one partition (pruned when the statement runs). Both read it
 * from the case in the same statement, never from a caller's Date: that has milliseconds, the column may hold
 * microseconds (a bulk load), and a value off by one would miss the timeline.
 */
const CASE_CREATED_AT = (caseId: string) => `(select created_at from cases where id = ${caseId})`;

export async function insertEvent(tx: Tx, e: Omit<EventRow, 'id'> & { request_key?: string | null }): Promise<number> {
  const r = await tx.query<{ id: number }>(
    `insert into case_events (case_id, at, action, actor_id, actor_name, from_status, to_status, reason, data, request_key, case_created_at)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,${CASE_CREATED_AT('$1::text')}) returning id`,
    [e.case_id, e.at, e.action, e.actor_id, e.actor_name, e.from_status, e.to_status, e.reason, json(e.data), e.request_key ?? null],
  );
  return r.rows[0]!.id;
}

/** The first timeline entry an action sent with this (actor-scoped) Idempotency-Key wrote on the case, if any. */
export async function findEventByRequestKey(tx: Tx, caseId: string, requestKey: string): Promise<number | null> {
  const r = await tx.query<{ id: number }>(
    `select id from case_events where case_id = $1 and case_created_at = ${CASE_CREATED_AT('$1')} and request_key = $2`, [caseId, requestKey]);
  return r.rows[0]?.id ?? null;
}

export async function listEvents(tx: Tx, caseId: string): Promise<EventRow[]> {
  const r = await tx.query<EventRow>(
    `select id, case_id, at, action, actor_id, actor_name, from_status, to_status, reason, data from case_events
      where case_id = $1 and case_created_at = ${CASE_CREATED_AT('$1')} order by id`, [caseId]);
  return r.rows;
}

export async function attachPhotos(tx: Tx, caseId: string, eventId: number, hashes: readonly string[], phase: 'before' | 'after'): Promise<void> {
  for (const hash of hashes) {
    await tx.query('insert into case_photos (case_id, event_id, hash, phase) values ($1,$2,$3,$4) on conflict do nothing', [caseId, eventId, hash, phase]);
  }
}

export async function listPhotos(tx: Tx, caseId: string): Promise<{ hash: string; phase: 'before' | 'after'; event_id: number | null }[]> {
  const r = await tx.query<{ hash: string; phase: 'before' | 'after'; event_id: number | null }>(
    'select hash, phase, event_id from case_photos where case_id = $1 order by event_id, hash', [caseId]);
  return r.rows;
}

/** Display names of posts, departments and staff, by id. */
export async function assigneeNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const r = await tx.query<{ id: string; name: string }>(
    `select id, name from posts where id = any($1)
     union all select id, name from departments where id = any($1)
     union all select id, name from accounts where id = any($1)`, [ids]);
  return new Map(r.rows.map((x) => [x.id, x.name]));
}
