// 户自查 → 组互评 → 村评定 (issue 16): a household reports for a month which of the community's published base and
// bonus rules it met; the grid's group reviews item by item; the village (POINTS_KEEPERS) approves item by item and the
// approved items are awarded through the ledger, one award per item with event ref `assessment:<id>` (so an approval
// retried awards nothing twice). Either review may return it; the household then reports again. The flow is H1's
// (domain/points/assessment.ts). Each step writes the row (version + 1) and its audit entry in one transaction.
import type { Tx } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { AssessmentItem, AssessmentStatus } from '../../shared/points.ts';
import { approvedItems, assessmentActionAllowed, assessmentStatusAfter, type AssessmentAction } from '../../domain/points/assessment.ts';
import { applyRule, pointsInvalid, publishedRules, type PublishedRule } from './ledger.ts';
import type { Actor, HouseholdRow } from './ledger-store.ts';

export interface AssessmentRow {
  id: string; org_unit_id: string; org_path: string; household_id: string; period: string; status: AssessmentStatus;
  items: AssessmentItem[]; self_at: Date; self_by: string | null; peer_at: Date | null; peer_note: string | null;
  decided_at: Date | null; decision_note: string | null; version: number;
  address: string; grid_id: string; grid_name: string; head_name: string | null; awarded: number;
}

const COLUMNS = `a.id, a.org_unit_id, a.org_path, a.household_id, a.period, a.status, a.items, a.self_at, a.self_by, a.peer_at,
  a.peer_note, a.decided_at, a.decision_note, a.version, h.address, h.grid_id, g.name as grid_name,
  (select r.name from registry_residents r where r.id = h.head_resident_id) as head_name,
  coalesce((select sum(e.amount) from point_transactions t join point_entries e on e.transaction_id = t.id and e.account_id = t.subject_id
             where t.event_ref = 'assessment:' || a.id and t.kind = 'award'
               and not exists (select 1 from point_transactions x where x.reverses_id = t.id)), 0)::bigint as awarded`;
const FROM = `from point_assessments a join registry_households h on h.id = a.household_id join org_units g on g.id = h.grid_id`;

const norm = (r: AssessmentRow): AssessmentRow => ({ ...r, awarded: Number(r.awarded) });

export async function findAssessment(tx: Tx, id: string): Promise<AssessmentRow | null> {
  const r = await tx.query<AssessmentRow>(`select ${COLUMNS} ${FROM} where a.id = $1`, [id]);
  return r.rows[0] ? norm(r.rows[0]) : null;
}

/** Assessments under a path (staff) or of one household (a resident), newest period first, keyset by (period, id). */
export async function listAssessments(
  tx: Tx,
  f: { underPath: string | null; householdId: string | null; period: string | null; status: AssessmentStatus | null; after: { period: string; id: string } | null; limit: number },
): Promise<AssessmentRow[]> {
  const params: unknown[] = [f.underPath === null ? null : likePrefix(f.underPath), f.householdId, f.period, f.status, f.limit];
  let keyset = '';
  if (f.after) {
    params.push(f.after.period, f.after.id);
    keyset = ` and (a.period, a.id) < ($6, $7)`;
  }
  const r = await tx.query<AssessmentRow>(
    `select ${COLUMNS} ${FROM}
      where ($1::text is null or a.org_path like $1) and ($2::text is null or a.household_id = $2)
        and ($3::text is null or a.period = $3) and ($4::text is null or a.status = $4) ${keyset}
      order by a.period desc, a.id desc limit $5`,
    params,
  );
  return r.rows.map(norm);
}

const stateConflict = (status: AssessmentStatus, action: AssessmentAction) => new AppError(
  'ASSESSMENT_STATE_CONFLICT',
  `This assessment is ${status}: it cannot be ${action === 'peer-review' ? 'peer-reviewed' : action === 'approve' ? 'approved' : action === 'return' ? 'returned' : 'reported again'} now.`,
  `该评定当前为「${({ selfReported: '已自查', peerReviewed: '已互评', approved: '已评定', returned: '已退回' } as const)[status]}」，不能${({ 'self-report': '重新自查', 'peer-review': '互评', approve: '评定', return: '退回' } as const)[action]}。`,
  { status },
);

/** Checks the items against the community's published base and bonus rules; answers them cleaned. */
function checkItems(items: AssessmentItem[], rules: PublishedRule[]): AssessmentItem[] {
  const byCode = new Map(rules.filter((r) => r.kind === 'base' || r.kind === 'bonus').map((r) => [r.code, r]));
  const reasons: string[] = [];
  const seen = new Set<string>();
  for (const i of items) {
    if (!byCode.has(i.ruleCode)) reasons.push(`细则「${i.ruleCode}」不是本社区已发布的加分项`);
    if (seen.has(i.ruleCode)) reasons.push(`细则「${i.ruleCode}」重复`);
    seen.add(i.ruleCode);
  }
  if (reasons.length) throw pointsInvalid(reasons);
  return items.map((i) => ({ ruleCode: i.ruleCode, claimed: i.claimed, note: i.note ?? null, peer: null, approved: null }));
}

/**
 * 户自查: the household's report for a period (a new one, or again after a return). Answers the id and whether it was
 * made now (a repeat by the same account of a report still waiting answers it).
 */
export async function selfReport(
  tx: Tx, h: HouseholdRow, body: { period: string; items: AssessmentItem[] }, who: Actor, repeatOk: boolean,
): Promise<{ id: string; created: boolean }> {
  const items = checkItems(body.items, await publishedRules(tx, h.community_id));
  const existing = (await tx.query<{ id: string; status: AssessmentStatus; self_by: string | null }>(
    `select id, status, self_by from point_assessments where household_id = $1 and period = $2 for update`, [h.id, body.period],
  )).rows[0];
  if (existing) {
    if (repeatOk && existing.status === 'selfReported' && existing.self_by === who.accountId) return { id: existing.id, created: false };
    if (!assessmentActionAllowed(existing.status, 'self-report')) throw stateConflict(existing.status, 'self-report');
    await tx.query(
      `update point_assessments set status = 'selfReported', items = $2::jsonb, self_at = $3, self_by = $4, peer_at = null, peer_by = null,
              peer_note = null, decided_at = null, decided_by = null, decision_note = null, version = version + 1 where id = $1`,
      [existing.id, JSON.stringify(items), who.at, who.accountId],
    );
    await audit(tx, who, 'points.assessment.report', existing.id, { period: body.period, again: true });
    return { id: existing.id, created: true };
  }
  const r = await tx.query<{ id: string }>(
    `insert into point_assessments (org_unit_id, org_path, household_id, period, status, items, self_at, self_by)
     values ($1, $2, $3, $4, 'selfReported', $5::jsonb, $6, $7)
     on conflict (household_id, period) do nothing returning id`,
    [h.community_id, h.org_path, h.id, body.period, JSON.stringify(items), who.at, who.accountId],
  );
  if (!r.rows[0]) throw stateConflict('selfReported', 'self-report');
  await audit(tx, who, 'points.assessment.report', r.rows[0].id, { period: body.period });
  return { id: r.rows[0].id, created: true };
}

const audit = (tx: Tx, who: Actor, action: string, id: string, detail: unknown) => appendAudit(tx, {
  at: who.at, actorId: who.accountId, actorName: who.name, ip: who.ip, action, targetType: 'point_assessment', targetId: id, success: true, detail,
});

/** Takes the reviewers' word per item (peer or approved) from the body; unknown items → 422. */
function merge(stored: AssessmentItem[], body: AssessmentItem[], field: 'peer' | 'approved'): AssessmentItem[] {
  const byCode = new Map(body.map((i) => [i.ruleCode, i]));
  const unknown = body.filter((i) => !stored.some((s) => s.ruleCode === i.ruleCode)).map((i) => `细则「${i.ruleCode}」不在本户自查中`);
  if (unknown.length) throw pointsInvalid(unknown);
  return stored.map((s) => {
    const b = byCode.get(s.ruleCode);
    const word = b ? (b[field] ?? null) : null;
    return { ...s, [field]: s.claimed ? word : false };
  });
}

async function lockFor(tx: Tx, a: AssessmentRow, action: AssessmentAction, version: number | undefined): Promise<void> {
  const cur = (await tx.query<{ status: AssessmentStatus; version: number }>(`select status, version from point_assessments where id = $1 for update`, [a.id])).rows[0]!;
  if (!assessmentActionAllowed(cur.status, action)) throw stateConflict(cur.status, action);
  if (version !== undefined && version !== cur.version) {
    throw new AppError('CONFLICT', 'The assessment was changed by someone else: reload it.', '该评定已被他人处理：请刷新后再试。');
  }
}

/** 组互评 */
export async function peerReview(tx: Tx, a: AssessmentRow, body: { version?: number; items: AssessmentItem[]; note?: string }, who: Actor): Promise<void> {
  await lockFor(tx, a, 'peer-review', body.version);
  const items = merge(a.items, body.items, 'peer');
  await tx.query(
    `update point_assessments set status = $2, items = $3::jsonb, peer_at = $4, peer_by = $5, peer_note = $6, version = version + 1 where id = $1`,
    [a.id, assessmentStatusAfter(a.status, 'peer-review'), JSON.stringify(items), who.at, who.accountId, body.note ?? null],
  );
  await audit(tx, who, 'points.assessment.peerReview', a.id, { agreed: items.filter((i) => i.peer).map((i) => i.ruleCode) });
}

/** 村评定: approves item by item and awards the approved ones (one award per item, event `assessment:<id>`). */
export async function approveAssessment(
  tx: Tx, a: AssessmentRow, body: { version?: number; items: AssessmentItem[]; note?: string }, who: Actor,
): Promise<number> {
  await lockFor(tx, a, 'approve', body.version);
  const items = merge(a.items, body.items, 'approved');
  const rules = await publishedRules(tx, a.org_unit_id);
  let total = 0;
  for (const code of approvedItems(items)) {
    const rule = rules.find((r) => r.code === code);
    if (!rule) throw pointsInvalid([`细则「${code}」已不在已发布的细则中`]);
    const subject = rule.subjectKind === 'household' ? { householdId: a.household_id } : null;
    if (!subject) continue;
    const r = await applyRule(tx, { rule, subject, orgUnitId: a.org_unit_id, eventRef: `assessment:${a.id}`, units: 1, note: `${a.period} 评定`, at: who.at, by: who.accountId })
      .catch((e: unknown) => {
        // a capped rule gives nothing more this period: the item is approved, nothing to award
        if (e instanceof AppError && e.code === 'POINTS_INVALID') return { points: 0 };
        throw e;
      });
    total += r.points;
  }
  await tx.query(
    `update point_assessments set status = 'approved', items = $2::jsonb, decided_at = $3, decided_by = $4, decision_note = $5, version = version + 1 where id = $1`,
    [a.id, JSON.stringify(items), who.at, who.accountId, body.note ?? null],
  );
  await audit(tx, who, 'points.assessment.approve', a.id, { approved: approvedItems(items), points: total });
  return total;
}

/** Returned to the household to report again. */
export async function returnAssessment(tx: Tx, a: AssessmentRow, body: { version?: number; note: string }, who: Actor): Promise<void> {
  await lockFor(tx, a, 'return', body.version);
  await tx.query(
    `update point_assessments set status = 'returned', decided_at = $2, decided_by = $3, decision_note = $4, version = version + 1 where id = $1`,
    [a.id, who.at, who.accountId, body.note],
  );
  await audit(tx, who, 'points.assessment.return', a.id, { note: body.note });
}
