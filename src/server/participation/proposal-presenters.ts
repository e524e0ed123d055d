// 议题: reading proposals — the caller's area in the SQL (scope.ts councilReadSql on the council's path), the proposer's
// and commenters' names masked for residents (their own whole), whether the caller's person supports it and their
// rating, the timeline (staff names; null for residents' own acts shown to others), `policies`.
import type { Tx } from '../platform/db/db.ts';
import type { CouncilLevel, ProposalStatus } from '../../shared/participation.ts';
import { averageRating, proposalActionAllowed, proposalOpenForRating, proposalOpenForSupport } from '../../domain/participation/proposals.ts';
import { PROPOSAL_COLUMNS, proposalNotFound, type ProposalRow } from './proposals.ts';
import { councilReadSql, iso, isResident, isStaffOf, maskName, type Reader } from './scope.ts';
import type { ProposalDetailT, ProposalPolicy, ProposalSummaryT } from './proposal-schemas.ts';

export interface ListedProposal extends ProposalRow {
  council_name: string; council_level: CouncilLevel; comment_count: number; supported: boolean; sent_up_to: string | null;
}

function select(r: Reader, params: unknown[]): string {
  params.push(r.person?.personKey ?? null);
  const key = `$${params.length}`;
  return `select ${PROPOSAL_COLUMNS}, co.name as council_name, co.level as council_level,
      (select count(*)::int from proposal_comments pc where pc.proposal_id = p.id) as comment_count,
      exists (select 1 from proposal_supports ps where ps.proposal_id = p.id and ps.person_key = ${key}) as supported,
      (select up.id from proposals up where up.sent_up_from = p.id) as sent_up_to
    from proposals p join councils co on co.id = p.council_id`;
}

export interface ProposalFilter { councilId: string | null; level: CouncilLevel | null; status: ProposalStatus | null; q: string | null }

export async function listProposals(tx: Tx, r: Reader, f: ProposalFilter, after: { at: Date; id: string } | null, limit: number): Promise<ListedProposal[]> {
  const params: unknown[] = [];
  const head = select(r, params);
  const where = [councilReadSql(r, 'p.org_path', params)];
  if (f.councilId) { params.push(f.councilId); where.push(`p.council_id = $${params.length}`); }
  if (f.level) { params.push(f.level); where.push(`co.level = $${params.length}`); }
  if (f.status) { params.push(f.status); where.push(`p.status = $${params.length}`); }
  if (f.q) { params.push(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`); where.push(`p.title like $${params.length}`); }
  if (after) { params.push(after.at, after.id); where.push(`(p.created_at, p.id) < ($${params.length - 1}, $${params.length})`); }
  params.push(limit);
  return (await tx.query<ListedProposal>(`${head} where ${where.join(' and ')} order by p.created_at desc, p.id desc limit $${params.length}`, params)).rows;
}

export async function findProposal(tx: Tx, r: Reader, id: string): Promise<ListedProposal | null> {
  const params: unknown[] = [];
  const head = select(r, params);
  params.push(id);
  const idp = `$${params.length}`;
  return (await tx.query<ListedProposal>(`${head} where p.id = ${idp} and ${councilReadSql(r, 'p.org_path', params)}`, params)).rows[0] ?? null;
}

/** What the caller may do to a proposal now. Residents act as registry persons (their person's key). */
export function proposalPolicies(r: Reader, p: ProposalRow & { supported?: boolean }, myRating: number | null = null): ProposalPolicy[] {
  const out: ProposalPolicy[] = [];
  const resident = isResident(r.p);
  const staff = isStaffOf(r.p, p.org_path);
  if (resident && r.person && proposalOpenForSupport(p.status) && !p.supported) out.push('support');
  if ((resident || staff) && proposalOpenForSupport(p.status)) out.push('comment');
  if (resident && r.person && proposalOpenForRating(p.status) && myRating === null) out.push('rate');
  if (staff) {
    if (proposalActionAllowed(p.status, 'decide')) out.push('decide');
    if (proposalActionAllowed(p.status, 'reject')) out.push('reject');
    if (proposalActionAllowed(p.status, 'start')) out.push('start');
    if (proposalActionAllowed(p.status, 'report-result')) out.push('reportResult');
  }
  return out;
}

const mine = (r: Reader, accountId: string | null) => accountId !== null && accountId === r.p.accountId;
/** A name shown to the caller: whole for staff of the scope and for one's own; masked (张*) for other residents. */
export const shownName = (r: Reader, orgPath: string, name: string, accountId: string | null) =>
  isStaffOf(r.p, orgPath) || !isResident(r.p) || mine(r, accountId) ? name : maskName(name);

export function presentProposal(r: Reader, p: ListedProposal, sendUpAllowed: boolean, myRating: number | null = null): ProposalSummaryT {
  const policies = proposalPolicies(r, p, myRating);
  if (sendUpAllowed && p.council_level !== 'town' && isStaffOf(r.p, p.org_path) && proposalActionAllowed(p.status, 'send-up')) policies.push('sendUp');
  return {
    id: p.id, version: p.version, councilId: p.council_id, councilName: p.council_name, councilLevel: p.council_level,
    title: p.title, body: p.body, proposerName: shownName(r, p.org_path, p.proposer_name, p.proposer_id), mine: mine(r, p.proposer_id),
    status: p.status, supportCount: p.support_count, supportedByMe: p.supported, commentCount: p.comment_count,
    ratingAverage: averageRating(p.rating_sum, p.rating_count), ratingCount: p.rating_count, decision: p.decision,
    ownerName: p.owner_name, dueOn: p.due_on, matterId: p.matter_id, sentUpFrom: p.sent_up_from, sentUpTo: p.sent_up_to,
    createdAt: iso(p.created_at)!, updatedAt: iso(p.updated_at)!, policies,
  };
}

export async function loadProposalDetail(tx: Tx, r: Reader, id: string): Promise<ProposalDetailT> {
  const p = await findProposal(tx, r, id);
  if (!p) throw proposalNotFound();
  const [comments, events, rating, meetings] = await Promise.all([
    tx.query<{ id: string; account_id: string | null; author_name: string; body: string; at: Date }>(
      'select id::text as id, account_id, author_name, body, at from proposal_comments where proposal_id = $1 order by at, id', [id]),
    tx.query<{ action: string; note: string | null; at: Date; by_name: string | null; by_kind: string | null; by_account: string | null }>(
      `select e.action, e.note, e.at, a.name as by_name, a.kind as by_kind, e.by_account from proposal_events e
         left join accounts a on a.id = e.by_account where e.proposal_id = $1 order by e.at, e.id`, [id]),
    r.person
      ? tx.query<{ stars: number }>('select stars from proposal_ratings where proposal_id = $1 and person_key = $2', [id, r.person.personKey])
      : Promise.resolve({ rows: [] as { stars: number }[] }),
    tx.query<{ id: string; title: string; starts_at: Date; status: string }>(
      `select mt.id, mt.title, mt.starts_at, mt.status from meeting_items mi join meetings mt on mt.id = mi.meeting_id
        where mi.proposal_id = $1 order by mt.starts_at`, [id]),
  ]);
  const myRating = rating.rows[0]?.stars ?? null;
  const staffView = isStaffOf(r.p, p.org_path) || !isResident(r.p);
  return {
    ...presentProposal(r, p, true, myRating),
    decidedAt: iso(p.decided_at), result: p.result, resultAt: iso(p.result_at), myRating,
    comments: comments.rows.map((c) => ({
      id: c.id, authorName: shownName(r, p.org_path, c.author_name, c.account_id), body: c.body, at: iso(c.at)!, mine: mine(r, c.account_id),
    })),
    timeline: events.rows.map((e) => ({
      action: e.action, note: e.note, at: iso(e.at)!,
      byName: e.by_name === null ? null : staffView || e.by_kind !== 'resident' || mine(r, e.by_account) ? e.by_name : null,
    })),
    meetings: meetings.rows.map((m) => ({ id: m.id, title: m.title, startsAt: iso(m.starts_at)!, status: m.status })),
  };
}
