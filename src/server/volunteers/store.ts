import type { Tx } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { inOrHoldingScope, likePrefix } from '../platform/db/sql.ts';
import { AppError } from '../platform/errors.ts';
import { holdsAnyRole } from '../../shared/roles.ts';
import { VOLUNTEER_ORGANISERS, VOLUNTEER_READERS, type ActivityKind, type ActivityStatus, type TeamColour } from '../../shared/volunteers.ts';
import { personOfAccount, type RegistryPerson } from '../participation/person.ts';

/*
 * 志愿服务's reads (issue 16, H5). Who reaches what, always as a condition inside the SQL:
 *   - staff readers (VOLUNTEER_READERS but resident) with a scope: teams and activities of units in their scope or
 *     holding it (a grid worker reads the community's teams), sign-up names included;
 *   - a resident: those of the units holding their registry person's grid (else their account's home unit), members'
 *     names masked, no one else's sign-up;
 *   - organisers (VOLUNTEER_ORGANISERS) manage those they read whose unit lies in or holds their scope, for registry
 *     people of their scope.
 */

const STAFF = VOLUNTEER_READERS.filter((r) => r !== 'resident');

export interface VolunteerReader {
  p: Principal;
  staff: boolean;
  organiser: boolean;
  person: RegistryPerson | null;
  residentPath: string | null;
}

export const isResident = (p: Principal) => p.kind === 'resident' || p.roles.includes('resident');

export async function readerOf(tx: Tx, pii: PiiCipher, p: Principal): Promise<VolunteerReader> {
  let person: RegistryPerson | null = null;
  let residentPath: string | null = null;
  if (isResident(p)) {
    person = await personOfAccount(tx, pii, p.accountId);
    residentPath = person?.orgPath ?? (p.homeOrgUnitId
      ? (await tx.query<{ path: string }>('select path from org_units where id = $1', [p.homeOrgUnitId])).rows[0]?.path ?? null
      : null);
  }
  return {
    p, person, residentPath,
    staff: p.scopePath !== null && holdsAnyRole(p.roles, STAFF),
    organiser: p.scopePath !== null && holdsAnyRole(p.roles, VOLUNTEER_ORGANISERS),
  };
}

/** Whether an organiser manages a row at this unit path (it lies in their scope or holds it). */
export const manages = (r: VolunteerReader, orgPath: string) =>
  r.organiser && (orgPath.startsWith(r.p.scopePath!) || r.p.scopePath!.startsWith(orgPath));

export function readSql(r: VolunteerReader, col: string, params: unknown[]): string {
  const parts: string[] = [];
  if (r.staff) {
    params.push(r.p.scopePath, likePrefix(r.p.scopePath!));
    parts.push(inOrHoldingScope(col, `$${params.length - 1}`, `$${params.length}`));
  }
  if (r.residentPath) {
    params.push(r.residentPath);
    parts.push(`$${params.length} like ${col} || '%'`);
  }
  return parts.length ? `(${parts.join(' or ')})` : 'false';
}

export const volunteerInvalid = (en: string, zh: string, details?: unknown) => new AppError('VOLUNTEER_INVALID', en, zh, details);

/** Instants of the year of `now` in Beijing time: [from, to). */
export function yearBounds(now: Date): { from: Date; to: Date } {
  const y = new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
  return { from: new Date(Date.UTC(y, 0, 1) - 8 * 3600_000), to: new Date(Date.UTC(y + 1, 0, 1) - 8 * 3600_000) };
}

// ---------------------------------------------------------------------------------------------------------------------
// Teams

export interface TeamRow {
  id: string; org_unit_id: string; org_unit_name: string; org_path: string; colour: TeamColour; name: string; focus: string;
  leader_name: string | null; members: number; mine: boolean;
}

export async function listTeams(tx: Tx, r: VolunteerReader, o: { orgUnitId?: string | null; id?: string; lock?: boolean }): Promise<TeamRow[]> {
  const params: unknown[] = [r.person?.residentId ?? null];
  const where = [readSql(r, 't.org_path', params)];
  if (o.orgUnitId) { params.push(o.orgUnitId); where.push(`t.org_unit_id = $${params.length}`); }
  if (o.id) { params.push(o.id); where.push(`t.id = $${params.length}`); }
  return (await tx.query<TeamRow>(
    `select t.id, t.org_unit_id, u.name as org_unit_name, t.org_path, t.colour, t.name, t.focus, t.leader_name,
            (select count(*) from volunteer_members m where m.team_id = t.id and m.left_at is null)::int as members,
            exists (select 1 from volunteer_members m where m.team_id = t.id and m.resident_id = $1 and m.left_at is null) as mine
       from volunteer_teams t join org_units u on u.id = t.org_unit_id
      where ${where.join(' and ')}
      order by u.path, array_position(array['red','gold','orange','green','blue'], t.colour)${o.lock ? ' for update of t' : ''}`, params)).rows;
}

export interface MemberRow { resident_id: string; name: string; grid_name: string | null; joined_at: Date; hours: string | number }

export async function listMembers(tx: Tx, teamId: string, now: Date): Promise<MemberRow[]> {
  const { from, to } = yearBounds(now);
  return (await tx.query<MemberRow>(
    `select m.resident_id, r.name, g.name as grid_name, m.joined_at,
            coalesce((select sum(s.hours) from activity_signups s join volunteer_activities a on a.id = s.activity_id
                       where s.resident_id = m.resident_id and a.starts_at >= $2 and a.starts_at < $3), 0) as hours
       from volunteer_members m join registry_residents r on r.id = m.resident_id left join org_units g on g.id = r.grid_id
      where m.team_id = $1 and m.left_at is null order by m.joined_at, r.name`, [teamId, from, to])).rows;
}

// ---------------------------------------------------------------------------------------------------------------------
// Activities

export interface ActivityRow {
  id: string; kind: ActivityKind; title: string; body: string | null; speaker: string | null; place: string; starts_at: Date;
  ends_at: Date; capacity: number | null; status: ActivityStatus; team_id: string | null; team_name: string | null;
  team_colour: TeamColour | null; org_unit_id: string; org_unit_name: string; org_path: string; checkin_token: string;
  signups: number; checked_in: number; hours: string | number; version: number;
  my_signed_up_at: Date | null; my_checked_in_at: Date | null; my_checked_out_at: Date | null; my_hours: string | number | null;
}

const ACTIVITY_SELECT = (personParam: string) => `select a.id, a.kind, a.title, a.body, a.speaker, a.place, a.starts_at, a.ends_at,
  a.capacity, a.status, a.team_id, t.name as team_name, t.colour as team_colour, a.org_unit_id, u.name as org_unit_name,
  a.org_path, a.checkin_token, a.version,
  (select count(*) from activity_signups s where s.activity_id = a.id)::int as signups,
  (select count(*) from activity_signups s where s.activity_id = a.id and s.checked_in_at is not null)::int as checked_in,
  coalesce((select sum(s.hours) from activity_signups s where s.activity_id = a.id), 0) as hours,
  my.signed_up_at as my_signed_up_at, my.checked_in_at as my_checked_in_at, my.checked_out_at as my_checked_out_at, my.hours as my_hours
  from volunteer_activities a join org_units u on u.id = a.org_unit_id left join volunteer_teams t on t.id = a.team_id
  left join activity_signups my on my.activity_id = a.id and my.person_key = ${personParam}`;

export interface ActivityFilter {
  orgUnitId?: string | null; kind?: ActivityKind | null; status?: ActivityStatus | null; teamId?: string | null;
  endedAfter?: Date | null; mine?: boolean; id?: string; limit?: number;
}

export async function listActivities(tx: Tx, r: VolunteerReader, f: ActivityFilter): Promise<ActivityRow[]> {
  const params: unknown[] = [r.person?.personKey ?? null];
  const where = [readSql(r, 'a.org_path', params)];
  if (f.id) { params.push(f.id); where.push(`a.id = $${params.length}`); }
  if (f.orgUnitId) { params.push(f.orgUnitId); where.push(`a.org_unit_id = $${params.length}`); }
  if (f.kind) { params.push(f.kind); where.push(`a.kind = $${params.length}`); }
  if (f.status) { params.push(f.status); where.push(`a.status = $${params.length}`); }
  if (f.teamId) { params.push(f.teamId); where.push(`a.team_id = $${params.length}`); }
  if (f.endedAfter) { params.push(f.endedAfter); where.push(`a.ends_at > $${params.length}`); }
  if (f.mine) where.push('my.person_key is not null');
  params.push(f.limit ?? 100);
  const order = f.endedAfter ? 'a.starts_at asc' : 'a.starts_at desc';
  return (await tx.query<ActivityRow>(`${ACTIVITY_SELECT('$1')} where ${where.join(' and ')} order by ${order}, a.id limit $${params.length}`, params)).rows;
}

export interface SignupRow {
  resident_id: string | null; name: string | null; signed_up_at: Date; checked_in_at: Date | null; checked_out_at: Date | null;
  hours: string | number | null; points: string | number | null;
}

export async function listSignups(tx: Tx, activityId: string): Promise<SignupRow[]> {
  return (await tx.query<SignupRow>(
    `select s.resident_id, r.name, s.signed_up_at, s.checked_in_at, s.checked_out_at, s.hours,
            (select sum(e.amount) from point_transactions pt join point_entries e on e.transaction_id = pt.id and e.account_id = pt.subject_id
               join point_accounts pa on pa.id = pt.subject_id
              where pt.event_ref = 'activity:' || s.activity_id and pt.kind = 'award'
                and (pa.resident_id = s.resident_id or pa.household_id = r.household_id)) as points
       from activity_signups s left join registry_residents r on r.id = s.resident_id
      where s.activity_id = $1 order by s.signed_up_at, r.name`, [activityId])).rows;
}
