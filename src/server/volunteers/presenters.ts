import type { Static } from '@sinclair/typebox';
import { maskName } from '../../domain/identity/personal-data.ts';
import type * as s from './schemas.ts';
import { manages, type ActivityRow, type MemberRow, type SignupRow, type TeamRow, type VolunteerReader } from './store.ts';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const num = (x: string | number | null) => (x === null ? null : Number(x));

/** A team: organisers who manage it add and remove members; a resident in the registry joins or leaves. */
export function presentTeam(t: TeamRow, r: VolunteerReader): s.TeamViewT {
  const policies: s.TeamViewT['policies'] = [];
  if (manages(r, t.org_path)) policies.push('addMember', 'removeMember');
  if (r.person && r.person.orgPath.startsWith(t.org_path)) policies.push(t.mine ? 'leave' : 'join');
  return {
    id: t.id, orgUnitId: t.org_unit_id, orgUnitName: t.org_unit_name, colour: t.colour, name: t.name, focus: t.focus,
    leaderName: t.leader_name, members: t.members, mine: t.mine, policies,
  };
}

/** A member: staff see the name and the registry id, residents the name masked (张*), their own whole. */
export function presentMember(m: MemberRow, r: VolunteerReader): Static<typeof s.TeamMemberView> {
  const mine = r.person?.residentId === m.resident_id;
  return {
    residentId: r.staff ? m.resident_id : null,
    name: r.staff || mine ? m.name : maskName(m.name),
    gridName: m.grid_name, joinedAt: new Date(m.joined_at).toISOString(), hoursThisYear: Number(m.hours), mine,
  };
}

export function presentActivity(a: ActivityRow, r: VolunteerReader, now: Date): s.ActivityViewT {
  const open = a.status === 'open';
  const notEnded = new Date(a.ends_at).getTime() > now.getTime();
  const manager = manages(r, a.org_path);
  const policies: s.ActivityViewT['policies'] = [];
  if (manager) policies.push('manage');
  if (open && notEnded && (manager || (r.person && !a.my_signed_up_at))) policies.push('signUp');
  if (open && (manager || (r.person && !a.my_checked_in_at))) policies.push('checkIn');
  if (open && (manager || (r.person && a.my_checked_in_at && !a.my_checked_out_at))) policies.push('checkOut');
  if (open && manager) policies.push('done', 'cancel');
  return {
    id: a.id, kind: a.kind, title: a.title, body: a.body, speaker: a.speaker, place: a.place,
    startsAt: new Date(a.starts_at).toISOString(), endsAt: new Date(a.ends_at).toISOString(), capacity: a.capacity, status: a.status,
    teamId: a.team_id, teamName: a.team_name, teamColour: a.team_colour, orgUnitId: a.org_unit_id, orgUnitName: a.org_unit_name,
    signups: a.signups, checkedIn: a.checked_in, hours: Number(a.hours),
    mySignup: a.my_signed_up_at ? {
      signedUpAt: new Date(a.my_signed_up_at).toISOString(), checkedInAt: iso(a.my_checked_in_at), checkedOutAt: iso(a.my_checked_out_at),
      hours: num(a.my_hours),
    } : null,
    version: a.version, policies,
  };
}

export function presentSignup(x: SignupRow): Static<typeof s.SignupView> {
  return {
    residentId: x.resident_id, name: x.name ?? '', signedUpAt: new Date(x.signed_up_at).toISOString(), checkedInAt: iso(x.checked_in_at),
    checkedOutAt: iso(x.checked_out_at), hours: num(x.hours), pointsAwarded: x.points === null ? null : Number(x.points),
  };
}
