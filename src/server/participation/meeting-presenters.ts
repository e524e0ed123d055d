// The meeting page and list rows as the API shows them, with `policies` (what the caller may do now). Residents see
// attendance as a count (and whether they signed in), others' names masked; staff of the council's scope see who came.
// A motion shows its rules, the loosening notice, the count of voters while open (never the choices), the caller's own
// vote (the choice only when not secret) and the stored result when closed.
import type { Static } from '@sinclair/typebox';
import type { Tx } from '../platform/db/db.ts';
import { maskName } from '../../domain/identity/personal-data.ts';
import { isResident, isStaffOf, type Reader } from './scope.ts';
import { findMeeting, meetingActionAllowed, type MeetingRow } from './meetings.ts';
import { motionsOf, myVotes, refusalFor, type MotionRow, type Voter } from './votes.ts';
import type * as s from './meeting-schemas.ts';

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

export function presentMeetingSummary(m: MeetingRow): Static<typeof s.MeetingSummary> {
  return {
    id: m.id, version: m.version, councilId: m.council_id, councilName: m.council_name, councilLevel: m.council_level, kind: m.kind,
    title: m.title, place: m.place, hostName: m.host_name, startsAt: iso(m.starts_at), endsAt: iso(m.ends_at), status: m.status,
    agendaCount: m.agenda_count, attendanceCount: m.attendance_count, openMotions: m.open_motions, createdAt: iso(m.created_at),
  };
}

export const looseningNotice = (reason: string) =>
  `本次表决放宽了投票资格：未登记为本辖区居民、但在本辖区注册的居民账号也可投票。理由：${reason}`;

export function meetingPolicies(r: Reader, m: Pick<MeetingRow, 'org_path' | 'status' | 'kind'>, attended: boolean): s.MeetingPolicy[] {
  const out: s.MeetingPolicy[] = [];
  const runs = isStaffOf(r.p, m.org_path);
  if (runs) {
    for (const a of ['open', 'close', 'cancel'] as const) if (meetingActionAllowed(m.status, a)) out.push(a);
    if (m.status === 'open' || m.status === 'closed') out.push('minutes');
    out.push('checkin');
    if (m.status === 'open') out.push('recordAttendance');
    if (m.status === 'scheduled' || m.status === 'open') out.push('addMotion');
  }
  if (isResident(r.p) && r.person && m.status === 'open' && !attended) out.push('attend');
  if (m.status === 'scheduled' || m.status === 'open') out.push('comment');
  return out;
}

function presentMotion(r: Reader, m: MotionRow, mine: { voted: boolean; choice: string | null; channel: Static<typeof s.MotionView>['myVote']['channel'] } | undefined,
  voter: Voter | null, runs: boolean, now: Date): Static<typeof s.MotionView> {
  const open = m.status === 'open' && now.getTime() < new Date(m.closes_at).getTime() && m.meeting_status !== 'closed' && m.meeting_status !== 'cancelled';
  const refusal = voter ? refusalFor(m, voter, now) : null;
  const resident = isResident(r.p);
  const policies: s.MotionPolicy[] = [];
  if (open && resident && voter && !refusal && !mine?.voted) policies.push('vote');
  if (open && runs) policies.push('recordVote');
  if (m.status === 'open' && runs) policies.push('close');
  return {
    id: m.id, title: m.title, proposalId: m.proposal_id, options: m.options, rules: m.rules, status: m.status,
    opensAt: iso(m.opens_at), closesAt: iso(m.closes_at), closedAt: isoOrNull(m.closed_at), electorateSize: m.electorate_size,
    castCount: m.cast_count,
    loosening: m.loosened_at ? { reason: m.loosened_reason ?? '', at: iso(m.loosened_at), byName: m.loosened_by_name ?? '' } : null,
    notice: m.loosened_at ? looseningNotice(m.loosened_reason ?? '') : null,
    myVote: mine ?? { voted: false, choice: null, channel: null },
    eligibility: resident ? (voter ? { eligible: refusal === null, reason: refusal } : { eligible: false, reason: '未登记为本辖区居民' }) : null,
    result: m.status === 'closed' ? m.result : null,
    policies,
  };
}

/** The voter a resident caller is: their registry person, else their account (counts only under a loosened rule). */
export function voterOf(r: Reader): Voter | null {
  if (!isResident(r.p)) return null;
  return r.person ?? { accountId: r.p.accountId, personKey: `account:${r.p.accountId}`, areaPath: r.areaPath };
}

export async function loadMeetingDetail(tx: Tx, r: Reader, id: string, now: Date): Promise<Static<typeof s.MeetingDetail>> {
  const m = await findMeeting(tx, r, id);
  const runs = isStaffOf(r.p, m.org_path);
  // names of attendees and commenters: staff whose scope holds the meeting (not those reading a council above them)
  const staffView = runs || (!isResident(r.p) && r.p.scopePath !== null && m.org_path.startsWith(r.p.scopePath));
  const agenda = await tx.query<{ proposal_id: string; sort: number; title: string; status: s.MeetingDetailView['agenda'][number]['status']; support_count: number }>(
    `select i.proposal_id, i.sort, p.title, p.status, p.support_count from meeting_items i join proposals p on p.id = i.proposal_id
      where i.meeting_id = $1 order by i.sort`, [id]);
  const people = await tx.query<{ name: string; resident_id: string | null; channel: 'qr' | 'online' | 'assisted'; at: Date; person_key: string }>(
    `select coalesce(r.name, '') as name, a.resident_id, a.channel, a.at, a.person_key from meeting_attendance a
       left join registry_residents r on r.id = a.resident_id where a.meeting_id = $1 order by a.at`, [id]);
  const attended = r.person ? people.rows.some((a) => a.person_key === r.person!.personKey) : false;
  const comments = await tx.query<{ id: string; author_name: string; body: string; at: Date; account_id: string | null }>(
    'select id::text, author_name, body, at, account_id from meeting_comments where meeting_id = $1 order by at, id', [id]);
  const motions = await motionsOf(tx, id);
  const voter = voterOf(r);
  const mine = await myVotes(tx, motions, voter);
  return {
    ...presentMeetingSummary(m),
    councilOrgUnitId: m.council_org_unit_id,
    agenda: agenda.rows.map((a) => ({ proposalId: a.proposal_id, sort: a.sort, title: a.title, status: a.status, supportCount: a.support_count })),
    attendance: {
      count: people.rows.length,
      mine: attended,
      people: staffView ? people.rows.map((a) => ({ name: a.name, residentId: a.resident_id, channel: a.channel, at: iso(a.at) })) : null,
    },
    comments: comments.rows.map((c) => {
      const own = c.account_id === r.p.accountId;
      return { id: c.id, authorName: staffView || own ? c.author_name : maskName(c.author_name), body: c.body, at: iso(c.at), mine: own };
    }),
    motions: motions.map((mo) => presentMotion(r, mo, mine.get(mo.id), voter, runs, now)),
    minutes: m.minutes,
    minutesAt: isoOrNull(m.minutes_at),
    policies: meetingPolicies(r, m, attended),
  };
}
