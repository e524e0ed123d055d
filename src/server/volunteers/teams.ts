import type { Tx } from '../platform/db/db.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { TEAM_NAMES } from '../../domain/volunteers/hours.ts';
import type { TeamColour } from '../../shared/volunteers.ts';
import { personOfResident, requirePersonOfAccount, type RegistryPerson } from '../participation/person.ts';
import { listTeams, manages, readSql, volunteerInvalid, type TeamRow, type VolunteerReader } from './store.ts';

/*
 * 五色志愿服务队 (issue 16, H5): one team per colour and community (民聚红 · 民兴金 · 民和橙 · 民康绿 · 民安蓝, H1's
 * TEAM_NAMES), and its members — registry people of the team's community, added by an organiser or joining by
 * themselves; a member who leaves keeps the row (left_at) and may join again. Each change audited in its transaction.
 */

export interface Opts { now: Date; ip: string | null }

export async function createTeam(tx: Tx, r: VolunteerReader, b: { orgUnitId: string; colour: TeamColour; name?: string; focus?: string; leaderName?: string | null }, o: Opts): Promise<string> {
  const params: unknown[] = [b.orgUnitId];
  const unit = (await tx.query<{ id: string; path: string; name: string; level: string }>(
    `select id, path, name, level from org_units u where u.id = $1 and ${readSql(r, 'u.path', params)}`, params)).rows[0];
  if (!unit || !r.organiser || !unit.path.startsWith(r.p.scopePath!)) throw notFound('organisation unit');
  if (unit.level !== 'community') throw volunteerInvalid('The five-colour teams are formed per community.', '五色志愿服务队按社区（村）组建。', { field: 'orgUnitId' });
  const names = TEAM_NAMES[b.colour];
  const ins = await tx.query<{ id: string }>(
    `insert into volunteer_teams (org_unit_id, org_path, colour, name, focus, leader_name, created_at)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict (org_unit_id, colour) do nothing returning id`,
    [unit.id, unit.path, b.colour, b.name?.trim() || names.name, b.focus?.trim() || names.focus, b.leaderName?.trim() || null, o.now]);
  if (!ins.rows[0]) throw new AppError('CONFLICT', `${unit.name} has its ${names.nameEn} team already.`, `${unit.name}已有${names.name}志愿服务队。`);
  await appendAudit(tx, {
    at: o.now, actorId: r.p.accountId, actorName: r.p.name, ip: o.ip, action: 'volunteer.team.create', targetType: 'volunteer_team',
    targetId: ins.rows[0].id, success: true, detail: { orgUnit: unit.name, colour: b.colour, name: b.name?.trim() || names.name },
  });
  return ins.rows[0].id;
}

export async function teamOf(tx: Tx, r: VolunteerReader, id: string, lock = false): Promise<TeamRow> {
  const t = (await listTeams(tx, r, { id, lock }))[0];
  if (!t) throw notFound('team');
  return t;
}

async function addMembership(tx: Tx, team: TeamRow, person: RegistryPerson, r: VolunteerReader, joining: boolean, o: Opts): Promise<void> {
  if (!person.orgPath.startsWith(team.org_path)) {
    throw volunteerInvalid('The person lives outside the team\'s community.', '该居民不在本队所在社区。', { field: 'residentId' });
  }
  const ins = await tx.query(
    `insert into volunteer_members (team_id, resident_id, joined_at) values ($1, $2, $3)
     on conflict (team_id, resident_id) do update set joined_at = excluded.joined_at, left_at = null
       where volunteer_members.left_at is not null
     returning team_id`, [team.id, person.residentId, o.now]);
  if (ins.rows.length === 0) return; // a member already: nothing changes
  await appendAudit(tx, {
    at: o.now, actorId: r.p.accountId, actorName: r.p.name, ip: o.ip, action: joining ? 'volunteer.team.join' : 'volunteer.team.member_add', targetType: 'volunteer_team', targetId: team.id,
    success: true, detail: { team: team.name, residentId: person.residentId },
  });
}

/** An organiser adds a registry person of their scope and of the team's community. */
export async function addMember(tx: Tx, r: VolunteerReader, teamId: string, residentId: string, o: Opts): Promise<void> {
  const team = await teamOf(tx, r, teamId, true);
  if (!manages(r, team.org_path)) throw forbidden();
  const person = await personOfResident(tx, residentId);
  if (!person || !person.orgPath.startsWith(r.p.scopePath!) && !r.p.scopePath!.startsWith(person.orgPath)) throw notFound('resident');
  await addMembership(tx, team, person, r, false, o);
}

/** A resident joins as their registry person (422 PERSON_NOT_IN_REGISTRY outside it). */
export async function joinTeam(tx: Tx, pii: PiiCipher, r: VolunteerReader, teamId: string, o: Opts): Promise<void> {
  const person = r.person ?? await requirePersonOfAccount(tx, pii, r.p.accountId);
  const team = await teamOf(tx, r, teamId, true);
  await addMembership(tx, team, person, r, true, o);
}

/** An organiser removes a member; a resident removes themself (leaves). The row stays with left_at. */
export async function removeMember(tx: Tx, r: VolunteerReader, teamId: string, residentId: string, o: Opts): Promise<void> {
  const team = await teamOf(tx, r, teamId, true);
  const self = r.person?.residentId === residentId;
  if (!self && !manages(r, team.org_path)) throw forbidden();
  if (!self) {
    // an organiser removes registry people of their scope (a grid's worker: of their grid)
    const person = await personOfResident(tx, residentId);
    if (person && !(person.orgPath.startsWith(r.p.scopePath!) || r.p.scopePath!.startsWith(person.orgPath))) throw notFound('member');
  }
  const u = await tx.query(`update volunteer_members set left_at = $3 where team_id = $1 and resident_id = $2 and left_at is null returning team_id`,
    [teamId, residentId, o.now]);
  if (u.rows.length === 0) throw notFound('member');
  await appendAudit(tx, {
    at: o.now, actorId: r.p.accountId, actorName: r.p.name, ip: o.ip, action: self ? 'volunteer.team.leave' : 'volunteer.team.member_remove',
    targetType: 'volunteer_team', targetId: teamId, success: true, detail: { team: team.name, residentId },
  });
}
