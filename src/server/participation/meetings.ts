// 议事活动: meetings of the three councils — 坝坝议事 on site (sign-in by the QR code's token) and 云坝会 online — with
// their agenda (the council's open proposals, scheduled through H2's scheduleProposal), attendance (once per person:
// the primary key (meeting, person key)), comments and minutes. Every change: audit row in the same transaction,
// version + 1; creation honours the Idempotency-Key.
import { randomBytes } from 'node:crypto';
import type { Principal } from '../platform/auth.ts';
import type { Tx } from '../platform/db/db.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { awardForEvent } from '../points/ledger.ts';
import type { AttendanceChannel, MeetingKind, MeetingStatus } from '../../shared/participation.ts';
import { PARTICIPATION_LIMITS } from '../../shared/participation.ts';
import { personOfAccount, personOfResident, requirePersonOfAccount, type RegistryPerson } from './person.ts';
import { councilReadSql, isResident, isStaffOf, type Actor, type Reader } from './scope.ts';
import { councilById } from './councils.ts';
import { scheduleProposal } from './proposals.ts';

export interface MeetingRow {
  id: string; council_id: string; org_path: string; kind: MeetingKind; title: string; place: string | null;
  starts_at: Date; ends_at: Date; status: MeetingStatus; checkin_token: string; host_name: string | null;
  minutes: string | null; minutes_at: Date | null; created_by: string | null; version: number; created_at: Date; updated_at: Date;
  council_name: string; council_level: 'grid' | 'community' | 'town'; council_org_unit_id: string;
  agenda_count: number; attendance_count: number; open_motions: number;
}

const MEETING_COLUMNS = `m.id, m.council_id, m.org_path, m.kind, m.title, m.place, m.starts_at, m.ends_at, m.status, m.checkin_token,
  m.host_name, m.minutes, m.minutes_at, m.created_by, m.version, m.created_at, m.updated_at,
  c.name as council_name, c.level as council_level, c.org_unit_id as council_org_unit_id,
  (select count(*) from meeting_items i where i.meeting_id = m.id)::int as agenda_count,
  (select count(*) from meeting_attendance a where a.meeting_id = m.id)::int as attendance_count,
  (select count(*) from motions mo where mo.meeting_id = m.id and mo.status = 'open')::int as open_motions`;

export const invalid = (en: string, zh: string, details?: unknown) => new AppError('PARTICIPATION_INVALID', en, zh, details);
export const meetingStateConflict = (status: MeetingStatus) => new AppError(
  'MEETING_STATE_CONFLICT', `The meeting is ${status}: it does not take this step.`,
  `议事活动当前${({ scheduled: '未开始', open: '进行中', closed: '已结束', cancelled: '已取消' } as const)[status]}，不能进行此操作。`, { status });

/** The reader of meetings and ideas: the principal, a resident's registry person and area (their grid's path). */
export async function readerOf(tx: Tx, pii: PiiCipher, p: Principal): Promise<Reader> {
  if (!isResident(p)) return { p, person: null, areaPath: null };
  const person = await personOfAccount(tx, pii, p.accountId);
  if (person) return { p, person, areaPath: person.orgPath };
  const home = p.homeOrgUnitId
    ? (await tx.query<{ path: string }>('select path from org_units where id = $1', [p.homeOrgUnitId])).rows[0]?.path ?? null
    : null;
  return { p, person: null, areaPath: home };
}

/** The read condition on meetings (alias `m`): staff in or above their scope, residents of the council's area. */
export const meetingReadSql = (r: Reader, m: string, params: unknown[]) => councilReadSql(r, `${m}.org_path`, params);

export async function findMeeting(tx: Tx, r: Reader, id: string, o: { lock?: boolean } = {}): Promise<MeetingRow> {
  const params: unknown[] = [id];
  const cond = meetingReadSql(r, 'm', params);
  const row = (await tx.query<MeetingRow>(
    `select ${MEETING_COLUMNS} from meetings m join councils c on c.id = m.council_id where m.id = $1 and ${cond}`, params)).rows[0];
  if (!row) throw notFound('meeting');
  if (o.lock) await tx.query('select 1 from meetings where id = $1 for update', [id]);
  return row;
}

/** A meeting the caller runs (PARTICIPATION_STAFF whose scope holds its council), locked; else 404 / 403. */
export async function findMeetingToRun(tx: Tx, r: Reader, id: string): Promise<MeetingRow> {
  const m = await findMeeting(tx, r, id, { lock: true });
  if (!isStaffOf(r.p, m.org_path)) throw new AppError('FORBIDDEN', 'Only the council\'s staff run its meetings.', '只有本议事会所在辖区的工作人员可以主持议事活动。');
  return m;
}

export interface ListFilter { councilId: string | null; status: MeetingStatus | null; kind: MeetingKind | null }

export async function listMeetings(tx: Tx, r: Reader, f: ListFilter, after: { at: Date; id: string } | null, limit: number): Promise<MeetingRow[]> {
  const params: unknown[] = [];
  const where = [meetingReadSql(r, 'm', params)];
  const add = (sql: (ph: string) => string, v: unknown) => { params.push(v); where.push(sql(`$${params.length}`)); };
  if (f.councilId) add((ph) => `m.council_id = ${ph}`, f.councilId);
  if (f.status) add((ph) => `m.status = ${ph}`, f.status);
  if (f.kind) add((ph) => `m.kind = ${ph}`, f.kind);
  if (after) {
    params.push(after.at, after.id);
    where.push(`(m.starts_at, m.id) < ($${params.length - 1}, $${params.length})`);
  }
  params.push(limit);
  return (await tx.query<MeetingRow>(
    `select ${MEETING_COLUMNS} from meetings m join councils c on c.id = m.council_id
      where ${where.join(' and ')} order by m.starts_at desc, m.id desc limit $${params.length}`, params)).rows;
}

const audit = (tx: Tx, who: Actor, action: string, targetId: string, detail: unknown) => appendAudit(tx, {
  at: who.at, actorId: who.accountId, actorName: who.name, ip: who.ip, action, targetType: 'meeting', targetId, success: true, detail,
});

export interface NewMeeting {
  councilId: string; kind: MeetingKind; title: string; place?: string | null; hostName?: string | null;
  startsAt: string | Date; endsAt: string | Date; proposalIds: string[];
}

/** Creates a meeting of a council of the caller's scope with its agenda; the repeat of a request key answers the first. */
export async function createMeeting(tx: Tx, p: Principal, n: NewMeeting, who: Actor): Promise<{ id: string; created: boolean }> {
  if (who.requestKey) {
    const first = (await tx.query<{ id: string }>('select id from meetings where idempotency_key = $1', [who.requestKey])).rows[0];
    if (first) return { id: first.id, created: false };
  }
  const council = await councilById(tx, n.councilId);
  if (!council) throw notFound('council');
  if (!isStaffOf(p, council.org_path)) throw notFound('council');
  const startsAt = new Date(n.startsAt);
  const endsAt = new Date(n.endsAt);
  if (!(endsAt.getTime() > startsAt.getTime())) throw invalid('The meeting ends before it starts.', '结束时间应晚于开始时间。');
  if (endsAt.getTime() - startsAt.getTime() > 14 * 86_400_000) throw invalid('A meeting lasts at most 14 days.', '一次议事活动最长 14 天。');
  const title = n.title.trim();
  if (!title) throw invalid('The title is empty.', '请填写议事活动的主题。');
  const ids = [...new Set(n.proposalIds)];
  if (ids.length !== n.proposalIds.length) throw invalid('A proposal is on the agenda twice.', '同一议题不能重复列入议程。');
  if (ids.length > PARTICIPATION_LIMITS.agenda) throw invalid('Too many agenda items.', '议程过多。');
  if (ids.length) {
    const found = await tx.query<{ id: string; status: string }>(
      `select id, status from proposals where id = any($1::text[]) and starts_with(org_path, $2)`, [ids, council.org_path]);
    const byId = new Map(found.rows.map((r) => [r.id, r.status]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length) throw invalid('A proposal of the agenda is not one of this council or the councils under it.', '议程中的议题不属于本议事会（或其下级议事会）。', { proposalIds: missing });
    const notOpen = ids.filter((id) => byId.get(id) !== 'open');
    if (notOpen.length) throw new AppError('PROPOSAL_STATE_CONFLICT', 'Only open proposals can be put on an agenda.', '只有征集中的议题可以列入议程。', { proposalIds: notOpen });
  }
  const ins = await tx.query<{ id: string }>(
    `insert into meetings (council_id, org_path, kind, title, place, starts_at, ends_at, checkin_token, host_name, created_by, idempotency_key, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
     on conflict (idempotency_key) do nothing returning id`,
    [council.id, council.org_path, n.kind, title, n.place?.trim() || null, startsAt, endsAt, randomBytes(18).toString('base64url'),
      n.hostName?.trim() || null, who.accountId, who.requestKey ?? null, who.at]);
  if (!ins.rows[0]) {
    const first = (await tx.query<{ id: string }>('select id from meetings where idempotency_key = $1', [who.requestKey])).rows[0]!;
    return { id: first.id, created: false };
  }
  const id = ins.rows[0].id;
  for (const [i, proposalId] of ids.entries()) {
    await tx.query('insert into meeting_items (meeting_id, proposal_id, sort) values ($1, $2, $3)', [id, proposalId, i + 1]);
    await scheduleProposal(tx, proposalId, id, who);
  }
  await audit(tx, who, 'participation.meeting.create', id, { councilId: council.id, kind: n.kind, title, agenda: ids.length });
  return { id, created: true };
}

const NEXT: Record<MeetingStep, { from: MeetingStatus[]; to: MeetingStatus; audit: string }> = {
  open: { from: ['scheduled'], to: 'open', audit: 'participation.meeting.open' },
  close: { from: ['open'], to: 'closed', audit: 'participation.meeting.close' },
  cancel: { from: ['scheduled', 'open'], to: 'cancelled', audit: 'participation.meeting.cancel' },
};

type MeetingStep = 'open' | 'close' | 'cancel';
export const meetingActionAllowed = (status: MeetingStatus, step: MeetingStep) => NEXT[step].from.includes(status);

/**
 * open | close | cancel. Closing a meeting closes its motions still open (their tallies stored); cancelling one drops
 * its open motions' votes from being counted (the motions are closed with no result). A repeated request key with the
 * meeting already in the target status changes nothing.
 */
export async function actOnMeeting(tx: Tx, r: Reader, id: string, action: MeetingStep, reason: string | null,
  who: Actor, closeMotions: (tx: Tx, meetingId: string, who: Actor, o: { cancelled: boolean }) => Promise<number>): Promise<void> {
  const m = await findMeetingToRun(tx, r, id);
  const step = NEXT[action];
  if (m.status === step.to && who.requestKey) return;
  if (!step.from.includes(m.status)) throw meetingStateConflict(m.status);
  if (action === 'cancel' && !reason?.trim()) throw invalid('Say why the meeting is cancelled.', '请说明取消的原因。');
  const motions = action === 'open' ? 0 : await closeMotions(tx, id, who, { cancelled: action === 'cancel' });
  await tx.query('update meetings set status = $2, version = version + 1, updated_at = $3 where id = $1', [id, step.to, who.at]);
  await audit(tx, who, step.audit, id, { from: m.status, to: step.to, reason: reason?.trim() || null, motionsClosed: motions });
}

export async function saveMinutes(tx: Tx, r: Reader, id: string, minutes: string, who: Actor): Promise<void> {
  const m = await findMeetingToRun(tx, r, id);
  if (m.status === 'scheduled' || m.status === 'cancelled') throw meetingStateConflict(m.status);
  const text = minutes.trim();
  if (!text) throw invalid('The minutes are empty.', '请填写会议纪要。');
  await tx.query('update meetings set minutes = $2, minutes_at = $3, version = version + 1, updated_at = $3 where id = $1', [id, text, who.at]);
  await audit(tx, who, 'participation.meeting.minutes', id, { length: text.length });
}

export interface AttendInput { token?: string | null; residentId?: string | null }

/**
 * Signs a person in, once: a resident with the QR token (on site, 'qr') or into an online meeting ('online'); staff for
 * a registry person of the council's area ('assisted'). The first sign-in awards meetingAttended (H4's awardForEvent).
 */
export async function attendMeeting(tx: Tx, pii: PiiCipher, r: Reader, id: string, input: AttendInput, who: Actor):
  Promise<{ channel: AttendanceChannel; created: boolean; points: number | null }> {
  const m = await findMeeting(tx, r, id);
  let person: RegistryPerson;
  let channel: AttendanceChannel;
  if (input.residentId) {
    if (!isStaffOf(r.p, m.org_path)) throw new AppError('FORBIDDEN', 'Only the council\'s staff sign others in.', '只有本议事会所在辖区的工作人员可以代为签到。');
    const found = await personOfResident(tx, input.residentId);
    if (!found) throw invalid('No such person in the registry.', '居民信息中没有这个人。');
    if (!found.orgPath.startsWith(m.org_path)) throw invalid('The person does not live in the council\'s area.', '此人不住在本议事会的范围内。');
    person = found;
    channel = 'assisted';
  } else {
    if (!isResident(r.p)) throw invalid('Name the person to sign in (residentId).', '请选择要代为签到的居民。');
    person = r.person ?? await requirePersonOfAccount(tx, pii, r.p.accountId);
    if (input.token != null) {
      if (input.token !== m.checkin_token) throw invalid('The sign-in code is not this meeting\'s.', '签到码不是本次议事活动的，请重新扫码。');
      channel = 'qr';
    } else {
      if (m.kind !== 'online') throw invalid('Sign in on site by scanning the meeting\'s QR code.', '现场议事请扫描签到二维码签到。');
      channel = 'online';
    }
  }
  if (m.status !== 'open') throw meetingStateConflict(m.status);
  const ins = await tx.query(
    `insert into meeting_attendance (meeting_id, person_key, resident_id, account_id, channel, at, recorded_by)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict (meeting_id, person_key) do nothing returning meeting_id`,
    [id, person.personKey, person.residentId, input.residentId ? null : r.p.accountId, channel, who.at, input.residentId ? who.accountId : null]);
  if (!ins.rows[0]) return { channel, created: false, points: null };
  const award = await awardForEvent(tx, { residentId: person.residentId, autoEvent: 'meetingAttended', eventRef: `meeting:${id}`, at: who.at, by: who.accountId });
  await audit(tx, who, 'participation.meeting.attend', id, { residentId: person.residentId, channel, points: award?.points ?? null });
  return { channel, created: true, points: award?.points ?? null };
}

/** A comment; `onBehalf`: staff writing down a remark made on site by a person without an account (the demo does). */
export async function commentOnMeeting(tx: Tx, r: Reader, id: string, body: string, who: Actor, onBehalf?: { authorName: string }): Promise<void> {
  const m = await findMeeting(tx, r, id);
  if (m.status === 'cancelled' || m.status === 'closed') throw meetingStateConflict(m.status);
  const text = body.trim();
  if (!text) throw invalid('The comment is empty.', '请填写留言内容。');
  if (onBehalf && !isStaffOf(r.p, m.org_path)) throw new AppError('FORBIDDEN', 'Only the council\'s staff write down others\' remarks.', '只有本议事会所在辖区的工作人员可以代为记录发言。');
  const author = onBehalf?.authorName ?? r.person?.name ?? r.p.name;
  const ins = await tx.query<{ id: string }>(
    `insert into meeting_comments (meeting_id, account_id, author_name, body, at, request_key) values ($1, $2, $3, $4, $5, $6)
     on conflict (request_key) do nothing returning id::text`,
    [id, onBehalf ? null : r.p.accountId, author, text, who.at, who.requestKey ?? null]);
  if (!ins.rows[0]) return;
  await audit(tx, who, 'participation.meeting.comment', id, { commentId: ins.rows[0]!.id, length: text.length });
}
