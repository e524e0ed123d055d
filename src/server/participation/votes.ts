// 表决: motions of a meeting with their rules (fixed when they open), and votes. One person — or one household, by the
// rule — one vote, for every channel (phone, onSite, assisted): the row in motion_voters under its PRIMARY KEY (motion,
// voter key) is the only guard; a second vote finds the key taken (insert … on conflict do nothing → nothing inserted)
// and is refused 409 VOTE_DUPLICATE, the first stands. Nothing here reads "has this person voted?" before inserting.
// Secret ballots: the ballot row has no voter key and no time, and its id is drawn at random (not the identity
// sequence), so neither a column nor the order of the rows ties a choice to a voter; the audit row of a secret vote
// names no choice. Votes are never updated or deleted (no route does it).
import { randomBytes } from 'node:crypto';
import type { Tx } from '../platform/db/db.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { holdsAnyRole } from '../../shared/roles.ts';
import {
  DEFAULT_VOTE_OPTIONS, PARTICIPATION_LEADS, type VoteChannel, type VoteRules, type VoteTally,
} from '../../shared/participation.ts';
import { eligibility, isLoosening, rulesRefusals, tally, voterKeyOf } from '../../domain/participation/votes.ts';
import type { RegistryPerson } from './person.ts';
import type { Actor, Reader } from './scope.ts';
import { findMeetingToRun, invalid, meetingStateConflict } from './meetings.ts';

export interface MotionRow {
  id: string; meeting_id: string; proposal_id: string | null; org_path: string; title: string; options: string[]; rules: VoteRules;
  loosened_by: string | null; loosened_by_name: string | null; loosened_at: Date | null; loosened_reason: string | null;
  status: 'open' | 'closed'; opens_at: Date; closes_at: Date; closed_at: Date | null; result: VoteTally | null;
  electorate_size: number; cast_count: number; meeting_status: string; created_at: Date;
}

export const MOTION_COLUMNS = `mo.id, mo.meeting_id, mo.proposal_id, mo.org_path, mo.title, mo.options, mo.rules, mo.loosened_by,
  (select a.name from accounts a where a.id = mo.loosened_by) as loosened_by_name, mo.loosened_at, mo.loosened_reason,
  mo.status, mo.opens_at, mo.closes_at, mo.closed_at, mo.result, mo.electorate_size,
  (select count(*) from motion_voters v where v.motion_id = mo.id)::int as cast_count,
  (select m.status from meetings m where m.id = mo.meeting_id) as meeting_status, mo.created_at`;

export async function motionsOf(tx: Tx, meetingId: string): Promise<MotionRow[]> {
  return (await tx.query<MotionRow>(`select ${MOTION_COLUMNS} from motions mo where mo.meeting_id = $1 order by mo.created_at, mo.id`, [meetingId])).rows;
}

const audit = (tx: Tx, who: Actor, action: string, targetId: string, detail: unknown) => appendAudit(tx, {
  at: who.at, actorId: who.accountId, actorName: who.name, ip: who.ip, action, targetType: 'motion', targetId, success: true, detail,
});

/** Age in whole years on `at` (Asia/Shanghai calendar date) of someone born on `birthDate` (YYYY-MM-DD). */
export function ageOn(birthDate: string, at: Date): number {
  const d = new Date(at.getTime() + 8 * 3_600_000);
  const [y, m, day] = birthDate.split('-').map(Number) as [number, number, number];
  let age = d.getUTCFullYear() - y;
  if (d.getUTCMonth() + 1 < m || (d.getUTCMonth() + 1 === m && d.getUTCDate() < day)) age -= 1;
  return age;
}

/** The day 18 years before `at` (Asia/Shanghai), YYYY-MM-DD: people born on or before it are of voting age. */
function adultBornBy(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3_600_000);
  return `${d.getUTCFullYear() - 18}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** The electorate from the registry: living residents of the area aged 18 or more, counted by person or by household. */
export async function electorateSize(tx: Tx, orgPath: string, unit: VoteRules['unit'], at: Date): Promise<number> {
  const counted = unit === 'household' ? 'count(distinct coalesce(r.household_id, r.id))' : 'count(*)';
  const r = await tx.query<{ n: number }>(
    `select ${counted}::int as n from registry_residents r where r.org_path like $1 and r.left_at is null and r.birth_date <= $2::date`,
    [likePrefix(orgPath), adultBornBy(at)]);
  return r.rows[0]?.n ?? 0;
}

export interface NewMotion {
  title: string; proposalId?: string | null; options?: string[] | null; rules: VoteRules; closesAt: string | Date;
  loosening?: { confirmed: true; reason: string } | null;
}

/**
 * Opens a motion on a meeting the caller runs. Rules checked (422 PARTICIPATION_INVALID with the reasons); electorate
 * `anyone` is a loosening: without `loosening.confirmed` 422 VOTE_LOOSENING_UNCONFIRMED, confirmed only by
 * PARTICIPATION_LEADS (else 403), audited as participation.vote.loosen with the reason and shown on the vote.
 */
export async function createMotion(tx: Tx, r: Reader, meetingId: string, n: NewMotion, who: Actor): Promise<{ id: string; created: boolean }> {
  if (who.requestKey) {
    const first = (await tx.query<{ id: string }>('select id from motions where idempotency_key = $1', [who.requestKey])).rows[0];
    if (first) return { id: first.id, created: false };
  }
  const m = await findMeetingToRun(tx, r, meetingId);
  if (m.status === 'closed' || m.status === 'cancelled') throw meetingStateConflict(m.status);
  const refusals = rulesRefusals(n.rules);
  if (refusals.length) throw invalid(`The vote's rules do not hold: ${refusals.length} problem(s).`, refusals.join('；'), { reasons: refusals });
  const loosening = isLoosening(n.rules);
  if (loosening && !(n.loosening?.confirmed === true && n.loosening.reason.trim())) {
    throw new AppError('VOTE_LOOSENING_UNCONFIRMED',
      'Letting people outside the registry vote loosens the electorate: confirm it with a reason.',
      '允许未登记为本辖区居民的人投票属于放宽投票资格：请确认并说明理由。');
  }
  if (loosening && !holdsAnyRole(r.p.roles, PARTICIPATION_LEADS)) {
    throw new AppError('FORBIDDEN', 'Only a lead (leader, dispatcher or community staff) may loosen a vote\'s electorate.',
      '只有街道领导、调度员或社区工作人员可以确认放宽投票资格。');
  }
  const closesAt = new Date(n.closesAt);
  if (!(closesAt.getTime() > who.at.getTime())) throw invalid('The vote closes before it opens.', '投票截止时间应晚于现在。');
  if (closesAt.getTime() - who.at.getTime() > 60 * 86_400_000) throw invalid('A vote runs at most 60 days.', '投票期最长 60 天。');
  const options = (n.options?.length ? n.options.map((o) => o.trim()) : [...DEFAULT_VOTE_OPTIONS]);
  if (options.some((o) => !o) || new Set(options).size !== options.length) throw invalid('The options must be distinct and not empty.', '表决选项不能为空，也不能重复。');
  if (n.proposalId) {
    const onAgenda = await tx.query('select 1 from meeting_items where meeting_id = $1 and proposal_id = $2', [meetingId, n.proposalId]);
    if (!onAgenda.rows[0]) throw invalid('The proposal is not on this meeting\'s agenda.', '该议题不在本次议事活动的议程中。');
  }
  const rules: VoteRules = { unit: n.rules.unit, electorate: n.rules.electorate, quorum: { ...n.rules.quorum }, passShare: n.rules.passShare, secret: n.rules.secret };
  const size = await electorateSize(tx, m.org_path, rules.unit, who.at);
  const reason = loosening ? n.loosening!.reason.trim() : null;
  const ins = await tx.query<{ id: string }>(
    `insert into motions (meeting_id, proposal_id, org_path, title, options, rules, loosened_by, loosened_at, loosened_reason, status,
       opens_at, closes_at, electorate_size, idempotency_key, created_at, created_by)
     values ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, 'open', $10, $11, $12, $13, $10, $14)
     on conflict (idempotency_key) do nothing returning id`,
    [meetingId, n.proposalId ?? null, m.org_path, n.title.trim(), JSON.stringify(options), JSON.stringify(rules),
      loosening ? who.accountId : null, loosening ? who.at : null, reason, who.at, closesAt, size, who.requestKey ?? null, who.accountId]);
  if (!ins.rows[0]) {
    const first = (await tx.query<{ id: string }>('select id from motions where idempotency_key = $1', [who.requestKey])).rows[0]!;
    return { id: first.id, created: false };
  }
  const id = ins.rows[0].id;
  await tx.query('update meetings set version = version + 1, updated_at = $2 where id = $1', [meetingId, who.at]);
  await audit(tx, who, 'participation.motion.create', id, { meetingId, title: n.title.trim(), rules, electorate: size, options });
  if (loosening) await audit(tx, who, 'participation.vote.loosen', id, { meetingId, reason });
  return { id, created: true };
}

/** A voter: a registry person, or (only under a confirmed loosening) an account of the area outside the registry. */
export type Voter = RegistryPerson | { accountId: string; personKey: string; areaPath: string | null };
const inRegistry = (v: Voter): v is RegistryPerson => 'residentId' in v;

export interface CastVote {
  motionId: string; meetingId?: string; person: Voter; choice: string; channel: VoteChannel; castBy: string | null; at: Date;
  ip?: string | null; castByName?: string | null;
  /** the caster's Idempotency-Key (scoped to their account): the retry of a counted vote answers counted again */
  requestKey?: string | null;
}

export const voteClosed = () => new AppError('VOTE_CLOSED', 'The vote is closed: no more votes are counted.', '表决已截止，不再计票。');

/** What keeps this voter from voting on the motion (403 VOTE_NOT_ELIGIBLE), or null. */
export function refusalFor(m: Pick<MotionRow, 'rules' | 'org_path' | 'loosened_at'>, v: Voter, at: Date): string | null {
  const reg = inRegistry(v);
  const area = reg ? v.orgPath : v.areaPath;
  const e = eligibility(m.rules, {
    inRegistry: reg, inArea: area !== null && area.startsWith(m.org_path), age: reg ? ageOn(v.birthDate, at) : null, loosened: m.loosened_at !== null,
  });
  return e.eligible ? null : e.reason;
}

/** The key this voter's one vote is counted under. */
export const voterKey = (m: Pick<MotionRow, 'rules'>, v: Voter) =>
  voterKeyOf(m.rules, { personKey: v.personKey, householdId: inRegistry(v) ? v.householdId : null });

/**
 * Casts one vote. 409 VOTE_CLOSED after the close (or past closesAt, or the meeting closed or cancelled), 422 for a
 * choice not among the options, 403 VOTE_NOT_ELIGIBLE, 409 VOTE_DUPLICATE when the voter key is taken (the PRIMARY KEY
 * decides; concurrent votes by one person wait on each other's insert and all but one find the key taken).
 */
export async function castVote(tx: Tx, v: CastVote): Promise<{ counted: true }> {
  // a share lock: votes in flight do not wait for each other, but a close waits for them and a vote after it sees it closed
  const m = (await tx.query<MotionRow>(`select ${MOTION_COLUMNS} from motions mo where mo.id = $1 for share of mo`, [v.motionId])).rows[0];
  if (!m || (v.meetingId && m.meeting_id !== v.meetingId)) throw notFound('motion');
  if (m.status !== 'open' || v.at.getTime() >= new Date(m.closes_at).getTime() || m.meeting_status === 'closed' || m.meeting_status === 'cancelled') throw voteClosed();
  if (!m.options.includes(v.choice)) throw invalid('The choice is not one of the motion\'s options.', '所选不是本次表决的选项。', { options: m.options });
  const refusal = refusalFor(m, v.person, v.at);
  if (refusal) throw new AppError('VOTE_NOT_ELIGIBLE', 'This voter may not vote on this motion.', `不能参加本次表决：${refusal}。`, { reason: refusal });
  const key = voterKey(m, v.person);
  const ins = await tx.query(
    `insert into motion_voters (motion_id, voter_key, person_key, channel, cast_by, cast_at, request_key) values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (motion_id, voter_key) do nothing returning motion_id`,
    [m.id, key, v.person.personKey, v.channel, v.castBy, v.at, v.requestKey ?? null]);
  if (!ins.rows[0]) {
    if (v.requestKey) {
      const same = await tx.query('select 1 from motion_voters where motion_id = $1 and voter_key = $2 and request_key = $3', [m.id, key, v.requestKey]);
      if (same.rows[0]) return { counted: true };
    }
    throw new AppError('VOTE_DUPLICATE', m.rules.unit === 'household' ? 'This household has voted already; the first vote stands.' : 'This person has voted already; the first vote stands.',
      m.rules.unit === 'household' ? '本户已经投过票，以第一次投票为准。' : '已经投过票，以第一次投票为准。');
  }
  if (m.rules.secret) {
    // a random id: the rows' order tells nothing about who voted when
    const id = randomBytes(8).readBigInt64BE() & 0x7fff_ffff_ffff_ffffn;
    await tx.query('insert into motion_ballots (id, motion_id, choice) overriding system value values ($1, $2, $3)', [id.toString(), m.id, v.choice]);
  } else {
    await tx.query('insert into motion_ballots (motion_id, choice, voter_key, cast_at) values ($1, $2, $3, $4)', [m.id, v.choice, key, v.at]);
  }
  await appendAudit(tx, {
    at: v.at, actorId: v.castBy, actorName: v.castByName ?? null, ip: v.ip ?? null, action: 'participation.vote.cast', targetType: 'motion', targetId: m.id, success: true,
    detail: {
      meetingId: m.meeting_id, channel: v.channel, residentId: inRegistry(v.person) ? v.person.residentId : null,
      ...(m.rules.secret ? {} : { choice: v.choice }),
    },
  });
  return { counted: true };
}

/** Closes a motion: its tally (H1's `tally`) stored. 409 VOTE_CLOSED when closed already. */
export async function closeMotion(tx: Tx, r: Reader, meetingId: string, motionId: string, who: Actor): Promise<VoteTally> {
  await findMeetingToRun(tx, r, meetingId);
  const m = (await tx.query<MotionRow>(`select ${MOTION_COLUMNS} from motions mo where mo.id = $1 and mo.meeting_id = $2 for update`, [motionId, meetingId])).rows[0];
  if (!m) throw notFound('motion');
  if (m.status !== 'open') throw voteClosed();
  return storeTally(tx, m, who, { cancelled: false });
}

async function storeTally(tx: Tx, m: MotionRow, who: Actor, o: { cancelled: boolean }): Promise<VoteTally> {
  const ballots = (await tx.query<{ choice: string }>('select choice from motion_ballots where motion_id = $1', [m.id])).rows.map((b) => b.choice);
  const result = tally(m.rules, { options: m.options, ballots, electorate: m.electorate_size });
  const stored = o.cancelled ? null : result;
  await tx.query(`update motions set status = 'closed', closed_at = $2, result = $3::jsonb, version = version + 1 where id = $1 and status = 'open'`,
    [m.id, who.at, stored === null ? null : JSON.stringify(stored)]);
  await audit(tx, who, 'participation.motion.close', m.id, { meetingId: m.meeting_id, cancelled: o.cancelled, ...(stored ? { cast: result.cast, passed: result.passed, quorumMet: result.quorumMet } : {}) });
  return result;
}

/** Closes the meeting's open motions (the meeting closing or cancelled); answers how many. */
export async function closeOpenMotions(tx: Tx, meetingId: string, who: Actor, o: { cancelled: boolean }): Promise<number> {
  const open = (await tx.query<MotionRow>(`select ${MOTION_COLUMNS} from motions mo where mo.meeting_id = $1 and mo.status = 'open' for update`, [meetingId])).rows;
  for (const m of open) await storeTally(tx, m, who, o);
  return open.length;
}

/** The caller's vote on each motion: voted, and the choice unless secret. */
export async function myVotes(tx: Tx, motions: MotionRow[], v: Voter | null): Promise<Map<string, { voted: boolean; choice: string | null; channel: VoteChannel | null }>> {
  const out = new Map<string, { voted: boolean; choice: string | null; channel: VoteChannel | null }>();
  if (!v || motions.length === 0) return out;
  for (const m of motions) {
    const key = voterKey(m, v);
    const row = (await tx.query<{ channel: VoteChannel }>('select channel from motion_voters where motion_id = $1 and voter_key = $2', [m.id, key])).rows[0];
    if (!row) { out.set(m.id, { voted: false, choice: null, channel: null }); continue; }
    const choice = m.rules.secret ? null
      : (await tx.query<{ choice: string }>('select choice from motion_ballots where motion_id = $1 and voter_key = $2', [m.id, key])).rows[0]?.choice ?? null;
    out.set(m.id, { voted: true, choice, channel: row.channel });
  }
  return out;
}

