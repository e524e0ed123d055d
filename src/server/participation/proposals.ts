// 议题: the commands on proposals — made on a council (by a resident, by staff, from a classed matter, or sent up from a
// lower council), put on a meeting's agenda, supported, commented, decided, carried out, reported and rated. Each
// change writes its proposal_events row and an audit row in the caller's transaction.
import type { Tx } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { ProposalAction, ProposalStatus } from '../../shared/participation.ts';
import { proposalActionAllowed, proposalStatusAfter } from '../../domain/participation/proposals.ts';
import type { Actor } from './scope.ts';
import { councilById, parentCouncil } from './councils.ts';

export interface ProposalRow {
  id: string;
  council_id: string;
  org_path: string;
  title: string;
  body: string;
  proposer_id: string | null;
  proposer_name: string;
  matter_id: string | null;
  status: ProposalStatus;
  support_count: number;
  decision: string | null;
  decided_at: Date | null;
  owner_name: string | null;
  owner_account_id: string | null;
  due_on: string | null;
  result: string | null;
  result_at: Date | null;
  rating_sum: number;
  rating_count: number;
  sent_up_from: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export const PROPOSAL_COLUMNS = `p.id, p.council_id, p.org_path, p.title, p.body, p.proposer_id, p.proposer_name, p.matter_id,
  p.status, p.support_count, p.decision, p.decided_at, p.owner_name, p.owner_account_id,
  to_char(p.due_on, 'YYYY-MM-DD') as due_on, p.result, p.result_at, p.rating_sum, p.rating_count, p.sent_up_from,
  p.version, p.created_at, p.updated_at`;

export const proposalStateConflict = (status: ProposalStatus, action: string) => new AppError(
  'PROPOSAL_STATE_CONFLICT',
  `The proposal is ${status}: "${action}" is not possible now.`,
  `议题当前状态不允许此操作（${action}）。`,
  { status },
);

export const proposalNotFound = () => new AppError('NOT_FOUND', 'No such proposal.', '没有这个议题。');

export async function lockProposal(tx: Tx, id: string): Promise<ProposalRow> {
  const r = await tx.query<ProposalRow>(`select ${PROPOSAL_COLUMNS} from proposals p where p.id = $1 for update`, [id]);
  if (!r.rows[0]) throw proposalNotFound();
  return r.rows[0];
}

export async function proposalEvent(tx: Tx, proposalId: string, action: string, note: string | null, detail: object, who: Actor): Promise<void> {
  await tx.query(
    `insert into proposal_events (proposal_id, action, note, detail, at, by_account, request_key) values ($1, $2, $3, $4, $5, $6, $7)`,
    [proposalId, action, note, JSON.stringify(detail), who.at, who.accountId, who.requestKey ?? null]);
}

async function audit(tx: Tx, who: Actor, action: string, proposalId: string, detail?: unknown): Promise<void> {
  await appendAudit(tx, {
    at: who.at, actorId: who.accountId, actorName: who.name, ip: who.ip, action,
    targetType: 'proposal', targetId: proposalId, success: true, detail,
  });
}

export interface NewProposal {
  councilId: string;
  title: string;
  body: string;
  proposerAccountId: string | null;
  /** the name shown (masked to other residents) */
  proposerName: string;
  matterId?: string | null;
  sentUpFrom?: string | null;
  idempotencyKey?: string | null;
  who: Actor;
}

/**
 * A new open proposal on a council (used by POST /api/proposals, by classing a matter 共事, and by send-up). With an
 * idempotency key already used, the first proposal is answered (`created: false`).
 */
export async function createProposalIn(tx: Tx, n: NewProposal): Promise<{ id: string; created: boolean }> {
  if (n.idempotencyKey) {
    const first = await tx.query<{ id: string }>('select id from proposals where idempotency_key = $1', [n.idempotencyKey]);
    if (first.rows[0]) return { id: first.rows[0].id, created: false };
  }
  const council = await councilById(tx, n.councilId);
  if (!council) throw new AppError('NOT_FOUND', 'No such council.', '没有这个议事会。');
  const ins = await tx.query<{ id: string }>(
    `insert into proposals (council_id, org_path, title, body, proposer_id, proposer_name, matter_id, sent_up_from,
                            idempotency_key, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
     on conflict (idempotency_key) do nothing returning id`,
    [council.id, council.org_path, n.title.trim(), n.body.trim(), n.proposerAccountId, n.proposerName, n.matterId ?? null,
      n.sentUpFrom ?? null, n.idempotencyKey ?? null, n.who.at]);
  if (!ins.rows[0]) {
    const first = await tx.query<{ id: string }>('select id from proposals where idempotency_key = $1', [n.idempotencyKey]);
    return { id: first.rows[0]!.id, created: false };
  }
  const id = ins.rows[0].id;
  await proposalEvent(tx, id, n.sentUpFrom ? 'sentUpHere' : 'create', null,
    { councilId: council.id, matterId: n.matterId ?? null, sentUpFrom: n.sentUpFrom ?? null }, n.who);
  await audit(tx, n.who, 'participation.proposal.create', id, { councilId: council.id, matterId: n.matterId ?? null, sentUpFrom: n.sentUpFrom ?? null });
  return { id, created: true };
}

/** The audit action of each step of a proposal. */
const STEP_AUDIT: Record<ProposalAction, { audit: string }> = {
  schedule: { audit: 'participation.proposal.schedule' },
  decide: { audit: 'participation.proposal.decide' },
  reject: { audit: 'participation.proposal.reject' },
  start: { audit: 'participation.proposal.start' },
  'report-result': { audit: 'participation.proposal.report_result' },
  'send-up': { audit: 'participation.proposal.send_up' },
};

async function moveProposal(
  tx: Tx, p: ProposalRow, action: ProposalAction, set: Record<string, unknown>, note: string | null, detail: object, who: Actor,
): Promise<ProposalStatus> {
  if (!proposalActionAllowed(p.status, action)) throw proposalStateConflict(p.status, action);
  const status = proposalStatusAfter(p.status, action);
  const cols = Object.keys(set);
  const params: unknown[] = [p.id, status, who.at, ...cols.map((c) => set[c])];
  await tx.query(
    `update proposals set status = $2, updated_at = $3, version = version + 1
       ${cols.map((c, i) => `, ${c} = $${i + 4}`).join('')} where id = $1`, params);
  await proposalEvent(tx, p.id, action, note, detail, who);
  await audit(tx, who, STEP_AUDIT[action].audit, p.id, { from: p.status, to: status, ...detail });
  return status;
}

/**
 * Puts a proposal on a meeting's agenda (H3 calls it when a meeting is made with the proposal): open → scheduled. A
 * proposal already scheduled (on another meeting too) stays so, with the event; any other status → 409.
 */
export async function scheduleProposal(tx: Tx, proposalId: string, meetingId: string, who: Actor): Promise<void> {
  const p = await lockProposal(tx, proposalId);
  if (p.status === 'scheduled') {
    await proposalEvent(tx, p.id, 'schedule', null, { meetingId }, who);
    return;
  }
  await moveProposal(tx, p, 'schedule', {}, null, { meetingId }, who);
}

export interface DecideInput { decision: string; ownerName: string; ownerAccountId?: string | null; dueOn?: string | null }

export async function decideProposal(tx: Tx, p: ProposalRow, d: DecideInput, who: Actor): Promise<void> {
  if (d.ownerAccountId) {
    const a = await tx.query('select 1 from accounts where id = $1', [d.ownerAccountId]);
    if (!a.rows[0]) throw new AppError('PARTICIPATION_INVALID', 'The owner account does not exist.', '承办人账号不存在。');
  }
  await moveProposal(tx, p, 'decide', {
    decision: d.decision.trim(), decided_at: who.at, owner_name: d.ownerName.trim(),
    owner_account_id: d.ownerAccountId ?? null, due_on: d.dueOn ?? null,
  }, d.decision.trim(), { ownerName: d.ownerName.trim(), dueOn: d.dueOn ?? null }, who);
}

export async function rejectProposal(tx: Tx, p: ProposalRow, reason: string, who: Actor): Promise<void> {
  await moveProposal(tx, p, 'reject', {}, reason.trim(), {}, who);
}

export async function startProposal(tx: Tx, p: ProposalRow, who: Actor): Promise<void> {
  await moveProposal(tx, p, 'start', {}, null, {}, who);
}

export async function reportProposalResult(tx: Tx, p: ProposalRow, result: string, who: Actor): Promise<void> {
  await moveProposal(tx, p, 'report-result', { result: result.trim(), result_at: who.at }, result.trim(), {}, who);
}

/**
 * Sends a proposal up one council (grid → community → town): a new open proposal there naming this one (sent_up_from,
 * unique: a proposal is sent up once), and this one sentUp. Answers the new proposal's id.
 */
export async function sendUpProposal(tx: Tx, p: ProposalRow, reason: string, who: Actor): Promise<string> {
  if (!proposalActionAllowed(p.status, 'send-up')) throw proposalStateConflict(p.status, 'send-up');
  const council = await councilById(tx, p.council_id);
  const parent = council && await parentCouncil(tx, council, who.at);
  if (!council || !parent) {
    throw new AppError('PROPOSAL_STATE_CONFLICT', 'A town council\'s proposal has no council above it to send it to.', '街道联席会的议题无法再上报。');
  }
  const made = await createProposalIn(tx, {
    councilId: parent.id, title: p.title, body: `${p.body}\n\n【${council.name}上报理由】${reason.trim()}`,
    proposerAccountId: p.proposer_id, proposerName: p.proposer_name, matterId: p.matter_id, sentUpFrom: p.id, who,
  });
  await moveProposal(tx, p, 'send-up', {}, reason.trim(), { toProposalId: made.id, toCouncilId: parent.id }, who);
  return made.id;
}

/**
 * A person's support (once per person: the primary key (proposal, person_key)); a second support is answered as it
 * stands (`counted: false`), 200 both times.
 */
export async function supportProposal(
  tx: Tx, p: ProposalRow, person: { personKey: string }, who: Actor,
): Promise<{ counted: boolean; supportCount: number }> {
  const ins = await tx.query(
    `insert into proposal_supports (proposal_id, person_key, account_id, at) values ($1, $2, $3, $4)
     on conflict (proposal_id, person_key) do nothing returning 1`,
    [p.id, person.personKey, who.accountId, who.at]);
  if (!ins.rows[0]) return { counted: false, supportCount: p.support_count };
  const up = await tx.query<{ support_count: number }>(
    `update proposals set support_count = support_count + 1 where id = $1 returning support_count`, [p.id]);
  await audit(tx, who, 'participation.proposal.support', p.id);
  return { counted: true, supportCount: up.rows[0]!.support_count };
}

export async function commentOnProposal(tx: Tx, p: ProposalRow, authorName: string, body: string, who: Actor): Promise<void> {
  await tx.query(
    `insert into proposal_comments (proposal_id, account_id, author_name, body, at) values ($1, $2, $3, $4, $5)`,
    [p.id, who.accountId, authorName, body.trim(), who.at]);
  await tx.query('update proposals set updated_at = $2 where id = $1', [p.id, who.at]);
  await audit(tx, who, 'participation.proposal.comment', p.id);
}

/** One rating per person of a done proposal; a second → 409 PROPOSAL_STATE_CONFLICT (the first stands). */
export async function rateProposal(
  tx: Tx, p: ProposalRow, person: { personKey: string }, stars: number, comment: string | null, who: Actor,
): Promise<void> {
  if (p.status !== 'done') throw proposalStateConflict(p.status, 'rate');
  const ins = await tx.query(
    `insert into proposal_ratings (proposal_id, person_key, stars, comment, at) values ($1, $2, $3, $4, $5)
     on conflict (proposal_id, person_key) do nothing returning 1`,
    [p.id, person.personKey, stars, comment?.trim() || null, who.at]);
  if (!ins.rows[0]) {
    throw new AppError('PROPOSAL_STATE_CONFLICT', 'You have already rated this result.', '您已经评价过这个结果。', { rated: true });
  }
  await tx.query('update proposals set rating_sum = rating_sum + $2, rating_count = rating_count + 1 where id = $1', [p.id, stars]);
  await proposalEvent(tx, p.id, 'rate', null, { stars }, who);
  await audit(tx, who, 'participation.proposal.rate', p.id, { stars });
}
