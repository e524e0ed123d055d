import type { Tx } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import { likePrefix } from '../platform/db/sql.ts';
import type { EnforcementStatus, Facts, MatterSource, PenaltyKind } from '../../shared/enforcement.ts';
import type { StoredSubject } from './subject.ts';

/* SQL of enforcement cases, their evidence and their timed events. The caller's scope is inside every read. */

export interface ProposedBand {
  benchmarkKey: string;
  name: string;
  penalty: { kinds: PenaltyKind[]; minYuan: number | null; maxYuan: number | null };
  description: string;
}
export interface ConfirmedBand {
  benchmarkKey: string;
  name: string;
  penalty: { kind: PenaltyKind; fineYuan: number | null };
  departureReasons: string[];
}
export interface ReviewRecord { by: string; byName: string; at: string; approved: boolean; opinion: string }
export interface DecisionRecord { number: string; at: string; penalty: { kind: PenaltyKind; fineYuan: number | null }; text: string }
export interface ExecutionRecord { kind: 'paid' | 'executed'; at: string; receiptNo: string | null; amountYuan: number | null; note: string | null }

export interface EnforcementCaseRow {
  id: string;
  number: string;
  version: number;
  town_id: string;
  grid_id: string;
  org_path: string;
  matter_code: string;
  matter_source: MatterSource;
  case_id: string | null;
  inspection_id: string | null;
  status: EnforcementStatus;
  subject: StoredSubject;
  subject_id_hash: string | null;
  facts: Facts;
  description: string;
  lng: number;
  lat: number;
  address: string | null;
  proposed: ProposedBand;
  confirmed: ConfirmedBand | null;
  departure: boolean;
  departure_reason: string | null;
  review: ReviewRecord | null;
  review_returns: number;
  decision: DecisionRecord | null;
  execution: ExecutionRecord | null;
  officer_ids: string[];
  drop_reason: string | null;
  idempotency_key: string | null;
  opened_at: Date;
  opened_by: string | null;
  updated_at: Date;
  decided_at: Date | null;
  closed_at: Date | null;
}

/** A case with the names its page and list show. */
export interface EnforcementCaseView extends EnforcementCaseRow {
  matter_name: string;
  town_name: string;
  grid_name: string;
  loop_case_number: string | null;
  loop_case_status: string | null;
  inspection_number: string | null;
  opened_by_name: string | null;
}

const VIEW = `select e.*, m.name as matter_name, t.name as town_name, g.name as grid_name,
                     lc.number as loop_case_number, lc.status as loop_case_status, ji.number as inspection_number, a.name as opened_by_name
                from enforcement_cases e
                join enforcement_matters m on m.code = e.matter_code
                join org_units t on t.id = e.town_id
                join org_units g on g.id = e.grid_id
                left join cases lc on lc.id = e.case_id
                left join joint_inspections ji on ji.id = e.inspection_id
                left join accounts a on a.id = e.opened_by`;

/** The case if it lies in the scope (org_path under scopePath). */
export async function findCase(tx: Tx, id: string, scopePath: string | null): Promise<EnforcementCaseView | null> {
  if (!scopePath) return null;
  const r = await tx.query<EnforcementCaseView>(`${VIEW} where e.id = $1 and e.org_path like $2`, [id, likePrefix(scopePath)]);
  return r.rows[0] ?? null;
}

/** The case to act on: in the caller's scope, locked for the rest of the transaction. */
export async function findCaseForAction(tx: Tx, id: string, p: Principal): Promise<EnforcementCaseRow | null> {
  if (!p.scopePath) return null;
  const r = await tx.query<EnforcementCaseRow>('select * from enforcement_cases where id = $1 and org_path like $2 for update', [id, likePrefix(p.scopePath)]);
  return r.rows[0] ?? null;
}

export async function findCaseByLoopCase(tx: Tx, caseId: string, scopePath: string | null): Promise<{ id: string } | null> {
  if (!scopePath) return null;
  const r = await tx.query<{ id: string }>('select id from enforcement_cases where case_id = $1 and org_path like $2', [caseId, likePrefix(scopePath)]);
  return r.rows[0] ?? null;
}

/** The enforcement case of a loop case, wherever it lies (a second case for the same loop case is refused). */
export async function findAnyCaseOfLoopCase(tx: Tx, caseId: string): Promise<{ id: string; number: string } | null> {
  const r = await tx.query<{ id: string; number: string }>('select id, number from enforcement_cases where case_id = $1', [caseId]);
  return r.rows[0] ?? null;
}

export async function findCaseByRequest(tx: Tx, idempotencyKey: string): Promise<{ id: string } | null> {
  const r = await tx.query<{ id: string }>('select id from enforcement_cases where idempotency_key = $1', [idempotencyKey]);
  return r.rows[0] ?? null;
}

export interface CaseListFilter {
  status: EnforcementStatus | null;
  matterCode: string | null;
  q: string | null;
}

/** Newest first by opening, keyset-paged on (opened_at, id). */
export async function listCases(tx: Tx, scopePath: string, f: CaseListFilter, after: { at: Date; id: string } | null, limit: number): Promise<EnforcementCaseView[]> {
  const r = await tx.query<EnforcementCaseView>(
    `${VIEW}
      where e.org_path like $1
        and ($2::text is null or e.status = $2)
        and ($3::text is null or e.matter_code = $3)
        and ($4::text is null or e.number ilike '%' || $4 || '%' or e.description ilike '%' || $4 || '%'
             or coalesce(e.address, '') ilike '%' || $4 || '%' or (e.subject->>'kind' = 'firm' and e.subject->>'name' ilike '%' || $4 || '%'))
        and ($5::timestamptz is null or (e.opened_at, e.id) < ($5::timestamptz, $6::text))
      order by e.opened_at desc, e.id desc
      limit $7`,
    [likePrefix(scopePath), f.status, f.matterCode, f.q, after?.at ?? null, after?.id ?? null, limit],
  );
  return r.rows;
}

export type NewEnforcementCase = Omit<EnforcementCaseRow,
  'id' | 'version' | 'confirmed' | 'departure' | 'departure_reason' | 'review' | 'review_returns' | 'decision' | 'execution' | 'drop_reason' | 'decided_at' | 'closed_at'>;

export async function insertCase(tx: Tx, c: NewEnforcementCase): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into enforcement_cases (number, town_id, grid_id, org_path, matter_code, matter_source, case_id, inspection_id, status, subject,
       subject_id_hash, facts, description, lng, lat, address, proposed, officer_ids, idempotency_key, opened_at, opened_by, updated_at)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22) returning id`,
    [c.number, c.town_id, c.grid_id, c.org_path, c.matter_code, c.matter_source, c.case_id, c.inspection_id, c.status, JSON.stringify(c.subject),
      c.subject_id_hash, JSON.stringify(c.facts), c.description, c.lng, c.lat, c.address, JSON.stringify(c.proposed), c.officer_ids,
      c.idempotency_key, c.opened_at, c.opened_by, c.updated_at],
  );
  return r.rows[0]!.id;
}

/** What an action may change on the case row (json columns given as values, written as jsonb). */
export interface CasePatch {
  status?: EnforcementStatus;
  facts?: Facts;
  proposed?: ProposedBand;
  confirmed?: ConfirmedBand | null;
  departure?: boolean;
  departure_reason?: string | null;
  review?: ReviewRecord | null;
  review_returns?: number;
  decision?: DecisionRecord | null;
  execution?: ExecutionRecord | null;
  officer_ids?: string[];
  drop_reason?: string | null;
  decided_at?: Date | null;
  closed_at?: Date | null;
}
const JSON_COLUMNS = new Set(['facts', 'proposed', 'confirmed', 'review', 'decision', 'execution']);

/** Writes the patch, version + 1 and updated_at. */
export async function updateCase(tx: Tx, id: string, patch: CasePatch, now: Date): Promise<void> {
  const cols = Object.entries(patch).filter(([, v]) => v !== undefined);
  const sets = cols.map(([k], i) => `${k} = $${i + 3}${JSON_COLUMNS.has(k) ? '::jsonb' : ''}`);
  const values = cols.map(([k, v]) => (JSON_COLUMNS.has(k) && v !== null ? JSON.stringify(v) : v));
  await tx.query(
    `update enforcement_cases set ${[...sets, 'version = version + 1', 'updated_at = $2'].join(', ')} where id = $1`,
    [id, now, ...values],
  );
}

// ---------------------------------------------------------------------------------------------------------------------
// Evidence

export interface EvidenceRow {
  id: string;
  case_id: string;
  kind: 'photo' | 'video' | 'statement' | 'document';
  file_hash: string | null;
  text: string | null;
  note: string | null;
  taken_at: Date;
  lng: number | null;
  lat: number | null;
  by_account: string | null;
  by_name: string | null;
  created_at: Date;
}

export async function insertEvidence(tx: Tx, e: Omit<EvidenceRow, 'id' | 'by_name'>): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into enforcement_evidence (case_id, kind, file_hash, text, note, taken_at, lng, lat, by_account, created_at)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) returning id`,
    [e.case_id, e.kind, e.file_hash, e.text, e.note, e.taken_at, e.lng, e.lat, e.by_account, e.created_at],
  );
  return r.rows[0]!.id;
}

export async function listEvidence(tx: Tx, caseId: string): Promise<EvidenceRow[]> {
  const r = await tx.query<EvidenceRow>(
    `select v.*, a.name as by_name from enforcement_evidence v left join accounts a on a.id = v.by_account
      where v.case_id = $1 order by v.taken_at, v.created_at, v.id`,
    [caseId],
  );
  return r.rows;
}

// ---------------------------------------------------------------------------------------------------------------------
// Events: the timeline, timed

export interface EnforcementEventRow {
  id: number;
  case_id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  data: Record<string, unknown>;
  request_key: string | null;
}

export async function appendEnforcementEvent(tx: Tx, e: {
  caseId: string; at: Date; actor: { id: string; name: string } | null; action: string; data: Record<string, unknown>; requestKey: string | null;
}): Promise<number> {
  const r = await tx.query<{ id: number }>(
    `insert into enforcement_events (case_id, at, actor_id, actor_name, action, data, request_key) values ($1,$2,$3,$4,$5,$6,$7) returning id`,
    [e.caseId, e.at, e.actor?.id ?? null, e.actor?.name ?? null, e.action, JSON.stringify(e.data), e.requestKey],
  );
  return Number(r.rows[0]!.id);
}

export async function listEvents(tx: Tx, caseId: string): Promise<EnforcementEventRow[]> {
  const r = await tx.query<EnforcementEventRow>('select * from enforcement_events where case_id = $1 order by at, id', [caseId]);
  return r.rows;
}

export async function findEventByRequestKey(tx: Tx, caseId: string, requestKey: string): Promise<EnforcementEventRow | null> {
  const r = await tx.query<EnforcementEventRow>('select * from enforcement_events where case_id = $1 and request_key = $2', [caseId, requestKey]);
  return r.rows[0] ?? null;
}

/** Names of accounts (the case's officers). */
export async function accountNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const r = await tx.query<{ id: string; name: string }>('select id, name from accounts where id = any($1::text[])', [[...ids]]);
  return new Map(r.rows.map((x) => [x.id, x.name]));
}

/** A grid (or any unit) with its town: path, town id, code and name. */
export async function gridWithTown(tx: Tx, gridId: string): Promise<{ grid_path: string; town_id: string; town_code: string; town_name: string } | null> {
  const r = await tx.query<{ grid_path: string; town_id: string; town_code: string; town_name: string }>(
    `select g.path as grid_path, t.id as town_id, t.code as town_code, t.name as town_name
       from org_units g join org_units t on t.level = 'town' and g.path like t.path || '%'
      where g.id = $1`,
    [gridId],
  );
  return r.rows[0] ?? null;
}

export async function townOf(tx: Tx, townId: string): Promise<{ code: string; name: string }> {
  const r = await tx.query<{ code: string; name: string }>('select code, name from org_units where id = $1', [townId]);
  return r.rows[0]!;
}

export async function findInspectionInScope(tx: Tx, id: string, scopePath: string): Promise<{
  id: string; number: string; grid_id: string | null; town_id: string; lng: number | null; lat: number | null; address: string | null; subject_name: string;
} | null> {
  const r = await tx.query<{ id: string; number: string; grid_id: string | null; town_id: string; lng: number | null; lat: number | null; address: string | null; subject_name: string }>(
    'select id, number, grid_id, town_id, lng, lat, address, subject_name from joint_inspections where id = $1 and org_path like $2',
    [id, likePrefix(scopePath)],
  );
  return r.rows[0] ?? null;
}
